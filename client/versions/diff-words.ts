/**
 * The words and small pieces of the comparison page: word runs as `<ins>`/`<del>` that read
 * without colour (a visually hidden "ajouté :" / "supprimé :" before each, since screen readers
 * announce neither element by default), blocks with their kind, the "before → after" arrow said
 * aloud, signed amounts in fr-FR, and the one-sentence summary.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { BlockChange, DiffRun, DiffSummary } from '../../shared/versions/diff';
import { formatCount, formatExactEuros } from '../i18n/format';

/** One word run. */
export function renderRun(run: DiffRun): TemplateResult {
  if (run.kind === 'insert') return html`<ins><span class="visually-hidden">${msg('ajouté :', { id: 'versionDiff.run.inserted' })} </span>${run.text}</ins>`;
  if (run.kind === 'delete') return html`<del><span class="visually-hidden">${msg('supprimé :', { id: 'versionDiff.run.deleted' })} </span>${run.text}</del>`;
  return html`${run.text}`;
}

export const renderRuns = (runs: readonly DiffRun[]): TemplateResult => html`${runs.map(renderRun)}`;

/** "→", said "devient" (a bare arrow is read "flèche droite", or not at all). */
export const arrow = (): TemplateResult => html`<span aria-hidden="true"> → </span><span class="visually-hidden"> ${msg('devient', { id: 'versionDiff.arrow' })} </span>`;

/** A before → after pair of short values (the same value once when equal). */
export function change(before: string | null, after: string | null, none: string): TemplateResult {
  if (before === after) return html`${before ?? none}`;
  return html`<span class="version-diff__before">${before ?? none}</span>${arrow()}<span class="version-diff__after">${after ?? none}</span>`;
}

const minus = '\u2212';

/** Integer cents with their sign: "+120 000 €", "−5 000 €", "0 €". */
export function signedEuros(cents: number): string {
  if (cents === 0) return formatExactEuros(0);
  return `${cents > 0 ? '+' : minus}${formatExactEuros(Math.abs(cents))}`;
}

/** "12 paragraphes inchangés" (the unchanged blocks folded between changes). */
function skippedWords(count: number): string {
  return count === 1 ? msg('1 paragraphe inchangé', { id: 'versionDiff.block.skippedOne' }) : msg(str`${formatCount(count)} paragraphes inchangés`, { id: 'versionDiff.block.skipped' });
}

function blockMark(status: BlockChange['status']): TemplateResult | typeof nothing {
  switch (status) {
    case 'inserted':
      return html`<span class="version-diff__mark">${msg('Paragraphe ajouté :', { id: 'versionDiff.block.inserted' })} </span>`;
    case 'deleted':
      return html`<span class="version-diff__mark">${msg('Paragraphe supprimé :', { id: 'versionDiff.block.deleted' })} </span>`;
    case 'formatted':
      return html`<span class="version-diff__mark">${msg('Mise en forme modifiée :', { id: 'versionDiff.block.formatted' })} </span>`;
    default:
      return nothing;
  }
}

/** A block-by-block comparison (a section's own text, or a rich-text field of a sheet). */
export function renderBlocks(blocks: readonly BlockChange[]): TemplateResult {
  return html`<div class="version-diff__text" lang="fr">
    ${blocks.map((block) => {
      if (block.status === 'skipped') return html`<p class="version-diff__skipped">… ${skippedWords(block.count)} …</p>`;
      const classes = `version-diff__block version-diff__block--${block.status} version-diff__block--${block.kind} version-diff__block--depth-${Math.min(block.depth, 3)}`;
      // No whitespace inside the paragraph: it keeps the text's own spaces and line breaks (pre-wrap).
      const bullet = block.kind === 'item' ? html`<span class="version-diff__bullet" aria-hidden="true">•</span>` : nothing;
      const content = block.runs.length === 0 ? html`<span class="hint">${msg('(paragraphe vide)', { id: 'versionDiff.block.empty' })}</span>` : renderRuns(block.runs);
      return html`<p class=${classes}>${bullet}${blockMark(block.status)}${content}</p>`;
    })}
  </div>`;
}

