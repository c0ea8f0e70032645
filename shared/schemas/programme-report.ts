/**
 * What the server found when it last checked the structured contract (after each update): the
 * problems of `readProgramme` and the consolidated totals. Sent on Socket.IO to everyone in the
 * workspace when it changes, and served by `GET /api/workspaces/:id/programme/report`.
 */
import type { BudgetWarning, InvalidLine } from '../budget/consolidate';
import type { ProgrammeProblem } from '../programme/read';

export interface ProgrammeReport {
  workspaceId: string;
  /** When the server checked (ISO date-time). */
  checkedAt: string;
  axisCount: number;
  sheetCount: number;
  lineCount: number;
  totalCents: number;
  byFunder: { funder: string; cents: number }[];
  byAxis: { axisId: string; cents: number }[];
  byYear: { year: number; cents: number }[];
  invalidLines: InvalidLine[];
  warnings: BudgetWarning[];
  problems: ProgrammeProblem[];
}
