/**
 * Reading a CSV file as people export it from a spreadsheet: UTF-8 (with or without BOM) or
 * Windows-1252 (Excel's French default), comma or semicolon separated. What is not a CSV text
 * (a workbook, an image, UTF-16 "Unicode text") is refused with a message that says what to do.
 */
import { parse } from 'csv-parse/sync';

export interface CsvTable {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: ',' | ';';
  header: string[];
  /** Data rows with their line number in the file. */
  rows: { line: number; cells: string[] }[];
}

/** A file that cannot be read as CSV; its message is French and says what to do. */
export class UnreadableCsvError extends Error {}

const saveAsCsv = 'Enregistrez votre tableau au format « CSV UTF-8 » (ou « CSV (séparateur : point-virgule) ») et importez ce fichier-là.';

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => signature.every((byte, i) => bytes[i] === byte);

/** Refuses bytes that are not text: workbooks (zip or OLE2), UTF-16, and anything with control bytes. */
function checkIsText(bytes: Uint8Array): void {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new UnreadableCsvError('Ce fichier est un classeur Excel ou OpenDocument, pas un CSV. Dans votre tableur : « Enregistrer sous » > « CSV UTF-8 », puis importez ce fichier-là.');
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new UnreadableCsvError(`Ce fichier est en UTF-16 (« Texte Unicode »), pas en CSV. ${saveAsCsv}`);
  }
  // Text never holds NUL or other C0 control bytes besides tab, line feed, form feed and carriage return.
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d)) {
    throw new UnreadableCsvError(`Ce fichier n’est pas un fichier texte CSV. ${saveAsCsv}`);
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The line where the last quote left open starts (quotes toggle; an escaped `""` toggles twice). */
function lineOfUnclosedQuote(text: string): number {
  let line = 1;
  let openedAt = 1;
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') {
      isQuoted = !isQuoted;
      if (isQuoted) openedAt = line;
    } else if (char === '\n') line++;
  }
  return openedAt;
}

/** Parses the file; throws an UnreadableCsvError with a French message when it is not readable CSV. */
export function readCsv(bytes: Uint8Array): CsvTable {
  checkIsText(bytes);
  const { text, encoding } = decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true`, csv-parse returns { record, info } objects; its typings only describe plain rows.
    // relax_quotes: a quote inside an unquoted cell (`Dupont "fils"`) is kept as typed.
    records = parse(text, { delimiter, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new UnreadableCsvError(`Ligne ${lineOfUnclosedQuote(text)} : un guillemet ouvert n’est jamais fermé. Vérifiez cette ligne dans votre tableur.`);
    }
    throw new UnreadableCsvError(`Ligne ${lines ?? '?'} : ce fichier n’a pas pu être lu comme un CSV. ${saveAsCsv}`);
  }
  const [header, ...rows] = records;
  return { encoding, delimiter, header: header?.record ?? [], rows: rows.map(({ record, info }) => ({ line: info.lines, cells: record })) };
}
