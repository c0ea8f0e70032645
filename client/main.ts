/**
 * Entry point. The remembered language is applied before `<trame-app>` is created, so that an
 * English reader never sees the French interface flash first; French (the default) costs nothing.
 */
import './styles/tokens.css';
import './styles/base.css';
import './styles/top-bar.css';
import './styles/workspace.css';
import './app';
import { initLocalization } from './i18n/localization';

await initLocalization();
document.body.prepend(document.createElement('trame-app'));
