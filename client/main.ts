/**
 * Entry point. The remembered language is applied before `<trame-app>` is created, so that an
 * English reader never sees the French interface flash first; French (the default) costs nothing.
 */
import './styles/tokens.css';
import './styles/base.css';
import './styles/top-bar.css';
import './styles/workspace.css';
import './styles/pages.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/members.css';
import './styles/programme.css';
import './styles/budget.css';
import './styles/follow-up.css';
import './styles/amendments.css';
import './styles/rounds.css';
import './styles/notifications.css';
import './styles/comments.css';
import './styles/versions.css';
import './styles/version-diff.css';
import './styles/authorship.css';
import './styles/contract-import.css';
import './styles/exports.css';
import './app';
import { forgetLegacyIdentity } from './account/structure-choice';
import { initLocalization } from './i18n/localization';

forgetLegacyIdentity();
await initLocalization();
document.body.prepend(document.createElement('trame-app'));
