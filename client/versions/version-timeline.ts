/**
 * `<trame-version-timeline>`: the automatic checkpoints Trame takes while the contract is edited
 * (every hour, and when everyone has left after editing), grouped by day in disclosures (the
 * newest day open). Each one says when, how large, and who wrote since the previous one — by name
 * when the members list may be read, otherwise how many people — and opens or compares it.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { VersionView } from '../../shared/schemas/versions';
import { formatDate, formatTime } from '../i18n/format';
import { LightPage } from '../ui/light-page';
import { checkpointDays, comparePath, editorNames, formatBytes, versionPath } from './version-lists';

/** The timeline of automatic checkpoints. */
@customElement('trame-version-timeline')
export class VersionTimeline extends LightPage {
  @property({ attribute: false }) workspaceId = '';
  @property({ attribute: false }) versions: readonly VersionView[] = [];
  /** Member names by person id; null when the role may not read the members list. */
  @property({ attribute: false }) names: ReadonlyMap<string, string> | null = null;

  override render(): TemplateResult {
    const days = checkpointDays(this.versions);
    return html`<section class="version-timeline" aria-labelledby="version-timeline-title">
      <h2 id="version-timeline-title">${msg('Historique automatique', { id: 'versions.timeline.title' })}</h2>
      <p class="hint">
        ${msg('Pendant que le contrat est modifié, Trame en garde un état toutes les heures, et quand tout le monde l’a quitté. Ces points automatiques permettent de retrouver un texte d’avant, de le comparer ou de le restaurer.', { id: 'versions.timeline.intro' })}
      </p>
      ${days.length === 0
        ? html`<p class="empty-state">${msg('Aucun point automatique pour l’instant : le premier sera pris dans l’heure qui suit une modification du contrat.', { id: 'versions.timeline.empty' })}</p>`
        : repeat(
            days,
            (day) => day.day,
            (day, index) => html`<details class="version-day" ?open=${index === 0}>
              <summary>
                ${formatDate(`${day.day}T12:00:00`)}
                <span class="version-day__count">${msg(str`(${day.checkpoints.length} point(s))`, { id: 'versions.timeline.count' })}</span>
              </summary>
              <ul class="version-day__list">
                ${repeat(day.checkpoints, (checkpoint) => checkpoint.id, (checkpoint) => this.renderCheckpoint(checkpoint))}
              </ul>
            </details>`,
          )}
    </section>`;
  }

  private renderCheckpoint(checkpoint: VersionView): TemplateResult {
    const labelId = `checkpoint-${checkpoint.id}`;
    const time = formatTime(checkpoint.createdAt).slice(0, 5);
    return html`<li class="version-checkpoint">
      <p class="version-checkpoint__facts">
        <strong id=${labelId}>${msg(str`${time} — ${checkpoint.name}`, { id: 'versions.checkpoint.label' })}</strong>
        <span>${formatBytes(checkpoint.stateBytes)}</span>
        <span>${this.editorsWords(checkpoint.editors)}</span>
      </p>
      <p class="version-checkpoint__links">
        <a href=${versionPath(this.workspaceId, checkpoint.id)} aria-describedby=${labelId}>${msg('Consulter', { id: 'versions.open' })}</a>
        <a href=${comparePath(this.workspaceId, checkpoint.id)} aria-describedby=${labelId}>${msg('Comparer avec maintenant', { id: 'versions.compareNow' })}</a>
      </p>
    </li>`;
  }

  private editorsWords(editors: readonly string[]): TemplateResult | string | typeof nothing {
    if (editors.length === 0) return msg('Aucune modification nominative', { id: 'versions.checkpoint.noEditors' });
    const named = editorNames(editors, this.names);
    if (named !== null) return msg(str`Modifié par ${named.join(', ')}`, { id: 'versions.checkpoint.editors' });
    return msg(str`Modifié par ${editors.length} personne(s)`, { id: 'versions.checkpoint.editorCount' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-version-timeline': VersionTimeline;
  }
}
