/**
 * Vite builds the browser client from `client/` into `client/dist`, which the server serves.
 * In development, the dev server forwards the API and both WebSocket endpoints to the Node server
 * so that the client always talks to its own origin, as it does in production.
 */
import { defineConfig } from 'vite';

const serverOrigin = 'http://localhost:3000';

export default defineConfig({
  root: 'client',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay cached across deploys.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/prosemirror|orderedmap|rope-sequence|w3c-keyname/.test(id)) return 'prosemirror';
          if (/[\\/](yjs|y-[a-z]+|lib0)[\\/]/.test(id)) return 'yjs';
          if (/socket\.io|engine\.io|@socket\.io/.test(id)) return 'socket-io';
          if (/[\\/](lit|lit-html|lit-element|@lit)[\\/]/.test(id)) return 'lit';
          if (/[\\/]zod[\\/]/.test(id)) return 'zod';
          return 'vendor';
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: serverOrigin },
      '/socket.io': { target: serverOrigin, ws: true },
      '/yjs': { target: serverOrigin, ws: true },
    },
  },
});
