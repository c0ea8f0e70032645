// Entry of the export thread: registers tsx's loader in this thread (whether or not the server
// itself runs under tsx: `npm start`, tests, the bench), then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
