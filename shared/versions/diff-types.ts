/**
 * The shape of a comparison between two versions of a contract (`diffVersions`): plain JSON, so
 * that the server sends it as is and the page renders it without Yjs. Amounts are integer cents.
 * Word runs are the amendments' (`DiffRun`: equal / insert / delete), so both features read alike.
 */
import type { DiffRun } from '../amendments/diff';

export type { DiffRun } from '../amendments/diff';

/** What kind of text a compared block is, for drawing it (a list item gets its bullet, a table row its cells). */
export type BlockKind = 'paragraph' | 'heading' | 'item' | 'row' | 'quote' | 'rule' | 'other';

/**
 * One block of a comparison. `changed`: its words differ (runs show which); `formatted`: same
 * words, other formatting (bold, a link, a heading level); `skipped`: `count` unchanged blocks
 * left out, far from any change.
 */
export type BlockChange =
  | { status: 'equal' | 'changed' | 'formatted' | 'inserted' | 'deleted'; kind: BlockKind; depth: number; runs: DiffRun[] }
  | { status: 'skipped'; count: number };

export type SectionStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface SectionSide {
  /** Heading text; null for the preamble (text before the first heading). */
  heading: string | null;
  /** Rank among the sections of that side (0 = first). */
  index: number;
  /** The headings of the sections containing this one, outermost first. */
  parents: string[];
}

export interface SectionDiff {
  status: SectionStatus;
  /** Heading level (1-3), 0 for the preamble. */
  level: number;
  before: SectionSide | null;
  after: SectionSide | null;
  /** The heading, word by word (a renamed section shows its old and new words). */
  heading: DiffRun[];
  /** True when the section now sits elsewhere among the others. */
  moved: boolean;
  /** Its own blocks (up to the next heading); empty for unchanged sections. */
  blocks: BlockChange[];
}

export interface AxisRef {
  id: string;
  number: number;
  title: string;
}

export interface Named {
  id: string;
  name: string;
}

export interface IndicatorValues {
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
}

export interface IndicatorChange {
  id: string;
  status: 'added' | 'removed' | 'changed';
  before: IndicatorValues | null;
  after: IndicatorValues | null;
}

/** A sheet's amount for one funder and one year, before → after. */
export interface FinancingChange {
  funder: string;
  year: number;
  beforeCents: number;
  afterCents: number;
  differenceCents: number;
}

export type RichTextFieldName = 'goals' | 'description' | 'expectedResults';

export type SheetFieldChange =
  | { field: 'title'; runs: DiffRun[] }
  | { field: 'lead'; before: Named | null; after: Named | null }
  | { field: 'partners' | 'territories' | 'localPlans'; added: Named[]; removed: Named[] }
  | { field: 'dates'; startDate: { before: string | null; after: string | null }; endDate: { before: string | null; after: string | null } }
  | { field: 'indicators'; changes: IndicatorChange[] }
  | { field: RichTextFieldName; blocks: BlockChange[] }
  | { field: 'financing'; lines: FinancingChange[] };

export type SheetStatus = 'added' | 'removed' | 'changed' | 'moved' | 'unchanged';

export interface SheetDiff {
  id: string;
  /** `changed` wins over `moved` (see `moved` for both). */
  status: SheetStatus;
  number: { before: string | null; after: string | null };
  axis: { before: AxisRef | null; after: AxisRef | null };
  title: { before: string | null; after: string | null };
  /** Another axis or another number. */
  moved: boolean;
  changes: SheetFieldChange[];
  totals: { beforeCents: number; afterCents: number; differenceCents: number };
}

export interface AxisDiff {
  id: string;
  status: 'added' | 'removed' | 'changed';
  number: { before: number | null; after: number | null };
  title: DiffRun[];
  aim: DiffRun[];
}

/** One line of a budget table: a total before, after, and the difference (after − before). */
export interface AmountChange {
  key: string;
  /** The funder's name, the year, or the axis title ('' when the axis is gone, and for the total). */
  label: string;
  /** Axes only: the axis number (after, or before for a removed axis); null for sheets without axis. */
  number?: number | null;
  beforeCents: number;
  afterCents: number;
  differenceCents: number;
}

export interface BudgetDiff {
  total: AmountChange;
  byAxis: AmountChange[];
  byFunder: AmountChange[];
  byYear: AmountChange[];
  /** The envelope on each side, when given (the one each version was taken with). */
  envelope: { beforeCents: number | null; afterCents: number | null };
  /** Financing lines left out of the totals (invalid) on each side. */
  invalidLines: { before: number; after: number };
}

export interface DiffSummary {
  identical: boolean;
  sectionsChanged: number;
  sectionsAdded: number;
  sectionsRemoved: number;
  sectionsUnchanged: number;
  sheetsAdded: number;
  sheetsRemoved: number;
  sheetsChanged: number;
  /** Moved or renumbered without other change. */
  sheetsMoved: number;
  sheetsUnchanged: number;
  axesChanged: number;
  totalBeforeCents: number;
  totalAfterCents: number;
  differenceCents: number;
}

export interface VersionDiff {
  summary: DiffSummary;
  sections: SectionDiff[];
  axes: AxisDiff[];
  /** Sheets that are not unchanged, in the after side's reading order (removed ones at their old place). */
  sheets: SheetDiff[];
  budget: BudgetDiff;
}
