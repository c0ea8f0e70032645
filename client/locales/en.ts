/**
 * English translations, by message id. French is the source language: each `msg()` call carries
 * its French text and an explicit `id`; a missing id here falls back to French. Placeholders
 * `${0}`, `${1}` are the source expressions in order (translators may move them).
 */
import { str } from '@lit/localize';
import { accountTemplates } from './en-account';
import { amendmentsTemplates } from './en-amendments';
import { budgetTemplates } from './en-budget';
import { commentsTemplates } from './en-comments';
import { notificationsTemplates } from './en-notifications';
import { roundsTemplates } from './en-rounds';
import { followUpTemplates } from './en-follow-up';
import { membersTemplates } from './en-members';
import { programmeTemplates } from './en-programme';
import { versionsTemplates } from './en-versions';
import { exportsTemplates } from './en-exports';
import { authorshipTemplates } from './en-authorship';
import { contractImportTemplates } from './en-contract-import';
import { versionDiffTemplates } from './en-version-diff';

export const templates = {
  ...accountTemplates,
  ...membersTemplates,
  ...programmeTemplates,
  ...budgetTemplates,
  ...followUpTemplates,
  ...commentsTemplates,
  ...amendmentsTemplates,
  ...roundsTemplates,
  ...notificationsTemplates,
  ...versionsTemplates,
  ...exportsTemplates,
  ...authorshipTemplates,
  ...contractImportTemplates,
  ...versionDiffTemplates,
  'nav.versions': 'Versions',
  'nav.contractImport': 'Import a text',
  'refusal.versionsRead': 'Your role lets you read published versions only.',
  'refusal.contractImport': 'Only the coordination and the facilitation may import a text into the contract.',
  'editor.readonly.frozen': str`Read only: the contract was adopted on ${0}; it is frozen. The coordination can open a new draft from the Versions page.`,
  'nav.comments': 'Comments',
  'nav.amendments': 'Amendments',
  'nav.decisions': 'Decisions',
  'nav.notifications': 'Notifications',
  'nav.sheets': 'Action sheets',
  'nav.budget': 'Budget',
  'nav.followUp': 'Follow-up',
  'refusal.followUpRead': 'Your role does not allow you to see the follow-up of the actions.',
  'app.skip': 'Skip to content',
  'common.cancel': 'Cancel',
  'common.close': 'Close',

  'connection.connected': 'Connected',
  'connection.syncing': 'Syncing…',
  'connection.offline': 'Offline',
  'connection.offline.detail': ' — your changes are saved and will be sent when the connection is back',
  'connection.offline.notice': 'You can keep writing: everything is kept on this device and will be shared as soon as the connection is back.',
  'connection.error': 'Connection interrupted',
  'connection.retry': 'Reconnect',
  'connection.close.tooBig':
    'Your last change is too large to be sent (more than 1 MB at once): it stays on this device but is not shared. Undo it (Ctrl+Z), then click “Reconnect”.',
  'connection.close.malformed':
    'The server could not read a change sent by this browser; nothing of it was saved. Reload the page, then click “Reconnect”. If it happens again, tell the person who hosts Trame.',
  'connection.close.rateLimited':
    'Too many changes were sent in a short time: the server is taking a short break. Reconnecting automatically in a few seconds; your changes are kept.',
  'connection.close.unavailable':
    'The server cannot open the contract right now; its data is untouched. Retrying automatically; your changes stay on this device.',
  'connection.close.other': 'The connection to the server was interrupted. Retrying automatically; your changes stay on this device.',

  'editor.label': 'Contract text',
  'editor.loading': 'Loading the contract…',
  'editor.placeholder': 'The contract is empty. Start with its title, then the shared diagnosis.',
  'editor.refusal.dismiss': 'Got it',
  'editor.tooLarge': str`This paste is too large to be shared at once (about ${0} MB once formatted; at most ${1} MB at a time). Nothing was changed: paste the text in several parts.`,

  'envelope.title': 'Programme envelope',

  'fetch.serverError': 'The Trame server has a problem. Try again in a moment.',
  'fetch.requestFailed': 'The request did not succeed. Reload the page and try again.',
  'fetch.unreachable': 'Cannot reach the Trame server. Check your connection, then try again.',
  'fetch.unexpected': 'An unexpected error occurred. Reload the page and try again.',


  'key.ctrl': 'Ctrl',
  'key.shift': 'Shift',
  'key.enter': 'Enter',
  'key.escape': 'Esc',
  'key.backspace': 'Backspace',

  'language.label': 'Language',

  'link.titleAdd': 'Add a link',
  'link.titleEdit': 'Edit the link',
  'link.address': 'Link address',
  'link.hint': 'A web address (https://…) or an e-mail address.',
  'link.invalid': 'Only web links (http:// or https://) and e-mail addresses (mailto:) are accepted. Check the address.',
  'link.remove': 'Remove the link',
  'link.apply': 'Apply',

  'main.title': str`Contract — ${0}`,
  'nav.label': 'Workspace',
  'nav.contract': 'Contract',

  'presence.label': str`People present: ${0}`,
  'presence.expand': str`Show the ${0} people present`,
  'presence.collapse': 'Close the list of people present',
  'presence.timeout': 'The list of people present could not be loaded. It will be retried when the connection comes back.',

  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.intro': 'On a Mac, Ctrl means the ⌘ key. The ? key opens this help when the cursor is not in the text.',
  'shortcuts.formatting': 'Formatting',
  'shortcuts.blocks': 'Headings, lists and quotes',
  'shortcuts.tables': 'Tables',
  'shortcuts.navigation': 'Navigation and help',
  'shortcuts.hardBreak': 'Line break within a paragraph',
  'shortcuts.indent': 'Indent or outdent a list item',
  'shortcuts.nextCell': 'Next cell (new row from the last one)',
  'shortcuts.previousCell': 'Previous cell',
  'shortcuts.toToolbar': 'Go from the text to the toolbar',
  'shortcuts.inToolbar': 'Move between toolbar buttons',
  'shortcuts.help': 'Show this help',
  'shortcuts.or': 'or',

  'status.loading': 'Loading the workspace…',
  'status.empty.title': 'No workspace yet',
  'status.empty.body':
    'A workspace brings together the organisations writing a contract together. When the coordination invites you into theirs, it will appear here.',
  'status.notFound.title': 'This page does not exist',
  'status.notFound.body': 'The address may be incomplete. Go back to the home page to find your workspace.',
  'status.error.title': 'The workspace could not be opened',
  'status.retry': 'Try again',
  'status.home': 'Back to the home page',

  'toolbar.label': 'Contract formatting',
  'toolbar.paragraph': 'Paragraph',
  'toolbar.heading1': 'Heading 1',
  'toolbar.heading2': 'Heading 2',
  'toolbar.heading3': 'Heading 3',
  'toolbar.heading1.glyph': 'H1',
  'toolbar.heading2.glyph': 'H2',
  'toolbar.heading3.glyph': 'H3',
  'toolbar.bold': 'Bold',
  'toolbar.bold.glyph': 'B',
  'toolbar.italic': 'Italic',
  'toolbar.italic.glyph': 'I',
  'toolbar.link': 'Link',
  'toolbar.bulletList': 'Bulleted list',
  'toolbar.orderedList': 'Numbered list',
  'toolbar.blockquote': 'Quote',
  'toolbar.insertTable': 'Insert a table',
  'toolbar.addRowAfter': 'Add a row',
  'toolbar.deleteRow': 'Delete the row',
  'toolbar.addColumnAfter': 'Add a column',
  'toolbar.deleteColumn': 'Delete the column',
  'toolbar.deleteTable': 'Delete the table',
  'toolbar.undo': 'Undo',
  'toolbar.redo': 'Redo',

  'topbar.home': 'home',
  'topbar.help.title': 'Keyboard shortcuts (F1)',
};
