/**
 * `<trame-version-programme>`: the programme of actions of a stored version, read-only: axes, then
 * their numbered sheets (lead and partners by name, dates, territories, local plans, indicators,
 * goals / description / expected results, financing lines with the sheet's total), then the
 * consolidated totals against the envelope. Heading levels continue the version page's outline
 * (h2 the programme, h3 an axis, h4 a sheet, h5 its parts).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type * as Y from 'yjs';
import type { Consolidation } from '../../shared/budget/consolidate';
import { sheetRichText, type RichTextField } from '../../shared/programme/layout';
import type { AxisView, ProgrammeView, SheetView } from '../../shared/programme/read';
import { territoryName } from '../../shared/programme/territories';
import type { Envelope, StructureView } from '../../shared/schemas/workspace';
import { funderFigures, hasEnvelope } from '../budget/budget-figures';
import { describeInvalidReason, describeWarning } from '../budget/budget-words';
import { renderEnvelopeComparison } from '../budget/envelope-comparison';
import { formatDate, formatExactEuros } from '../i18n/format';
import { LightPage } from '../ui/light-page';
import { isEmptyText, renderRichText } from './version-text';

/** The programme of a version. */
@customElement('trame-version-programme')
export class VersionProgramme extends LightPage {
  /** The version's local document (never connected). */
  @property({ attribute: false }) doc: Y.Doc | null = null;
  @property({ attribute: false }) programme: ProgrammeView | null = null;
  @property({ attribute: false }) consolidation: Consolidation | null = null;
  /** The envelope the version was taken with (or today's, for versions from before it was kept). */
  @property({ attribute: false }) envelope: Envelope | null = null;
  /** True when `envelope` is today's rather than the version's own. */
  @property({ attribute: false }) isCurrentEnvelope = false;
  @property({ attribute: false }) structures: readonly StructureView[] = [];

  private texts = new Map<string, HTMLElement | null>();
  private textsOf: Y.Doc | null = null;

  override render(): TemplateResult | typeof nothing {
    const { programme, consolidation } = this;
    if (programme === null || consolidation === null) return nothing;
    if (this.textsOf !== this.doc) {
      this.texts = new Map();
      this.textsOf = this.doc;
    }
    const axes = programme.orphans.length === 0 ? programme.axes : [...programme.axes, { id: '', position: '', number: 0, title: '', aim: '', sheets: programme.orphans }];
    return html`<section class="version-programme" aria-labelledby="version-programme-title">
        <h2 id="version-programme-title">${msg('Programme d’actions', { id: 'versions.programme.title' })}</h2>
        ${axes.length === 0 ? html`<p class="empty-state">${msg('Cette version ne contient encore aucun axe ni aucune fiche action.', { id: 'versions.programme.empty' })}</p>` : axes.map((axis) => this.renderAxis(axis, consolidation))}
      </section>
      ${this.renderTotals(consolidation)}`;
  }

  private renderAxis(axis: AxisView, consolidation: Consolidation): TemplateResult {
    const titleId = `version-axis-${axis.id || 'orphans'}`;
    const title = axis.id === '' ? msg('Fiches sans axe', { id: 'versions.programme.orphans' }) : msg(str`Axe ${axis.number} : ${axis.title.trim() || msg('Sans titre', { id: 'sheet.untitled' })}`, { id: 'versions.programme.axis' });
    return html`<section class="version-axis" aria-labelledby=${titleId}>
      <h3 id=${titleId}>${title}</h3>
      ${axis.aim.trim() === '' ? nothing : html`<p class="version-axis__aim">${axis.aim}</p>`}
      ${axis.id === '' ? nothing : html`<p class="hint">${msg(str`Total de l’axe : ${formatExactEuros(consolidation.byAxis.get(axis.id) ?? 0)}`, { id: 'versions.programme.axisTotal' })}</p>`}
      ${axis.sheets.length === 0 ? html`<p class="empty-state">${msg('Aucune fiche action dans cet axe.', { id: 'versions.programme.axisEmpty' })}</p>` : axis.sheets.map((sheet) => this.renderSheet(sheet, consolidation))}
    </section>`;
  }

