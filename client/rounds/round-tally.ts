/**
 * The live tally of a round, readable without colour or sight: a sentence in a polite live
 * region (answers, each position, the quorum), then each position as a labelled value with a
 * simple bar (the value is always written), the tally by network as a table, and who has not
 * answered yet, by network — apart from the structures that cannot answer (no representative).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { positionKinds, type RoundTally } from '../../shared/schemas/rounds';
import type { StructureView, WorkspaceView } from '../../shared/schemas/workspace';
import { positionWords, quorumWords } from './round-words';

function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 100);
}

/** "67 %" (French spacing) for people; the bar takes the bare number. */
function share(count: number, total: number): string {
  return `${percentOf(count, total)}\u00a0%`;
}

/** The sentence read out at each change (kept short: it is announced). */
export function tallySentence(tally: RoundTally): string {
  const counts = positionKinds.map((kind) => `${positionWords(kind)} ${tally.byPosition[kind]}`).join(', ');
  return msg(str`${tally.answeredCount} structures sur ${tally.memberCount} ont répondu : ${counts}.`, { id: 'rounds.tally.sentence' });
}

export function renderTally(tally: RoundTally, isOver: boolean): TemplateResult {
  return html`<div class="round-tally">
    <p class="round-tally__summary" aria-live="polite" aria-atomic="true" data-testid="tally-summary">${tallySentence(tally)}</p>
    <p class="round-tally__quorum">
      <span class="state ${tally.quorumReached ? 'state--ok' : 'state--pending'}">${quorumWords(tally, isOver)}</span>
    </p>
    <ul class="round-bars" aria-label=${msg('Positions', { id: 'rounds.tally.positions' })}>
      ${positionKinds.map(
        (kind) => html`<li class="round-bars__row round-bars__row--${kind}">
          <span class="round-bars__label">${positionWords(kind)}</span>
          <span class="round-bars__track" aria-hidden="true"><span class="round-bars__bar" style=${styleMap({ width: `${percentOf(tally.byPosition[kind], tally.answeredCount)}%` })}></span></span>
          <span class="round-bars__value" data-position=${kind}>${tally.byPosition[kind]} (${share(tally.byPosition[kind], tally.answeredCount)})</span>
        </li>`,
      )}
    </ul>
  </div>`;
}

export function renderNetworkTable(tally: RoundTally): TemplateResult {
  const title = msg('Positions par réseau', { id: 'rounds.tally.byNetwork' });
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${title}>
    <table class="data-table round-networks">
      <caption>${title}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Réseau', { id: 'rounds.tally.network' })}</th>
          <th scope="col" class="number">${msg('Réponses', { id: 'rounds.tally.answers' })}</th>
          ${positionKinds.map((kind) => html`<th scope="col" class="number">${positionWords(kind)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${tally.byNetwork.map(
          (network) => html`<tr>
            <th scope="row">${network.networkName}</th>
            <td class="number">${msg(str`${network.answeredCount} sur ${network.memberCount}`, { id: 'rounds.tally.ofMembers' })}</td>
            ${positionKinds.map((kind) => html`<td class="number">${network.byPosition[kind]}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function byNetwork(ids: readonly string[], view: WorkspaceView): { name: string; structures: StructureView[] }[] {
  const structures = new Map(view.structures.map((structure) => [structure.id, structure]));
  return view.networks
    .map((network) => ({ name: network.name, structures: ids.flatMap((id) => structures.get(id) ?? []).filter((structure) => structure.networkId === network.id) }))
    .filter((group) => group.structures.length > 0);
}

/** Who has not answered, by network; structures without a representative in a fold of their own. */
export function renderWaiting(tally: RoundTally, view: WorkspaceView, isOver: boolean): TemplateResult {
  const waiting = byNetwork(tally.waiting, view);
  const voiceless = byNetwork(tally.voiceless, view);
  return html`${tally.waiting.length === 0
      ? html`<p>${msg('Toutes les structures qui ont un·e représentant·e ont répondu.', { id: 'rounds.waiting.none' })}</p>`
      : html`<p>${isOver
            ? msg(str`Structures sans réponse : ${tally.waiting.length}.`, { id: 'rounds.waiting.countOver' })
            : msg(str`Structures qui n’ont pas encore répondu : ${tally.waiting.length}.`, { id: 'rounds.waiting.count' })}</p>
          <ul class="round-waiting">
            ${waiting.map((group) => html`<li><strong>${group.name}</strong> : ${group.structures.map((structure) => structure.name).join(', ')}</li>`)}
          </ul>`}
    ${tally.voiceless.length === 0
      ? nothing
      : html`<details class="round-voiceless">
          <summary>${msg(str`Structures sans représentant·e, qui ne peuvent pas répondre : ${tally.voiceless.length}`, { id: 'rounds.voiceless.summary' })}</summary>
          <p class="hint">${msg('La coordination désigne le ou la représentant·e de chaque structure dans la page Membres.', { id: 'rounds.voiceless.hint' })}</p>
          <ul class="round-waiting">
            ${voiceless.map((group) => html`<li><strong>${group.name}</strong> : ${group.structures.map((structure) => structure.name).join(', ')}</li>`)}
          </ul>
        </details>`}`;
}
