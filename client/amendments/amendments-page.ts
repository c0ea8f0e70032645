/**
 * `<trame-amendments-page>`: every amendment of the workspace, newest first, filtered by state,
 * with its number, title, target and signatories; and, for those who may propose, the form that
 * proposes one on a section of the contract, a rich-text field of an action sheet, or a new sheet
 * in an axis. `?fiche=<id>` (the sheet page's link) opens the form on that sheet. Reloads on
 * `amendments:changed`.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { contractHeadings } from '../../shared/amendments/target';
import { can } from '../../shared/permissions';
import { sheetsInOrder } from '../../shared/programme/read';
import { SocketEvent } from '../../shared/protocol';
import { amendmentStates, proposeInputSchema, sheetFields, type Amendment, type AmendmentState } from '../../shared/schemas/amendments';
import { describeError, ProblemError } from '../api/fetch-json';
import type { ProgrammePageProps } from '../programme/page-props';
import { navigate, workspacePath } from '../routing/routes';
import { controlValue } from '../ui/dom';
import { LightPage } from '../ui/light-page';
import { fetchAmendments, proposeAmendment } from './amendments-api';
import { fieldWords, signatoryWords, stateWords, targetWords } from './amendment-words';

type TargetKind = 'section' | 'sheet-field' | 'new-sheet';

@customElement('trame-amendments-page')
export class AmendmentsPage extends LightPage {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  @state() private amendments: Amendment[] | null = null;
  @state() private problem: string | null = null;
  @state() private filter: AmendmentState | 'all' | 'open' = 'all';
  @state() private isFormOpen = false;
  @state() private kind: TargetKind = 'section';
  @state() private formProblem: string | null = null;
  @state() private fields: Record<string, string> = {};
  @state() private isSending = false;
  private workspaceId: string | null = null;
  private unsubscribe: (() => void) | null = null;
  private preselectedSheet: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const sheet = new URLSearchParams(location.search).get('fiche');
    if (sheet !== null) {
      this.preselectedSheet = sheet;
      this.isFormOpen = true;
      this.kind = 'sheet-field';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.workspaceId = null;
  }

  protected override willUpdate(): void {
    const props = this.props;
    if (props === null || props.view.id === this.workspaceId) return;
    this.unsubscribe?.();
    this.workspaceId = props.view.id;
    this.unsubscribe = props.listen(SocketEvent.amendmentsChanged, ({ workspaceId }) => {
      if (workspaceId === this.workspaceId) void this.load();
    });
    void this.load();
  }

  private async load(): Promise<void> {
    const workspaceId = this.workspaceId;
    if (workspaceId === null) return;
    try {
      this.amendments = await fetchAmendments(workspaceId);
      this.problem = null;
    } catch (error) {
      this.problem = describeError(error);
    }
  }

  override render(): TemplateResult {
    const props = this.props;
    if (props === null) return html``;
    const mayPropose = can(props.role, 'amendments.propose');
    return html`<div class="page amendments-page">
      <div class="page-header">
        <h1>${msg('Amendements', { id: 'amendments.title' })}</h1>
        ${mayPropose && !this.isFormOpen
          ? html`<button type="button" class="primary" @click=${() => (this.isFormOpen = true)}>${msg('Proposer un amendement', { id: 'amendments.propose' })}</button>`
          : nothing}
      </div>
      <p class="lead">
        ${msg('Un amendement propose une nouvelle rédaction d’une section du contrat, d’un champ d’une fiche action, ou une nouvelle fiche. D’autres structures peuvent le cosigner et le rédiger avec vous ; l’animation ou la coordination l’accepte ou le rejette.', { id: 'amendments.intro' })}
      </p>
      ${mayPropose && this.isFormOpen ? this.renderForm(props) : nothing}
      ${this.renderList(props)}
    </div>`;
  }

  private renderList(props: ProgrammePageProps): TemplateResult {
    if (this.problem !== null) return html`<p class="notice notice--error" role="alert">${this.problem}</p>`;
    if (this.amendments === null) return html`<p class="hint">${msg('Chargement des amendements…', { id: 'amendments.loading' })}</p>`;
    const shown = this.amendments.filter((a) => this.filter === 'all' || (this.filter === 'open' ? ['draft', 'submitted', 'discussion'].includes(a.state) : a.state === this.filter));
    const programme = props.programme?.programme ?? null;
    return html`<section aria-labelledby="amendments-list-title" class="amendments-list">
      <h2 id="amendments-list-title">${msg('Propositions', { id: 'amendments.list' })}</h2>
      <div class="field amendments-filter">
        <label for="amendments-filter">${msg('Afficher', { id: 'amendments.filter' })}</label>
        <select id="amendments-filter" @change=${(event: Event) => (this.filter = controlValue(event) as typeof this.filter)}>
          <option value="all" ?selected=${this.filter === 'all'}>${msg('Tous les amendements', { id: 'amendments.filter.all' })}</option>
          <option value="open" ?selected=${this.filter === 'open'}>${msg('En cours (brouillon, déposé, en discussion)', { id: 'amendments.filter.open' })}</option>
          ${amendmentStates.map((s) => html`<option value=${s} ?selected=${this.filter === s}>${stateWords(s)}</option>`)}
        </select>
      </div>
      <p class="hint" role="status">${msg(str`${shown.length} amendement(s) affiché(s) sur ${this.amendments.length}.`, { id: 'amendments.count' })}</p>
      ${shown.length === 0
        ? html`<p>${msg('Aucun amendement pour l’instant.', { id: 'amendments.none' })}</p>`
        : html`<ul class="amendment-cards">
            ${shown.map(
              (a) => html`<li class="card amendment-card">
                <h3 class="amendment-card__title">
                  <a href=${workspacePath(props.view.id, 'amendment', a.id)}>${msg(str`Amendement n° ${a.number}`, { id: 'amendments.number' })} — ${a.title}</a>
                </h3>
                <p class="amendment-card__meta">
                  <span class="amendment-state amendment-state--${a.state}">${stateWords(a.state)}</span>
                  <span>${targetWords(a.target, programme)}</span>
                </p>
                <p class="amendment-card__authors">
                  ${msg('Auteur·e :', { id: 'amendments.author' })} ${a.authors.filter((s) => s.role === 'author').map(signatoryWords).join(', ')}
                  ${a.authors.some((s) => s.role === 'cosigner')
                    ? html`<br />${msg('Cosignataires :', { id: 'amendments.cosigners' })} ${a.authors.filter((s) => s.role === 'cosigner').map(signatoryWords).join(', ')}`
                    : nothing}
                </p>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private renderForm(props: ProgrammePageProps): TemplateResult {
    const doc = props.session?.doc ?? null;
    const headings = doc === null ? [] : contractHeadings(doc);
    const programme = props.programme?.programme ?? null;
    const sheets = programme === null ? [] : sheetsInOrder(programme);
    const axes = programme?.axes ?? [];
    const error = (key: string): TemplateResult | typeof nothing =>
      this.fields[key] === undefined ? nothing : html`<p class="field-error" id="amendment-${key.replace('.', '-')}-error">${this.fields[key]}</p>`;
    const kinds: [TargetKind, string][] = [
      ['section', msg('Une section du contrat', { id: 'amendments.kind.section' })],
      ['sheet-field', msg('Un champ d’une fiche action', { id: 'amendments.kind.sheetField' })],
      ['new-sheet', msg('Une nouvelle fiche action', { id: 'amendments.kind.newSheet' })],
    ];
    return html`<section class="card amendment-form" aria-labelledby="amendment-form-title">
      <h2 id="amendment-form-title">${msg('Proposer un amendement', { id: 'amendments.propose' })}</h2>
      <form class="form" novalidate @submit=${(event: SubmitEvent) => void this.submit(event, props)}>
        <fieldset class="field">
          <legend>${msg('Ce que l’amendement change', { id: 'amendments.form.kind' })}</legend>
          ${kinds.map(
            ([value, label]) => html`<label class="choice"><input type="radio" name="kind" value=${value} .checked=${this.kind === value} @change=${() => (this.kind = value)} /> ${label}</label>`,
          )}
        </fieldset>
        ${this.kind === 'section'
          ? html`<div class="field">
              <label for="amendment-section">${msg('Section', { id: 'amendments.form.section' })}</label>
              <select id="amendment-section" name="section">
                ${headings.map((h) => html`<option value=${String(h.index)}>${'— '.repeat(Math.max(0, h.level - 1))}${h.text}</option>`)}
              </select>
              <p class="hint">${msg('L’amendement porte sur le texte entre ce titre et le titre suivant de même niveau.', { id: 'amendments.form.section.hint' })}</p>
            </div>`
          : nothing}
        ${this.kind === 'sheet-field'
          ? html`<div class="field">
                <label for="amendment-sheet">${msg('Fiche action', { id: 'amendments.form.sheet' })}</label>
                <select id="amendment-sheet" name="sheet">
                  ${sheets.map((s) => html`<option value=${s.id} ?selected=${s.id === this.preselectedSheet}>${s.number} — ${s.title}</option>`)}
                </select>
              </div>
              <div class="field">
                <label for="amendment-field">${msg('Champ', { id: 'amendments.form.field' })}</label>
                <select id="amendment-field" name="field">
                  ${sheetFields.map((f) => html`<option value=${f}>${fieldWords(f)}</option>`)}
                </select>
              </div>`
          : nothing}
        ${this.kind === 'new-sheet'
          ? html`<div class="field">
              <label for="amendment-axis">${msg('Axe', { id: 'amendments.form.axis' })}</label>
              <select id="amendment-axis" name="axis">
                ${axes.map((a) => html`<option value=${a.id}>${msg(str`Axe ${a.number}`, { id: 'amendments.axis' })} — ${a.title}</option>`)}
              </select>
            </div>`
          : nothing}
        <div class="field">
          <label for="amendment-title">${this.kind === 'new-sheet' ? msg('Titre de l’amendement (et de la fiche)', { id: 'amendments.form.titleSheet' }) : msg('Titre de l’amendement', { id: 'amendments.form.title' })}</label>
          <input id="amendment-title" name="title" maxlength="200" required aria-invalid=${this.fields['title'] === undefined ? 'false' : 'true'} aria-describedby=${this.fields['title'] === undefined ? nothing : 'amendment-title-error'} />
          ${error('title')}
        </div>
        <div class="field">
          <label for="amendment-motive">${msg('Exposé des motifs', { id: 'amendments.form.motive' })}</label>
          <textarea id="amendment-motive" name="motive" rows="4" maxlength="10000" aria-describedby="amendment-motive-hint ${this.fields['motive'] === undefined ? '' : 'amendment-motive-error'}"></textarea>
          <p class="hint" id="amendment-motive-hint">${msg('Pourquoi ce changement : il est lu par toutes les structures avant la décision.', { id: 'amendments.form.motive.hint' })}</p>
          ${error('motive')}
        </div>
        ${this.formProblem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.formProblem}</p>`}
        <div class="form-actions">
          <button type="submit" class="primary" ?disabled=${this.isSending}>${msg('Créer le brouillon', { id: 'amendments.form.create' })}</button>
          <button type="button" @click=${() => this.closeForm()}>${msg('Annuler', { id: 'common.cancel' })}</button>
        </div>
        <p class="hint">${msg('Le brouillon reprend le texte actuel : vous le rédigez ensuite, seul·e ou avec d’autres structures, puis vous le déposez.', { id: 'amendments.form.next' })}</p>
      </form>
    </section>`;
  }

  private closeForm(): void {
    this.isFormOpen = false;
    this.fields = {};
    this.formProblem = null;
  }

  private async submit(event: SubmitEvent, props: ProgrammePageProps): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string): string => String(data.get(name) ?? '');
    let target: unknown;
    if (this.kind === 'section') {
      const index = Number(value('section'));
      const heading = props.session === null ? undefined : contractHeadings(props.session.doc).find((h) => h.index === index);
      target = { kind: 'section', blockIndex: index, heading: heading?.text ?? '' };
    } else if (this.kind === 'sheet-field') {
      target = { kind: 'sheet-field', sheetId: value('sheet'), field: value('field') };
    } else {
      target = { kind: 'new-sheet', axisId: value('axis') };
    }
    const parsed = proposeInputSchema.safeParse({ title: value('title'), motive: value('motive'), target });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
      this.fields = fields;
      this.formProblem = msg('Certains champs sont à corriger.', { id: 'amendments.form.invalid' });
      await this.updateComplete;
      this.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.isSending = true;
    this.fields = {};
    this.formProblem = null;
    try {
      const created = await proposeAmendment(props.view.id, parsed.data);
      navigate(workspacePath(props.view.id, 'amendment', created.id));
    } catch (error) {
      this.formProblem = describeError(error);
      if (error instanceof ProblemError && error.problem.fields !== undefined) this.fields = error.problem.fields;
    } finally {
      this.isSending = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-amendments-page': AmendmentsPage;
  }
}
