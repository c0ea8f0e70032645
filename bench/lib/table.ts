/** Plain-text tables (Markdown pipe syntax, so that they paste into RESULTS.md as they are). */

export type Cell = string | number | undefined;

export function renderTable(title: string, header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((row) => header.map((_, i) => formatCell(row[i])));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [`\n${title}\n`, line(header), rule, ...text.map(line)].join('\n') + '\n';
}

function formatCell(value: Cell): string {
  if (value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '–';
  return formatNumber(value);
}

/** 3 significant digits for small numbers, thousands separators for large ones. */
export function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (Number.isInteger(value) || magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  if (magnitude === 0) return '0';
  return value.toPrecision(2);
}

export function mib(bytes: number): number {
  return bytes / 1024 / 1024;
}

/** "1.23×" for a ratio, "–" when it cannot be computed. */
export function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '–';
}
