/** Building CSV files as spreadsheets write them: Excel's French default is Windows-1252, `;`, CRLF. */

/** Windows-1252 bytes 0x80–0x9F (the rest of Latin-1 maps to itself). */
const windows1252High: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Encodes text in Windows-1252; throws on a character it cannot hold (as Excel would replace it with `?`). */
export function encodeWindows1252(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const code = text.charCodeAt(i);
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : windows1252High[char];
    if (byte === undefined) throw new Error(`« ${char} » has no Windows-1252 byte`);
    bytes[i] = byte;
  }
  return bytes;
}

/** One CSV line, quoting cells as Excel does (only when they hold the delimiter, a quote or a line break). */
export function csvLine(cells: readonly string[], delimiter = ';'): string {
  return cells.map((cell) => (/[";\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter);
}

/** Lines joined with CRLF and a final CRLF, as Excel saves them. */
export function csvFile(lines: readonly (readonly string[])[], delimiter = ';'): string {
  return `${lines.map((cells) => csvLine(cells, delimiter)).join('\r\n')}\r\n`;
}
