/**
 * A Word document (DOCX) → the contract's rich text. The zip is opened by zip-guard (zip bombs
 * refused before inflating, sizes capped while inflating) and only its XML parts are kept: images
 * and embedded objects are never inflated. mammoth turns those parts into HTML (headings from the
 * Word styles, lists, tables, bold/italic, links), linkedom parses that HTML (it runs no script),
 * and ProseMirror's DOMParser keeps only what the contract schema knows: unknown tags (a
 * `<script>` included) never become markup, unsafe links are dropped by the schema.
 */
import { zipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { DOMParser as ProseMirrorDOMParser } from 'prosemirror-model';
import { contractSchema } from '../../shared/contract-schema';
import { fail, ok, type Result } from '../../shared/result';
import type { MarkdownImport, RichTextJson } from '../../shared/rich-text/markdown';
import { importProblems } from './import-problems';
import { extractZip, looksLikeZip, readZipDirectory, ZipGuardError, type ZipLimits, defaultZipLimits } from './zip-guard';

/** Largest HTML mammoth may produce from the text parts (characters). */
const maxHtmlLength = 20 * 1024 * 1024;

/** Parts of the package the text needs: XML and relationships; never media. */
const isTextPart = (name: string): boolean => /\.(xml|rels)$/i.test(name) && !name.startsWith('word/media/');

const styleMap = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh", "p[style-name='Titre'] => h1:fresh"];

function zipProblem(error: ZipGuardError): Result<never> {
  switch (error.problem) {
    case 'not-zip':
      return fail(importProblems.notDocx);
    case 'bomb':
      return fail(importProblems.zipBomb);
    case 'unsupported':
      return fail(importProblems.unsupportedZip);
    default:
      return fail(importProblems.damagedZip);
  }
}

/** Converts DOCX bytes; French problems for everything that is not a readable Word document. */
export async function docxToRichText(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): Promise<Result<MarkdownImport>> {
  if (bytes.byteLength === 0) return fail(importProblems.empty);
  if (!looksLikeZip(bytes)) return fail(importProblems.notDocx);
  let parts: Map<string, Uint8Array>;
  try {
    const names = new Set(readZipDirectory(bytes, limits).map((entry) => entry.name));
    if (!names.has('word/document.xml') || !names.has('[Content_Types].xml')) return fail(importProblems.notDocx);
    parts = extractZip(bytes, isTextPart, limits);
  } catch (error) {
    if (error instanceof ZipGuardError) return zipProblem(error);
    throw error;
  }

  let html: string;
  let messages: readonly { type: string; message: string }[];
  try {
    // A clean archive of the text parts only, stored (no compression): mammoth reads exactly these bytes.
    const clean = zipSync(Object.fromEntries(parts), { level: 0 });
    const converted = await mammoth.convertToHtml(
      { buffer: Buffer.from(clean.buffer, clean.byteOffset, clean.byteLength) },
      {
        styleMap,
        externalFileAccess: false,
        // Images are not imported: nothing is read, an empty element the schema then drops.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = converted.value;
    messages = converted.messages;
  } catch {
    return fail(importProblems.damagedDocx);
  }
  if (html.length > maxHtmlLength) return fail(importProblems.tooMuchText);

  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const warnings: string[] = [];
  // The schema has headings 1 to 3: deeper ones become level 3 rather than plain paragraphs.
  const deep = [...document.querySelectorAll('h4, h5, h6')];
  for (const heading of deep) {
    const replacement = document.createElement('h3');
    while (heading.firstChild) replacement.appendChild(heading.firstChild);
    heading.replaceWith(replacement);
  }
  if (deep.length > 0) warnings.push('Les titres de niveau 4 à 6 deviennent des titres de niveau 3.');
  const images = document.querySelectorAll('img').length;
  if (images > 0) warnings.push(images === 1 ? 'Une image n’est pas importée.' : `${images} images ne sont pas importées.`);
  const unknownStyles = messages.filter((message) => message.type === 'warning' && /style/i.test(message.message)).length;
  if (unknownStyles > 0) {
    warnings.push(
      unknownStyles === 1
        ? 'Un style Word n’est pas reconnu : son texte est importé comme paragraphe ordinaire.'
        : `${unknownStyles} styles Word ne sont pas reconnus : leur texte est importé comme paragraphes ordinaires.`,
    );
  }
  const parser = ProseMirrorDOMParser.fromSchema(contractSchema);
  const doc = parser.parse(document.body as unknown as Node);
  if (doc.textContent.trim() === '') return fail(importProblems.noText);
  return ok({ doc: doc.toJSON() as RichTextJson, warnings });
}
