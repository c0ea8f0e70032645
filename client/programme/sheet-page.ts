/**
 * `<trame-sheet-page>`: one action sheet, every field co-edited live. Texts (title, indicator
 * names) are shared texts typed by anyone at once; goals, description and expected results are
 * rich texts in the contract editor's stack; plain values (lead, dates, amounts) are checked with
 * the shared schemas before anything is written, and a refused value keeps its French message at
 * the field. Problems found in the document (by anyone's edit) show next to their fields. A sheet
 * deleted while someone reads it gives a clear message and a way back, never a broken page.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { moveSheet, setSheetValue, sheetTitleText, toggleInSet } from '../../shared/programme/edit';
import { firstMessage, isoDateSchema, leadStructureSchema, maxShortTextLength, sheetDatesSchema } from '../../shared/programme/fields';
import { sheetRichText, type RichTextField } from '../../shared/programme/layout';
import { sheetsInOrder, type AxisView, type ProgrammeView, type SheetView } from '../../shared/programme/read';
import { territories, territoryName } from '../../shared/programme/territories';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import { workspacePath } from '../routing/routes';
import { controlChecked, controlValue } from '../ui/dom';
import { LightPage } from '../ui/light-page';
import { FieldDrafts } from './field-drafts';
import type { ProgrammePageProps } from './page-props';
import { SheetProblems } from './sheet-problems';
import { bindYText } from './y-text-binding';
import './sheet-budget';
import './sheet-indicators';
import './sheet-rich-text';

/** One action sheet. */
@customElement('trame-sheet-page')
export class SheetPage extends LightPage {
  /** What every programme page receives from the app. */
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  private readonly drafts = new FieldDrafts(this);
  private lastRevision = -1;
  private newPlan = '';

  override render(): TemplateResult {
    const props = this.props;
    const state = props?.programme ?? null;
    if (props === null || state === null || props.session === null || !props.loaded) {
      return html`<div class="page"><p role="status">${msg('Chargement de la fiche…', { id: 'sheet.loading' })}</p></div>`;
    }
    if (state.revision !== this.lastRevision) {
      this.lastRevision = state.revision;
      this.drafts.settle();
    }
    const sheet = props.itemId === undefined ? undefined : state.programme.sheets.get(props.itemId);
    if (sheet === undefined) return this.renderMissing(props.view);
    return this.renderSheet(props, state.programme, sheet);
  }

  private renderMissing(view: WorkspaceView): TemplateResult {
    return html`<div class="page">
      <h1>${msg('Fiche introuvable', { id: 'sheet.missing.title' })}</h1>
      <div class="notice notice--warning">
        <p>${msg('Cette fiche action n’existe pas ou vient d’être supprimée par une autre personne. Ce qui y avait été saisi reste dans l’historique du contrat.', { id: 'sheet.missing.body' })}</p>
      </div>
      <p><a href=${workspacePath(view.id, 'sheets')}>${msg('Retour aux fiches action', { id: 'sheet.backToOutline' })}</a></p>
    </div>`;
  }