const counted = (count: number, one: string, many: string): string | null => (count === 0 ? null : count === 1 ? one : many);

/** The parts of the summary sentence, each present only when non-zero. */
export function summaryParts(summary: DiffSummary): string[] {
  const n = (count: number): string => formatCount(count);
  return [
    counted(summary.sectionsChanged, msg('1 section modifiée', { id: 'versionDiff.summary.sectionChanged' }), msg(str`${n(summary.sectionsChanged)} sections modifiées`, { id: 'versionDiff.summary.sectionsChanged' })),
    counted(summary.sectionsAdded, msg('1 section ajoutée', { id: 'versionDiff.summary.sectionAdded' }), msg(str`${n(summary.sectionsAdded)} sections ajoutées`, { id: 'versionDiff.summary.sectionsAdded' })),
    counted(summary.sectionsRemoved, msg('1 section supprimée', { id: 'versionDiff.summary.sectionRemoved' }), msg(str`${n(summary.sectionsRemoved)} sections supprimées`, { id: 'versionDiff.summary.sectionsRemoved' })),
    counted(summary.axesChanged, msg('1 axe modifié', { id: 'versionDiff.summary.axisChanged' }), msg(str`${n(summary.axesChanged)} axes modifiés`, { id: 'versionDiff.summary.axesChanged' })),
    counted(summary.sheetsAdded, msg('1 fiche ajoutée', { id: 'versionDiff.summary.sheetAdded' }), msg(str`${n(summary.sheetsAdded)} fiches ajoutées`, { id: 'versionDiff.summary.sheetsAdded' })),
    counted(summary.sheetsRemoved, msg('1 fiche supprimée', { id: 'versionDiff.summary.sheetRemoved' }), msg(str`${n(summary.sheetsRemoved)} fiches supprimées`, { id: 'versionDiff.summary.sheetsRemoved' })),
    counted(summary.sheetsChanged, msg('1 fiche modifiée', { id: 'versionDiff.summary.sheetChanged' }), msg(str`${n(summary.sheetsChanged)} fiches modifiées`, { id: 'versionDiff.summary.sheetsChanged' })),
    counted(summary.sheetsMoved, msg('1 fiche déplacée ou renumérotée', { id: 'versionDiff.summary.sheetMoved' }), msg(str`${n(summary.sheetsMoved)} fiches déplacées ou renumérotées`, { id: 'versionDiff.summary.sheetsMoved' })),
  ].filter((part): part is string => part !== null);
}

/** "3 sections modifiées, 2 fiches ajoutées, total : 33 816 491 € → 33 936 491 € (+120 000 €)". */
export function renderSummary(summary: DiffSummary): TemplateResult {
  if (summary.identical) return html`${msg('Aucune différence entre ces deux versions.', { id: 'versionDiff.summary.none' })}`;
  const parts = summaryParts(summary);
  const total =
    summary.differenceCents === 0
      ? html`${msg('total inchangé :', { id: 'versionDiff.summary.totalSame' })} ${formatExactEuros(summary.totalAfterCents)}`
      : html`${msg('total :', { id: 'versionDiff.summary.total' })} <span class="nowrap">${formatExactEuros(summary.totalBeforeCents)}</span>${arrow()}<span class="nowrap">${formatExactEuros(summary.totalAfterCents)}</span>
          <span class="nowrap">(${signedEuros(summary.differenceCents)})</span>`;
  return html`${parts.length === 0 ? nothing : html`${parts.join(', ')}, `}${total}.`;
}

/** A day `YYYY-MM-DD` as people read it ("31 décembre 2013"), or the text as is. */
export function dayWords(day: string | null): string | null {
  if (day === null) return null;
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined || [year, month, date].some(Number.isNaN)) return day;
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, date)));
}
