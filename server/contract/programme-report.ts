/**
 * The server's report on a structured contract (shared/schemas/programme-report.ts), built from a
 * programme and its consolidation; and the comparison that decides whether it changed.
 */
import type { ProgrammeReport } from '../../shared/schemas/programme-report';
import type { LiveProgramme } from './contract-reader';

export function buildProgrammeReport(workspaceId: string, { programme, consolidation }: LiveProgramme, checkedAt: Date): ProgrammeReport {
  return {
    workspaceId,
    checkedAt: checkedAt.toISOString(),
    axisCount: programme.axes.length,
    sheetCount: programme.sheets.size,
    lineCount: programme.lines.length,
    totalCents: consolidation.totalCents,
    byFunder: [...consolidation.byFunder].map(([funder, cents]) => ({ funder, cents })),
    byAxis: [...consolidation.byAxis].map(([axisId, cents]) => ({ axisId, cents })),
    byYear: [...consolidation.byYear].sort(([a], [b]) => a - b).map(([year, cents]) => ({ year, cents })),
    invalidLines: consolidation.invalidLines,
    warnings: consolidation.warnings,
    problems: programme.problems,
  };
}

/** What a report says, without when it was checked: two reports with the same key say the same. */
export function reportKey(report: ProgrammeReport): string {
  const { checkedAt: _checkedAt, ...content } = report;
  return JSON.stringify(content);
}