  private structureName(id: string): string {
    return this.structures.find((structure) => structure.id === id)?.name ?? id;
  }

  private renderSheet(sheet: SheetView, consolidation: Consolidation): TemplateResult {
    const titleId = `version-sheet-${sheet.id}`;
    const dates =
      sheet.startDate === null && sheet.endDate === null
        ? msg('Non renseignées', { id: 'versions.sheet.noDates' })
        : msg(str`Du ${sheet.startDate === null ? '…' : formatDate(`${sheet.startDate}T12:00:00`)} au ${sheet.endDate === null ? '…' : formatDate(`${sheet.endDate}T12:00:00`)}`, { id: 'versions.sheet.dates' });
    const none = msg('Aucun', { id: 'versions.sheet.none' });
    return html`<article class="card version-sheet" aria-labelledby=${titleId}>
      <h4 id=${titleId}><span class="version-sheet__number">${msg(str`Fiche ${sheet.number}`, { id: 'sheet.number' })}</span> ${sheet.title.trim() || msg('Sans titre', { id: 'sheet.untitled' })}</h4>
      <dl class="facts">
        <dt>${msg('Structure pilote', { id: 'versions.sheet.lead' })}</dt>
        <dd>${sheet.lead === null ? msg('Non désignée', { id: 'versions.sheet.noLead' }) : this.structureName(sheet.lead)}</dd>
        <dt>${msg('Partenaires', { id: 'versions.sheet.partners' })}</dt>
        <dd>${sheet.partners.length === 0 ? none : sheet.partners.map((id) => this.structureName(id)).join(', ')}</dd>
        <dt>${msg('Dates', { id: 'versions.sheet.datesLabel' })}</dt>
        <dd>${dates}</dd>
        <dt>${msg('Territoires', { id: 'versions.sheet.territories' })}</dt>
        <dd>${sheet.territories.length === 0 ? none : sheet.territories.map(territoryName).join(', ')}</dd>
        ${sheet.localPlans.length === 0
          ? nothing
          : html`<dt>${msg('Plans locaux', { id: 'versions.sheet.localPlans' })}</dt>
              <dd>${sheet.localPlans.join(', ')}</dd>`}
      </dl>
      ${this.renderField(sheet, 'goals', msg('Objectifs', { id: 'sheet.goals' }))} ${this.renderField(sheet, 'description', msg('Description', { id: 'sheet.description' }))}
      ${this.renderField(sheet, 'expectedResults', msg('Résultats attendus', { id: 'sheet.expectedResults' }))} ${this.renderIndicators(sheet)} ${this.renderBudget(sheet, consolidation)}
    </article>`;
  }

  private renderField(sheet: SheetView, field: RichTextField, label: string): TemplateResult {
    const key = `${sheet.id}:${field}`;
    if (!this.texts.has(key)) {
      const fragment = this.doc === null ? undefined : sheetRichText(this.doc, sheet.id, field);
      this.texts.set(key, isEmptyText(fragment) ? null : renderRichText(fragment, 'version-rich-text', 5));
    }
    const text = this.texts.get(key) ?? null;
    return html`<h5>${label}</h5>
      ${text === null ? html`<p class="hint">${msg('Non renseigné.', { id: 'versions.sheet.emptyField' })}</p>` : text}`;
  }

