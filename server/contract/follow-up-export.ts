/**
 * The follow-up exports (CSV and XLSX), one row per action sheet in programme order. Rows come
 * from the steering committee's dashboard (`buildDashboard`, shared with the client), so a file
 * and the screen agree to the cent. CSV is written for a French spreadsheet: UTF-8 with a BOM,
 * `;` between fields, decimal commas. XLSX holds real numbers (euros) and dates.
 */
import { stringify } from 'csv-stringify/sync';
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import { buildDashboard, type DashboardInput, type DashboardRow } from '../../shared/follow-up/dashboard';
import { assessmentLabels, realisationStatusLabels } from '../../shared/schemas/follow-up';

type Kind = 'text' | 'euros' | 'count' | 'date';

interface ExportColumn {
  header: string;
  kind: Kind;
  /** Approximate width in characters, for the XLSX sheet. */
  width: number;
  value(row: DashboardRow): string | number | null;
}

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const show = (value: number | null): string => (value === null ? '—' : number.format(value));

/** "Manifestations labellisées : 250 / 300 manifestations (au 15/06/2012)", one indicator after the other. */
function indicatorsText(row: DashboardRow): string {
  return row.indicators
    .map((indicator) => {
      const unit = indicator.unit === '' ? '' : ` ${indicator.unit}`;
      const when = indicator.latestActualDate === null ? ' (pas encore mesuré)' : ` (au ${frenchDate(indicator.latestActualDate)})`;
      return `${indicator.name} : ${show(indicator.latestActual)} / ${show(indicator.target)}${unit}${when}`;
    })
    .join(' ; ');
}

/** YYYY-MM-DD → DD/MM/YYYY. */
function frenchDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day ?? ''}/${month ?? ''}/${year ?? ''}`;
}

export const exportColumns: readonly ExportColumn[] = [
  { header: 'Numéro', kind: 'text', width: 8, value: (row) => row.number },
  { header: 'Axe', kind: 'text', width: 30, value: (row) => (row.axisNumber === null ? 'Sans axe' : `${row.axisNumber}. ${row.axisTitle}`) },
  { header: 'Intitulé', kind: 'text', width: 40, value: (row) => row.title },
  { header: 'Structure porteuse', kind: 'text', width: 30, value: (row) => row.leadName },
  { header: 'Territoires', kind: 'text', width: 24, value: (row) => row.territories.join(', ') },
  { header: 'Début', kind: 'date', width: 11, value: (row) => row.startDate },
  { header: 'Fin', kind: 'date', width: 11, value: (row) => row.endDate },
  { header: 'État', kind: 'text', width: 14, value: (row) => realisationStatusLabels[row.status] },
  { header: 'Prévu (€)', kind: 'euros', width: 14, value: (row) => row.plannedCents },
  { header: 'Engagé (€)', kind: 'euros', width: 14, value: (row) => row.committedCents },
  { header: 'Dépensé (€)', kind: 'euros', width: 14, value: (row) => row.spentCents },
  { header: 'Comptes rendus', kind: 'count', width: 10, value: (row) => row.reportsCount },
  { header: 'Dernier compte rendu', kind: 'date', width: 12, value: (row) => row.latestReportDate },
  { header: 'Indicateurs (dernier réalisé / cible)', kind: 'text', width: 50, value: indicatorsText },
  { header: 'Période évaluée', kind: 'text', width: 10, value: (row) => row.latestEvaluation?.period ?? null },
  { header: 'Appréciation', kind: 'text', width: 14, value: (row) => (row.latestEvaluation === null ? null : assessmentLabels[row.latestEvaluation.assessment]) },
  { header: 'Recommandation', kind: 'text', width: 40, value: (row) => row.latestEvaluation?.recommendation ?? null },
];

/** One row per action sheet, in programme order. */
export function exportRows(input: DashboardInput): DashboardRow[] {
  return buildDashboard(input).rows;
}

/** Cents as a French decimal number, exact: 760250000 → "7602500,00". */
function csvEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

function csvCell(column: ExportColumn, row: DashboardRow): string {
  const value = column.value(row);
  if (value === null) return '';
  if (column.kind === 'euros') return csvEuros(value as number);
  if (column.kind === 'date') return frenchDate(String(value));
  return String(value);
}

/** The CSV file's text (with its BOM). */
export function followUpCsv(rows: readonly DashboardRow[]): string {
  const records = [exportColumns.map((column) => column.header), ...rows.map((row) => exportColumns.map((column) => csvCell(column, row)))];
  return stringify(records, { bom: true, delimiter: ';', record_delimiter: 'windows' });
}

function xlsxCell(column: ExportColumn, row: DashboardRow): Cell {
  const value = column.value(row);
  if (value === null) return null;
  switch (column.kind) {
    case 'euros':
      return { value: (value as number) / 100, type: Number, format: '#,##0.00 "€"' };
    case 'count':
      return { value: value as number, type: Number };
    case 'date': {
      const [year, month, day] = String(value).split('-').map(Number);
      return { value: new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)), type: Date, format: 'dd/mm/yyyy' };
    }
    default:
      return { value: String(value), type: String, wrap: true };
  }
}

/** The XLSX file's bytes: one sheet, a bold frozen header row. */
export async function followUpXlsx(rows: readonly DashboardRow[]): Promise<Buffer> {
  const header: Row = exportColumns.map((column) => ({ value: column.header, fontWeight: 'bold', wrap: true }));
  const data: Row[] = [header, ...rows.map((row) => exportColumns.map((column) => xlsxCell(column, row)))];
  const buffer = await writeExcelFile(data, { sheet: 'Suivi des actions', columns: exportColumns.map((column) => ({ width: column.width })), stickyRowsCount: 1 }).toBuffer();
  return buffer as Buffer;
}
