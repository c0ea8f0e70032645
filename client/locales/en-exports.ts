/** English translations of the exports UI (see en.ts). */
import { str } from '@lit/localize';

export const exportsTemplates = {
  'exports.format.docx': 'Word (DOCX)',
  'exports.format.odt': 'OpenDocument (ODT)',
  'exports.format.pdf': 'PDF',
  'exports.format.md': 'Markdown',
  'exports.format.html': 'Standalone HTML page',
  'exports.hint.docx': 'To review and annotate in Word; the table of contents updates when the file opens.',
  'exports.hint.odt': 'Open format required by many public bodies; opens with LibreOffice.',
  'exports.hint.pdf': 'To share or print a version that no longer changes, with a table of contents and page numbers.',
  'exports.hint.md': 'Structured plain text, for archiving or publishing tools.',
  'exports.hint.html': 'One web page, readable in any browser, even offline.',
  'exports.live': 'the current state of the contract',
  'exports.legend': str`Export format for “${0}”`,
  'exports.start': 'Export',
  'exports.progress': 'Export progress',
  'exports.queued': 'Waiting: another export is finishing.',
  'exports.running': str`${0} % — ${1}`,
  'exports.done': str`Export finished: “${0}”. The download is starting.`,
  'exports.download': str`Download “${0}”`,
  'exports.failed': 'The export failed. Try again.',
};
