/**
 * `<trame-rounds-page>` (`/w/<id>/decisions`): the consent rounds of the workspace — open ones
 * first with the time left in words and the answers so far, then closed ones with their outcome —
 * and, for the animation and the coordination, the form that opens a new round. Tallies update
 * live from `rounds:changed`.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { can } from '../../shared/permissions';
import { sheetsInOrder } from '../../shared/programme/read';
import { contractHeadings } from '../../shared/rounds/subjects';
import { isOver } from '../../shared/rounds/tally';
import type { RoundView } from '../../shared/schemas/rounds';
import type { ProgrammePageProps } from '../programme/page-props';
import { navigate, workspacePath } from '../routing/routes';
import { LightPage } from '../ui/light-page';
import { fetchAmendmentChoices, type AmendmentChoice } from './rounds-api';
import { RoundsController } from './rounds-controller';
import { deadlineWords, outcomeWords, subjectWords, timeLeftWords } from './round-words';
import './round-open-form';

@customElement('trame-rounds-page')
export class RoundsPage extends LightPage {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  @state() private amendments: AmendmentChoice[] = [];
  @state() private isFormOpen = false;
  private amendmentsOf: string | null = null;
  private readonly rounds = new RoundsController(this, () => this.props);

  protected override willUpdate(): void {
    const props = this.props;
    if (props !== null && can(props.role, 'rounds.open') && this.amendmentsOf !== props.view.id) {
      this.amendmentsOf = props.view.id;
      void fetchAmendmentChoices(props.view.id).then((amendments) => (this.amendments = amendments)).catch(() => undefined);
    }
  }

  override render(): TemplateResult | typeof nothing {
    const props = this.props;
    if (props === null) return nothing;
    const rounds = this.rounds.rounds;
    const now = this.rounds.now;
    const open = rounds?.filter((round) => !isOver(round, now)) ?? [];
    const closed = rounds?.filter((round) => isOver(round, now)) ?? [];
    return html`<div class="page rounds-page">
      <h1>${msg('Tours de décision', { id: 'rounds.title' })}</h1>
      <p class="hint">${msg('Chaque structure membre donne une position par son ou sa représentant·e : d’accord, abstention, désaccord ou objection. Une objection bloque et doit être motivée.', { id: 'rounds.intro' })}</p>
      ${can(props.role, 'rounds.open') ? this.renderOpenForm(props) : nothing}
      ${this.rounds.problem !== null && rounds === null
        ? html`<div class="notice notice--error" role="alert"><p>${this.rounds.problem}</p><p><button type="button" @click=${() => this.rounds.reload()}>${msg('Réessayer', { id: 'rounds.retry' })}</button></p></div>`
        : rounds === null
          ? html`<p role="status">${msg('Chargement des tours de décision…', { id: 'rounds.loading' })}</p>`
          : html`<section aria-labelledby="rounds-open-title">
                <h2 id="rounds-open-title">${msg('En cours', { id: 'rounds.open.title' })}</h2>
                ${open.length === 0 ? html`<p>${msg('Aucun tour de décision en cours.', { id: 'rounds.open.none' })}</p>` : html`<ul class="round-list">${open.map((round) => this.renderRound(props, round, now))}</ul>`}
              </section>
              <section aria-labelledby="rounds-closed-title">
                <h2 id="rounds-closed-title">${msg('Clos', { id: 'rounds.closed.title' })}</h2>
                ${closed.length === 0 ? html`<p>${msg('Aucun tour de décision clos.', { id: 'rounds.closed.none' })}</p>` : html`<ul class="round-list">${closed.map((round) => this.renderRound(props, round, now))}</ul>`}
              </section>`}
    </div>`;
  }

  private renderOpenForm(props: ProgrammePageProps): TemplateResult {
    if (!this.isFormOpen) {
      return html`<p><button type="button" class="primary big" @click=${() => (this.isFormOpen = true)}>${msg('Ouvrir un tour de décision', { id: 'rounds.open.button' })}</button></p>`;
    }
    const fragment = props.session?.fragment;
    const sections = fragment === undefined || !props.loaded ? [] : contractHeadings(fragment);
    const programme = props.programme?.programme;
    const sheets = programme === undefined ? [] : sheetsInOrder(programme).map((sheet) => ({ value: sheet.id, label: `${sheet.number} · ${sheet.title || msg('sans titre', { id: 'rounds.sheet.untitled' })}` }));
    return html`<section class="card" aria-labelledby="round-open-title">
      <h2 id="round-open-title">${msg('Ouvrir un tour de décision', { id: 'rounds.open.button' })}</h2>
      <trame-round-open-form
        .workspaceId=${props.view.id}
        .sections=${sections}
        .sheets=${sheets}
        .amendments=${this.amendments}
        .onOpened=${(round: RoundView) => navigate(workspacePath(props.view.id, 'decision', round.id))}
      ></trame-round-open-form>
      <p><button type="button" @click=${() => (this.isFormOpen = false)}>${msg('Annuler', { id: 'common.cancel' })}</button></p>
    </section>`;
  }

  private renderRound(props: ProgrammePageProps, round: RoundView, now: Date): TemplateResult {
    const over = isOver(round, now);
    return html`<li class="round-item ${over ? 'round-item--closed' : ''}">
      <h3 class="round-item__question"><a href=${workspacePath(props.view.id, 'decision', round.id)}>${round.question}</a></h3>
      <p class="round-item__subject">${msg(str`Sur : ${subjectWords(round)}`, { id: 'rounds.item.subject' })}</p>
      ${over
        ? html`<p>
            ${round.outcome === null
              ? html`<span class="state state--pending">${msg('Clos, issue à enregistrer', { id: 'rounds.item.noOutcome' })}</span>`
              : html`<span class="state ${round.outcome.decision === 'adopted' ? 'state--ok' : 'state--warning'}">${msg(str`Issue : ${outcomeWords(round.outcome.decision)}`, { id: 'rounds.item.outcome' })}</span>`}
            <span class="hint">${msg(str`Clos le ${deadlineWords(round.closedAt ?? round.deadline)}`, { id: 'rounds.item.closedAt' })}</span>
          </p>`
        : html`<p>
            <span class="state state--pending">${msg(str`Se termine ${timeLeftWords(round.deadline, now)}`, { id: 'rounds.item.timeLeft' })}</span>
            <span class="hint">${msg(str`le ${deadlineWords(round.deadline)}`, { id: 'rounds.item.deadline' })}</span>
          </p>`}
      <p class="round-item__answers">${msg(str`${round.tally.answeredCount} réponses sur ${round.tally.memberCount} structures`, { id: 'rounds.item.answers' })}</p>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-rounds-page': RoundsPage;
  }
}
