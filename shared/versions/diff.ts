/**
 * "What changed since the last committee?": the comparison of two versions of a contract (two
 * stored versions, or a version and the live document), as plain JSON for one screen.
 *
 * - the text, section by section, word by word inside the blocks that changed (diff-sections);
 * - the axes and the action sheets, field by field, with their financing before → after
 *   (diff-sheets);
 * - the consolidated budget per axis, funder and year (diff-budget), and a summary of counts.
 *
 * Pure (reads both documents, writes nothing) and never throws on odd content: it reads through
 * `readProgramme`, which reads damaged fields as empty. Fast enough to run on each request: see
 * bench/diff.ts for a 3-axis × 40-sheet contract.
 */
import type * as Y from 'yjs';
import { consolidate, type Consolidation, type EnvelopeShares } from '../budget/consolidate';
import { readProgramme } from '../programme/read';
import { diffBudget } from './diff-budget';
import { diffSections } from './diff-sections';
import { diffAxes, diffSheets, type Side } from './diff-sheets';
import type { VersionDiff } from './diff-types';

export type * from './diff-types';

export interface DiffOptions {
  /** The envelope of both sides, when the same. */
  envelope?: EnvelopeShares;
  /** Per side, when they differ (overrides `envelope`). */
  envelopes?: { before?: EnvelopeShares; after?: EnvelopeShares };
  /** Structure names by id, for leads and partners; an unknown id is shown as is. */
  structureNames?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
}

function side(doc: Y.Doc, envelope: EnvelopeShares | undefined): Side & { consolidation: Consolidation } {
  const programme = readProgramme(doc);
  const consolidation = consolidate(programme.lines, envelope);
  return { doc, programme, consolidation, bySheet: consolidation.bySheet };
}

/** Compares `before` with `after` (neither is changed). */
export function diffVersions(before: Y.Doc, after: Y.Doc, options: DiffOptions = {}): VersionDiff {
  const names = options.structureNames;
  const nameOf = (id: string): string => (names instanceof Map ? names.get(id) : (names as Readonly<Record<string, string>> | undefined)?.[id]) ?? id;
  const envelopeBefore = options.envelopes?.before ?? options.envelope;
  const envelopeAfter = options.envelopes?.after ?? options.envelope;

  const a = side(before, envelopeBefore);
  const b = side(after, envelopeAfter);
  const sections = diffSections(before, after);
  const axes = diffAxes(a.programme, b.programme);
  const sheets = diffSheets(a, b, nameOf);
  const budget = diffBudget({
    before: { programme: a.programme, consolidation: a.consolidation, envelope: envelopeBefore },
    after: { programme: b.programme, consolidation: b.consolidation, envelope: envelopeAfter },
  });

  const count = <T extends { status: string }>(items: readonly T[], status: T['status']): number => items.filter((item) => item.status === status).length;
  const sheetsUnchanged = [...b.programme.sheets.keys()].filter((id) => a.programme.sheets.has(id)).length - count(sheets, 'changed') - count(sheets, 'moved');
  const summary = {
    identical: false,
    sectionsChanged: count(sections, 'changed'),
    sectionsAdded: count(sections, 'added'),
    sectionsRemoved: count(sections, 'removed'),
    sectionsUnchanged: count(sections, 'unchanged'),
    sheetsAdded: count(sheets, 'added'),
    sheetsRemoved: count(sheets, 'removed'),
    sheetsChanged: count(sheets, 'changed'),
    sheetsMoved: count(sheets, 'moved'),
    sheetsUnchanged,
    axesChanged: axes.length,
    totalBeforeCents: budget.total.beforeCents,
    totalAfterCents: budget.total.afterCents,
    differenceCents: budget.total.differenceCents,
  };
  summary.identical =
    summary.sectionsChanged + summary.sectionsAdded + summary.sectionsRemoved + sheets.length + axes.length === 0 &&
    sections.every((section) => !section.moved) &&
    budget.envelope.beforeCents === budget.envelope.afterCents;
  return { summary, sections, axes, sheets, budget };
}