  private renderSheet(props: ProgrammePageProps, programme: ProgrammeView, sheet: SheetView): TemplateResult {
    const view = props.view;
    const state = props.programme;
    const problems = new SheetProblems(programme.problems, sheet.id);
    const axis = programme.axes.find((candidate) => candidate.id === sheet.axisId);
    const order = sheetsInOrder(programme);
    const index = order.findIndex((candidate) => candidate.id === sheet.id);
    const previous = order[index - 1];
    const next = order[index + 1];
    const title = sheet.title.trim() === '' ? msg('Sans titre', { id: 'sheet.untitled' }) : sheet.title;
    return html`<div class="page sheet-page">
      <p class="breadcrumb"><a href=${workspacePath(view.id, 'sheets')}>${msg('Fiches action', { id: 'nav.sheets' })}</a></p>
      <div class="page-header">
        <h1><span class="sheet-page__number">${msg(str`Fiche ${sheet.number}`, { id: 'sheet.number' })}</span> ${title}</h1>
      </div>
      ${props.editable ? html`<p><a href=${`${workspacePath(view.id, 'amendments')}?fiche=${encodeURIComponent(sheet.id)}`}>${msg('Proposer un amendement', { id: 'amendments.propose' })}</a></p>` : nothing}
      <p class="lead">
        ${axis === undefined
          ? msg('Cette fiche n’est rattachée à aucun axe.', { id: 'sheet.noAxis' })
          : msg(str`Axe ${axis.number} : ${axis.title.trim() === '' ? msg('Sans titre', { id: 'sheet.untitled' }) : axis.title}`, { id: 'sheet.axis' })}
      </p>
      ${axis === undefined && props.editable ? this.renderAttach(programme.axes, sheet) : nothing}
      ${problems.all.length === 0
        ? nothing
        : html`<div class="notice notice--warning">
            <p>${problems.all.length === 1
              ? msg('Cette fiche a un point à corriger, signalé à côté du champ concerné.', { id: 'sheet.problems.one' })
              : msg(str`Cette fiche a ${problems.all.length} points à corriger, signalés à côté des champs concernés.`, { id: 'sheet.problems' })}</p>
          </div>`}
      ${props.editable
        ? nothing
        : html`<p class="notice">${msg('Lecture seule : votre rôle permet de lire les fiches action, pas de les modifier.', { id: 'sheet.readOnly' })}</p>`}

      <section class="sheet-section" aria-labelledby="sheet-essentials-title">
        <h2 id="sheet-essentials-title">${msg('L’essentiel', { id: 'sheet.essentials' })}</h2>
        ${this.renderTitle(props, sheet, problems)} ${this.renderLead(props, sheet, problems)} ${this.renderPartners(props, sheet, problems)}
        ${this.renderDates(props, sheet, problems)}
      </section>

      <section class="sheet-section" aria-labelledby="sheet-content-title">
        <h2 id="sheet-content-title">${msg('Contenu', { id: 'sheet.content' })}</h2>
        ${this.renderRichText(props, sheet, 'goals', msg('Objectifs', { id: 'sheet.goals' }), msg('Ce que l’action cherche à obtenir.', { id: 'sheet.goals.placeholder' }), problems)}
        ${this.renderRichText(props, sheet, 'description', msg('Description', { id: 'sheet.description' }), msg('Comment l’action sera menée, par qui, avec quels moyens.', { id: 'sheet.description.placeholder' }), problems)}
        ${this.renderRichText(props, sheet, 'expectedResults', msg('Résultats attendus', { id: 'sheet.expectedResults' }), msg('Ce qui aura changé à la fin de l’action.', { id: 'sheet.expectedResults.placeholder' }), problems)}
      </section>

      <trame-sheet-indicators .doc=${props.session?.doc ?? null} .sheet=${sheet} .problems=${problems} ?editable=${props.editable} .revision=${state?.revision ?? 0}></trame-sheet-indicators>

      ${this.renderTerritories(props, sheet, problems)}

      <trame-sheet-budget
        .doc=${props.session?.doc ?? null}
        .sheet=${sheet}
        .lines=${programme.lines}
        .problems=${problems}
        .funders=${view.envelope.shares.map((share) => share.funder)}
        ?editable=${props.editable}
        .revision=${state?.revision ?? 0}
      ></trame-sheet-budget>

      <nav class="sheet-page__pager" aria-label=${msg('Autres fiches', { id: 'sheet.pager' })}>
        ${previous === undefined
          ? html`<span></span>`
          : html`<a href=${workspacePath(view.id, 'sheet', previous.id)} rel="prev">← ${msg(str`Fiche ${previous.number}`, { id: 'sheet.number' })}</a>`}
        <a href=${workspacePath(view.id, 'sheets')}>${msg('Toutes les fiches', { id: 'sheet.allSheets' })}</a>
        ${next === undefined ? html`<span></span>` : html`<a href=${workspacePath(view.id, 'sheet', next.id)} rel="next">${msg(str`Fiche ${next.number}`, { id: 'sheet.number' })} →</a>`}
      </nav>
    </div>`;
  }

