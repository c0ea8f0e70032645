/**
 * `<trame-round-page>` (`/w/<id>/decisions/<roundId>`): one consent round — its question, what it
 * is about (linked), its deadline and the time left, the live tally by position and by network,
 * the quorum in words, who has not answered; the representative's vote form (changeable until the
 * deadline, then a clear message); the facilitator's controls; the outcome once recorded; and
 * every position ever given, replaced ones included.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { can } from '../../shared/permissions';
import { isOver } from '../../shared/rounds/tally';
import type { GivenPosition, RoundView } from '../../shared/schemas/rounds';
import type { StructureView } from '../../shared/schemas/workspace';
import type { ProgrammePageProps } from '../programme/page-props';
import { workspacePath } from '../routing/routes';
import { LightPage } from '../ui/light-page';
import { RoundController } from './rounds-controller';
import { renderNetworkTable, renderTally, renderWaiting } from './round-tally';
import { deadlineWords, outcomeWords, positionWords, subjectWords, timeLeftWords } from './round-words';
import './round-controls';
import './round-vote-form';

interface HistoryRow extends GivenPosition {
  structureName: string;
  isCurrent: boolean;
}

@customElement('trame-round-page')
export class RoundPage extends LightPage {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  private readonly controller = new RoundController(this, () => this.props);

  protected override willUpdate(): void {
    this.controller.followPositions = can(this.props?.role, 'rounds.open');
  }

  override render(): TemplateResult | typeof nothing {
    const props = this.props;
    if (props === null) return nothing;
    const round = this.controller.round;
    const back = html`<p><a href=${workspacePath(props.view.id, 'decisions')}>${msg('Tous les tours de décision', { id: 'rounds.back' })}</a></p>`;
    if (round === null) {
      return html`<div class="page round-page">${back}
        <h1>${msg('Tour de décision', { id: 'rounds.round.title' })}</h1>
        ${this.controller.problem === null
          ? html`<p role="status">${msg('Chargement du tour de décision…', { id: 'rounds.round.loading' })}</p>`
          : html`<div class="notice notice--error" role="alert"><p>${this.controller.problem}</p></div>`}
      </div>`;
    }
    const now = this.controller.now;
    const over = isOver(round, now);
    return html`<div class="page round-page">
      ${back}
      <p class="round-page__kicker">${msg('Tour de décision', { id: 'rounds.round.title' })}</p>
      <h1>${round.question}</h1>
      <dl class="facts">
        <dt>${msg('Sur', { id: 'rounds.round.subject' })}</dt>
        <dd>${this.subjectLink(props, round)}</dd>
        <dt>${msg('Date limite', { id: 'rounds.open.deadline' })}</dt>
        <dd>${deadlineWords(round.deadline)} —
          ${over
            ? html`<span class="state state--neutral">${round.closedBy === null ? msg('clos à la date limite', { id: 'rounds.round.closedAtDeadline' }) : msg(str`clos le ${deadlineWords(round.closedAt ?? round.deadline)}`, { id: 'rounds.round.closedEarly' })}</span>`
            : html`<span class="state state--pending">${msg(str`se termine ${timeLeftWords(round.deadline, now)}`, { id: 'rounds.round.timeLeft' })}</span>`}
        </dd>
        <dt>${msg('Ouvert par', { id: 'rounds.round.openedBy' })}</dt>
        <dd>${msg(str`${round.openedByName} le ${deadlineWords(round.openedAt)}`, { id: 'rounds.round.openedByOn' })}</dd>
      </dl>
      ${round.outcome === null
        ? nothing
        : html`<div class="notice ${round.outcome.decision === 'adopted' ? 'notice--success' : 'notice--warning'} round-outcome">
            <p class="notice__title">${msg(str`Issue : ${outcomeWords(round.outcome.decision)}`, { id: 'rounds.item.outcome' })}</p>
            ${round.outcome.note === '' ? nothing : html`<p>${round.outcome.note}</p>`}
            <p class="hint">${msg(str`Enregistrée par ${round.outcomeByName ?? ''} le ${deadlineWords(round.outcome.at)}.`, { id: 'rounds.outcome.by' })}</p>
          </div>`}
      ${this.renderVote(props, round, over)}
      <section class="card" aria-labelledby="round-tally-title">
        <h2 id="round-tally-title">${msg('Décompte', { id: 'rounds.tally.title' })}</h2>
        ${renderTally(round.tally, over)}
      </section>
      ${can(props.role, 'rounds.open')
        ? html`<section class="card" aria-labelledby="round-controls-title">
            <h2 id="round-controls-title">${msg('Animation du tour', { id: 'rounds.controls.title' })}</h2>
            <trame-round-controls .workspaceId=${props.view.id} .round=${round} .now=${now} .onSaved=${(updated: RoundView) => this.controller.accept(updated)}></trame-round-controls>
          </section>`
        : nothing}
      <section class="card" aria-labelledby="round-waiting-title">
        <h2 id="round-waiting-title">${over ? msg('Sans réponse', { id: 'rounds.waiting.titleOver' }) : msg('En attente de réponse', { id: 'rounds.waiting.title' })}</h2>
        ${renderWaiting(round.tally, props.view, over)}
      </section>
      <section class="card" aria-labelledby="round-networks-title">
        <h2 id="round-networks-title">${msg('Par réseau', { id: 'rounds.tally.networksTitle' })}</h2>
        ${renderNetworkTable(round.tally)}
      </section>
      <section class="card" aria-labelledby="round-history-title">
        <h2 id="round-history-title">${msg('Positions données', { id: 'rounds.history.title' })}</h2>
        ${this.renderHistory(props, round)}
      </section>
    </div>`;
  }

  private subjectLink(props: ProgrammePageProps, round: RoundView): TemplateResult {
    const words = subjectWords(round);
    const id = props.view.id;
    switch (round.subject.kind) {
      case 'contract':
      case 'section': return html`<a href=${workspacePath(id, 'contract')}>${words}</a>`;
      case 'sheet': return html`<a href=${workspacePath(id, 'sheet', round.subject.sheetId)}>${words}</a>`;
      case 'amendment': return html`<a href=${workspacePath(id, 'amendment', round.subject.amendmentId)}>${words}</a>`;
    }
  }

  private renderVote(props: ProgrammePageProps, round: RoundView, over: boolean): TemplateResult | typeof nothing {
    const represented: StructureView[] = props.view.structures.filter((structure) => structure.representativeId === props.me.id);
    if (represented.length === 0) {
      return can(props.role, 'rounds.vote')
        ? html`<p class="notice">${msg('Seul·e le ou la représentant·e d’une structure membre donne sa position : une structure, une voix.', { id: 'rounds.vote.notRepresentative' })}</p>`
        : nothing;
    }
    return html`<section class="card round-vote" aria-labelledby="round-vote-title">
      <h2 id="round-vote-title">${msg('Votre position', { id: 'rounds.vote.title' })}</h2>
      ${over
        ? html`<p class="notice" data-testid="vote-closed">${msg('Ce tour de décision est clos : les positions ne peuvent plus changer. Chaque position donnée avant la clôture reste enregistrée ci-dessous.', { id: 'rounds.vote.closed' })}</p>
            ${represented.map((structure) => {
              const given = round.positions.find((position) => position.structureId === structure.id);
              return html`<p>${given === undefined
                ? msg(str`${structure.name} n’a pas donné de position.`, { id: 'rounds.vote.noneGiven' })
                : msg(str`Position de ${structure.name} : ${positionWords(given.position)}.`, { id: 'rounds.vote.final' })}</p>`;
            })}`
        : represented.map(
            (structure) => html`<trame-round-vote-form
              .workspaceId=${props.view.id}
              .round=${round}
              .structure=${structure}
              .isOneOfSeveral=${represented.length > 1}
              .onSaved=${(updated: RoundView) => this.controller.accept(updated)}
            ></trame-round-vote-form>`,
          )}
    </section>`;
  }

  private renderHistory(props: ProgrammePageProps, round: RoundView): TemplateResult {
    const names = new Map(props.view.structures.map((structure) => [structure.id, structure.name]));
    const rows: HistoryRow[] = round.positions.flatMap((position) => {
      const structureName = names.get(position.structureId) ?? position.structureId;
      return [
        { ...position, structureName, isCurrent: true },
        ...position.history.map((previous) => ({ ...previous, structureName, isCurrent: false })),
      ];
    });
    rows.sort((a, b) => b.at.localeCompare(a.at));
    if (rows.length === 0) return html`<p>${msg('Aucune position pour l’instant.', { id: 'rounds.history.none' })}</p>`;
    const title = msg('Positions données', { id: 'rounds.history.title' });
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${title}>
      <table class="data-table round-history">
        <thead>
          <tr>
            <th scope="col">${msg('Structure', { id: 'rounds.history.structure' })}</th>
            <th scope="col">${msg('Position', { id: 'rounds.history.position' })}</th>
            <th scope="col">${msg('Raison', { id: 'rounds.vote.reason' })}</th>
            <th scope="col">${msg('Par', { id: 'rounds.history.by' })}</th>
            <th scope="col">${msg('Le', { id: 'rounds.history.at' })}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr class=${row.isCurrent ? '' : 'round-history__replaced'}>
              <th scope="row">${row.structureName}</th>
              <td>${positionWords(row.position)}${row.isCurrent ? nothing : html` <span class="hint">${msg('(remplacée)', { id: 'rounds.history.replaced' })}</span>`}</td>
              <td>${row.reason ?? '—'}</td>
              <td>${row.personName}</td>
              <td>${deadlineWords(row.at)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-round-page': RoundPage;
  }
}