  private renderIndicators(sheet: SheetView): TemplateResult {
    const value = (number: number | null): string => (number === null ? '—' : number.toLocaleString('fr-FR'));
    return html`<h5>${msg('Indicateurs', { id: 'versions.sheet.indicators' })}</h5>
      ${sheet.indicators.length === 0
        ? html`<p class="hint">${msg('Aucun indicateur.', { id: 'versions.sheet.noIndicators' })}</p>`
        : html`<div class="table-scroll" tabindex="0" role="region" aria-label=${msg(str`Indicateurs de la fiche ${sheet.number}`, { id: 'versions.sheet.indicatorsCaption' })}>
            <table class="data-table">
              <caption class="visually-hidden">${msg(str`Indicateurs de la fiche ${sheet.number}`, { id: 'versions.sheet.indicatorsCaption' })}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Indicateur', { id: 'versions.sheet.indicator' })}</th>
                  <th scope="col">${msg('Unité', { id: 'versions.sheet.unit' })}</th>
                  <th scope="col" class="number">${msg('Valeur de départ', { id: 'versions.sheet.baseline' })}</th>
                  <th scope="col" class="number">${msg('Cible', { id: 'versions.sheet.target' })}</th>
                </tr>
              </thead>
              <tbody>
                ${sheet.indicators.map(
                  (indicator) => html`<tr>
                    <th scope="row">${indicator.name}</th>
                    <td>${indicator.unit}</td>
                    <td class="number">${value(indicator.baseline)}</td>
                    <td class="number">${value(indicator.target)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}`;
  }

  private renderBudget(sheet: SheetView, consolidation: Consolidation): TemplateResult {
    const caption = msg(str`Plan de financement de la fiche ${sheet.number}`, { id: 'versions.sheet.budgetCaption' });
    return html`<h5>${msg('Plan de financement', { id: 'sheet.budget.title' })}</h5>
      ${sheet.budget.length === 0
        ? html`<p class="hint">${msg('Aucune ligne de financement.', { id: 'versions.sheet.noBudget' })}</p>`
        : html`<div class="table-scroll" tabindex="0" role="region" aria-label=${caption}>
            <table class="data-table version-sheet__budget">
              <caption class="visually-hidden">${caption}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Financeur', { id: 'sheet.budget.funder' })}</th>
                  <th scope="col">${msg('Année', { id: 'sheet.budget.year' })}</th>
                  <th scope="col" class="number">${msg('Montant', { id: 'versions.sheet.amount' })}</th>
                </tr>
              </thead>
              <tbody>
                ${sheet.budget.map(
                  (line) => html`<tr>
                    <td>${line.funder ?? '—'}${line.invalid === null ? nothing : html`<br /><span class="field-error">${describeInvalidReason(line.invalid)}</span>`}</td>
                    <td>${line.year ?? '—'}</td>
                    <td class="number">${line.amountCents === null ? '—' : formatExactEuros(line.amountCents)}</td>
                  </tr>`,
                )}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colspan="2">${msg('Total de la fiche', { id: 'versions.sheet.total' })}</th>
                  <td class="number">${formatExactEuros(consolidation.bySheet.get(sheet.id) ?? 0)}</td>
                </tr>
              </tfoot>
            </table>
          </div>`}`;
  }

  private renderTotals(consolidation: Consolidation): TemplateResult {
    const envelope = this.envelope;
    return html`<section class="version-totals" aria-labelledby="version-totals-title">
      <h2 id="version-totals-title">${msg('Budget consolidé', { id: 'versions.totals.title' })}</h2>
      ${envelope === null || !hasEnvelope(envelope)
        ? html`<p>${msg(str`Total des fiches : ${formatExactEuros(consolidation.totalCents)}. L’enveloppe du programme n’est pas fixée.`, { id: 'versions.totals.noEnvelope' })}</p>`
        : html`<p class="hint">
              ${this.isCurrentEnvelope
                ? msg('Les totaux de cette version, comparés à l’enveloppe actuelle du programme.', { id: 'versions.totals.hint' })
                : msg('Les totaux de cette version, comparés à l’enveloppe du programme à la même date.', { id: 'versions.totals.hintOwn' })}
            </p>
            ${renderEnvelopeComparison(consolidation.totalCents, envelope.totalCents, funderFigures(consolidation, envelope))}
            ${consolidation.warnings.length === 0 ? nothing : html`<ul class="version-totals__warnings">${consolidation.warnings.map((warning) => html`<li>${describeWarning(warning)}</li>`)}</ul>`}`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-version-programme': VersionProgramme;
  }
}