  private renderAttach(axes: readonly AxisView[], sheet: SheetView): TemplateResult {
    return html`<div class="notice notice--warning sheet-attach">
      <label for="sheet-attach">${msg('Rattacher la fiche à l’axe', { id: 'sheet.attach' })}</label>
      <select id="sheet-attach" @change=${(event: Event) => this.attach(sheet, controlValue(event))}>
        <option value="">${msg('Choisir un axe…', { id: 'sheet.attach.choose' })}</option>
        ${axes.map((axis) => html`<option value=${axis.id}>${msg(str`Axe ${axis.number} : ${axis.title}`, { id: 'sheet.axis' })}</option>`)}
      </select>
    </div>`;
  }

  private attach(sheet: SheetView, axisId: string): void {
    const doc = this.props?.session?.doc;
    const axis = this.props?.programme?.programme.axes.find((candidate) => candidate.id === axisId);
    if (doc === undefined || axis === undefined) return;
    moveSheet(doc, sheet.id, axis.id, axis.sheets.length);
  }

  private renderTitle(props: ProgrammePageProps, sheet: SheetView, problems: SheetProblems): TemplateResult {
    const messages = problems.field('title');
    return html`<div class="field">
      <label for="sheet-title">${msg('Titre de la fiche', { id: 'sheet.title' })}</label>
      <input
        id="sheet-title"
        class="sheet-page__title-input"
        autocomplete="off"
        maxlength="300"
        lang="fr"
        ?readonly=${!props.editable}
        aria-invalid=${String(messages.length > 0)}
        aria-describedby=${messages.length === 0 ? nothing : 'sheet-title-error'}
        ${bindYText(props.session === null ? undefined : sheetTitleText(props.session.doc, sheet.id))}
      />
      ${messages.length === 0 ? nothing : html`<p id="sheet-title-error" class="field-error">${messages.join(' ')}</p>`}
    </div>`;
  }

  private renderLead(props: ProgrammePageProps, sheet: SheetView, problems: SheetProblems): TemplateResult {
    const view = props.view;
    const key = 'lead';
    const messages = [...(this.drafts.error(key) === undefined ? [] : [this.drafts.error(key) ?? '']), ...problems.field('lead')];
    const known = view.structures.some((structure) => structure.id === sheet.lead);
    return html`<div class="field">
      <label for="sheet-lead">${msg('Structure porteuse', { id: 'sheet.lead' })}</label>
      <select
        id="sheet-lead"
        class="sheet-page__select"
        ?disabled=${!props.editable}
        aria-invalid=${String(messages.length > 0)}
        aria-describedby=${messages.length === 0 ? nothing : 'sheet-lead-error'}
        @change=${(event: Event) => this.chooseLead(controlValue(event))}
      >
        <option value="" .selected=${sheet.lead === null}>${msg('Aucune structure désignée', { id: 'sheet.lead.none' })}</option>
        ${sheet.lead !== null && !known ? html`<option value=${sheet.lead} .selected=${true}>${msg(str`Structure inconnue (${sheet.lead})`, { id: 'sheet.lead.unknown' })}</option>` : nothing}
        ${view.networks.map(
          (network) => html`<optgroup label=${network.name}>
            ${view.structures
              .filter((structure) => structure.networkId === network.id)
              .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
              .map((structure) => html`<option value=${structure.id} .selected=${structure.id === sheet.lead}>${structure.name}</option>`)}
          </optgroup>`,
        )}
      </select>
      ${messages.length === 0 ? nothing : html`<p id="sheet-lead-error" class="field-error">${messages.join(' ')}</p>`}
    </div>`;
  }

  private chooseLead(value: string): void {
    const props = this.props;
    const sheetId = props?.itemId;
    if (props?.session == null || sheetId === undefined || !props.editable) return;
    if (value === '') {
      setSheetValue(props.session.doc, sheetId, 'lead', null);
      this.drafts.accept('lead');
      return;
    }
    const checked = leadStructureSchema(new Set(props.view.structures.map((structure) => structure.id))).safeParse(value);
    if (!checked.success) return this.drafts.refuse('lead', value, firstMessage(checked.error));
    setSheetValue(props.session.doc, sheetId, 'lead', checked.data);
    this.drafts.accept('lead');
  }

