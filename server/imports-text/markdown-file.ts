/**
 * A Markdown file → the contract's rich text. The bytes must be UTF-8 text: a binary file (an
 * image or a DOCX renamed .md) or another encoding is refused with a French problem instead of
 * being imported as garbage. The conversion itself is shared/rich-text/markdown.ts (raw HTML
 * stays text).
 */
import { fail, ok, type Result } from '../../shared/result';
import { markdownToRichText, toRichTextNode, type MarkdownImport } from '../../shared/rich-text/markdown';
import { importProblems, maxMarkdownBytes } from './import-problems';

/** Control characters other than tab, line feed, carriage return and form feed: a sign of binary. */
// eslint-disable-next-line no-control-regex
const binaryCharacters = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

/** Decodes UTF-8 text, or undefined when the bytes are not (readable) text. */
export function decodeText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
  const binary = text.match(binaryCharacters)?.length ?? 0;
  if (text.includes('\u0000') || binary > Math.max(8, text.length / 1000)) return undefined;
  return text.replace(binaryCharacters, '');
}

export function markdownFileToRichText(bytes: Uint8Array): Result<MarkdownImport> {
  if (bytes.byteLength === 0) return fail(importProblems.empty);
  if (bytes.byteLength > maxMarkdownBytes) return fail(importProblems.tooMuchText);
  const text = decodeText(bytes);
  if (text === undefined) return fail(importProblems.notText);
  if (text.trim() === '') return fail(importProblems.empty);
  const converted = markdownToRichText(text);
  if (toRichTextNode(converted.doc).textContent.trim() === '') return fail(importProblems.noText);
  return ok(converted);
}
