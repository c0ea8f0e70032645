/**
 * The problems of one action sheet, as the document's reading found them, sorted by where they
 * belong on the page: a field, an indicator, a financing line.
 */
import type { ProgrammeProblem } from '../../shared/programme/read';

/** One sheet's problems, findable by field, indicator or line. */
export class SheetProblems {
  readonly all: readonly ProgrammeProblem[];

  constructor(problems: readonly ProgrammeProblem[], sheetId: string) {
    this.all = problems.filter((problem) => problem.sheetId === sheetId);
  }

  /** Messages about a field of the sheet itself (not about one indicator or line). */
  field(field: string): string[] {
    return this.all.filter((problem) => problem.field === field && problem.lineId === undefined && problem.indicatorId === undefined).map((problem) => problem.message);
  }

  line(lineId: string): string[] {
    return this.all.filter((problem) => problem.lineId === lineId).map((problem) => problem.message);
  }

  indicator(indicatorId: string): string[] {
    return this.all.filter((problem) => problem.indicatorId === indicatorId).map((problem) => problem.message);
  }
}