  private renderPartners(props: ProgrammePageProps, sheet: SheetView, problems: SheetProblems): TemplateResult {
    const view = props.view;
    const names = new Map(view.structures.map((structure) => [structure.id, structure.name]));
    const messages = problems.field('partners');
    const candidates = view.structures.filter((structure) => structure.id !== sheet.lead && !sheet.partners.includes(structure.id)).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    return html`<fieldset class="field sheet-set">
      <legend class="field-label">${msg('Structures partenaires', { id: 'sheet.partners' })}</legend>
      ${sheet.partners.length === 0
        ? html`<p class="hint">${msg('Aucune structure partenaire pour l’instant.', { id: 'sheet.partners.none' })}</p>`
        : html`<ul class="sheet-set__list">
            ${sheet.partners.map(
              (id) => html`<li>
                <span>${names.get(id) ?? id}</span>
                ${props.editable
                  ? html`<button type="button" class="link" @click=${() => this.toggle('partners', id, false)}>
                      ${msg('Retirer', { id: 'sheet.budget.remove' })}<span class="visually-hidden"> ${names.get(id) ?? id}</span>
                    </button>`
                  : nothing}
              </li>`,
            )}
          </ul>`}
      ${props.editable
        ? html`<div class="sheet-set__add">
            <label for="sheet-partner-add" class="visually-hidden">${msg('Structure à ajouter comme partenaire', { id: 'sheet.partners.addLabel' })}</label>
            <select id="sheet-partner-add" class="sheet-page__select">
              ${candidates.map((structure) => html`<option value=${structure.id}>${structure.name}</option>`)}
            </select>
            <button type="button" @click=${() => this.addPartner()}>${msg('Ajouter comme partenaire', { id: 'sheet.partners.add' })}</button>
          </div>`
        : nothing}
      ${messages.map((message) => html`<p class="field-error">${message}</p>`)}
    </fieldset>`;
  }

  private addPartner(): void {
    const select = this.querySelector<HTMLSelectElement>('#sheet-partner-add');
    if (select === null || select.value === '') return;
    this.toggle('partners', select.value, true);
  }

  private toggle(field: 'partners' | 'territories' | 'localPlans', value: string, present: boolean): void {
    const props = this.props;
    if (props?.session == null || props.itemId === undefined || !props.editable) return;
    toggleInSet(props.session.doc, props.itemId, field, value, present);
  }

  private renderDates(props: ProgrammePageProps, sheet: SheetView, problems: SheetProblems): TemplateResult {
    const date = (field: 'startDate' | 'endDate', label: string): TemplateResult => {
      const error = this.drafts.error(field);
      const messages = [...(error === undefined ? [] : [error]), ...problems.field(field)];
      return html`<div class="field">
        <label for="sheet-${field}">${label}</label>
        <input
          id="sheet-${field}"
          type="date"
          min="2000-01-01"
          max="2100-12-31"
          ?readonly=${!props.editable}
          aria-invalid=${String(messages.length > 0)}
          aria-describedby=${messages.length === 0 ? nothing : `sheet-${field}-error`}
          .value=${live(this.drafts.value(field, sheet[field] ?? ''))}
          @input=${(event: Event) => this.drafts.type(field, controlValue(event))}
          @change=${(event: Event) => this.changeDate(sheet, field, controlValue(event))}
        />
        ${messages.length === 0 ? nothing : html`<p id="sheet-${field}-error" class="field-error">${messages.join(' ')}</p>`}
      </div>`;
    };
    return html`<div class="sheet-dates">
      ${date('startDate', msg('Date de début', { id: 'sheet.startDate' }))} ${date('endDate', msg('Date de fin', { id: 'sheet.endDate' }))}
    </div>`;
  }

  private changeDate(sheet: SheetView, field: 'startDate' | 'endDate', text: string): void {
    const props = this.props;
    if (props?.session == null || !props.editable) return;
    const value = text === '' ? null : text;
    if (value !== null) {
      const checked = isoDateSchema.safeParse(value);
      if (!checked.success) return this.drafts.refuse(field, text, firstMessage(checked.error));
    }
    const other = field === 'startDate' ? 'endDate' : 'startDate';
    const dates = sheetDatesSchema.safeParse({ [field]: value, [other]: this.drafts.error(other) === undefined ? sheet[other] : null });
    if (!dates.success) return this.drafts.refuse(field, text, firstMessage(dates.error));
    setSheetValue(props.session.doc, sheet.id, field, value);
    this.drafts.accept(field);
  }

  private renderRichText(props: ProgrammePageProps, sheet: SheetView, field: RichTextField, label: string, placeholder: string, problems: SheetProblems): TemplateResult {
    return html`<trame-sheet-rich-text
      .session=${props.session}
      .fragment=${props.session === null ? undefined : sheetRichText(props.session.doc, sheet.id, field)}
      ?editable=${props.editable}
      fieldId="sheet-${field}"
      label=${label}
      placeholderText=${placeholder}
      .problems=${problems.field(field)}
      .commentProps=${props}
      sheetId=${sheet.id}
      field=${field}
    ></trame-sheet-rich-text>`;
  }

  private renderTerritories(props: ProgrammePageProps, sheet: SheetView, problems: SheetProblems): TemplateResult {
    const messages = [...problems.field('territories'), ...problems.field('localPlans')];
    return html`<section class="sheet-section" aria-labelledby="sheet-territories-title">
      <h2 id="sheet-territories-title">${msg('Territoires', { id: 'sheet.territories' })}</h2>
      ${props.editable
        ? html`<fieldset class="field sheet-territories">
            <legend class="field-label">${msg('Où l’action a lieu', { id: 'sheet.territories.legend' })}</legend>
            ${territories.map(
              (territory) => html`<label class="check">
                <input type="checkbox" .checked=${live(sheet.territories.includes(territory.code))} @change=${(event: Event) => this.toggle('territories', territory.code, controlChecked(event))} />
                ${territory.name}
              </label>`,
            )}
          </fieldset>`
        : html`<p>${sheet.territories.length === 0 ? msg('Aucun territoire indiqué.', { id: 'sheet.territories.none' }) : sheet.territories.map(territoryName).join(', ')}</p>`}
      <fieldset class="field sheet-set">
        <legend class="field-label">${msg('Plans locaux de développement', { id: 'sheet.localPlans' })}</legend>
        ${sheet.localPlans.length === 0
          ? html`<p class="hint">${msg('Aucun plan local indiqué.', { id: 'sheet.localPlans.none' })}</p>`
          : html`<ul class="sheet-set__list">
              ${sheet.localPlans.map(
                (plan) => html`<li>
                  <span lang="fr">${plan}</span>
                  ${props.editable
                    ? html`<button type="button" class="link" @click=${() => this.toggle('localPlans', plan, false)}>
                        ${msg('Retirer', { id: 'sheet.budget.remove' })}<span class="visually-hidden"> ${plan}</span>
                      </button>`
                    : nothing}
                </li>`,
              )}
            </ul>`}
        ${props.editable ? this.renderAddPlan() : nothing}
      </fieldset>
      ${messages.map((message) => html`<p class="field-error">${message}</p>`)}
    </section>`;
  }

  private renderAddPlan(): TemplateResult {
    const error = this.drafts.error('localPlan');
    return html`<form class="sheet-set__add" @submit=${(event: Event) => this.addPlan(event)}>
      <label for="sheet-plan-add">${msg('Nom du plan local à ajouter', { id: 'sheet.localPlans.addLabel' })}</label>
      <input
        id="sheet-plan-add"
        autocomplete="off"
        maxlength=${maxShortTextLength}
        aria-invalid=${String(error !== undefined)}
        aria-describedby=${error === undefined ? nothing : 'sheet-plan-add-error'}
        .value=${live(this.newPlan)}
        @input=${(event: Event) => (this.newPlan = controlValue(event))}
      />
      <button type="submit">${msg('Ajouter', { id: 'sheet.localPlans.add' })}</button>
      ${error === undefined ? nothing : html`<p id="sheet-plan-add-error" class="field-error">${error}</p>`}
    </form>`;
  }

  private addPlan(event: Event): void {
    event.preventDefault();
    const name = this.newPlan.trim();
    if (name === '') return this.drafts.refuse('localPlan', this.newPlan, msg('Indiquez le nom du plan local.', { id: 'sheet.localPlans.empty' }));
    this.toggle('localPlans', name, true);
    this.newPlan = '';
    this.drafts.accept('localPlan');
    this.drafts.settle();
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-sheet-page': SheetPage;
  }
}
