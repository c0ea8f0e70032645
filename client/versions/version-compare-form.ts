/**
 * `<trame-version-compare-form>`: picks two versions (or "Maintenant", the live contract) and opens
 * the comparison page between them. Named versions come first, then the automatic checkpoints;
 * comparing a version with itself is refused at the field.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { liveVersionId, type VersionView } from '../../shared/schemas/versions';
import { formatDateTime } from '../i18n/format';
import { navigate } from '../routing/routes';
import { controlValue } from '../ui/dom';
import { describedBy, fieldNotes } from '../ui/form-field';
import { LightPage } from '../ui/light-page';
import { checkpointDays, comparePath, namedVersions } from './version-lists';

/** The "Comparer deux versions" form. */
@customElement('trame-version-compare-form')
export class VersionCompareForm extends LightPage {
  @property({ attribute: false }) workspaceId = '';
  @property({ attribute: false }) versions: readonly VersionView[] = [];

  @state() private from = '';
  @state() private to = liveVersionId;
  @state() private error: string | undefined = undefined;

  override render(): TemplateResult {
    const named = namedVersions(this.versions);
    const checkpoints = checkpointDays(this.versions).flatMap((day) => day.checkpoints);
    const from = this.from === '' ? (named[0]?.id ?? checkpoints[0]?.id ?? '') : this.from;
    const options = (selected: string, withLive: boolean): TemplateResult => html`
      ${withLive ? html`<option value=${liveVersionId} ?selected=${selected === liveVersionId}>${msg('Maintenant (version de travail)', { id: 'versions.compare.live' })}</option>` : nothing}
      ${named.length === 0
        ? nothing
        : html`<optgroup label=${msg('Versions nommées', { id: 'versions.compare.named' })}>
            ${named.map((version) => html`<option value=${version.id} ?selected=${selected === version.id}>${version.name} — ${formatDateTime(version.createdAt)}</option>`)}
          </optgroup>`}
      ${checkpoints.length === 0
        ? nothing
        : html`<optgroup label=${msg('Points automatiques', { id: 'versions.compare.checkpoints' })}>
            ${checkpoints.map((version) => html`<option value=${version.id} ?selected=${selected === version.id}>${formatDateTime(version.createdAt)} — ${version.name}</option>`)}
          </optgroup>`}
    `;
    return html`<section class="card version-compare" aria-labelledby="version-compare-title">
      <h2 id="version-compare-title">${msg('Comparer deux versions', { id: 'versions.compare.title' })}</h2>
      <form class="version-compare__form" novalidate @submit=${(event: SubmitEvent) => this.submit(event, from)}>
        <div class="field">
          <label for="version-compare-from">${msg('De', { id: 'versions.compare.from' })}</label>
          <select id="version-compare-from" name="de" @change=${(event: Event) => (this.from = controlValue(event))}>${options(from, true)}</select>
        </div>
        <div class="field">
          <label for="version-compare-to">${msg('À', { id: 'versions.compare.to' })}</label>
          <select
            id="version-compare-to"
            name="a"
            aria-invalid=${String(this.error !== undefined)}
            aria-describedby=${describedBy('version-compare-to', undefined, this.error)}
            @change=${(event: Event) => (this.to = controlValue(event))}
          >
            ${options(this.to, true)}
          </select>
          ${fieldNotes('version-compare-to', undefined, this.error)}
        </div>
        <div class="form-actions">
          <button type="submit">${msg('Comparer', { id: 'versions.compare.submit' })}</button>
        </div>
      </form>
    </section>`;
  }

  private submit(event: SubmitEvent, from: string): void {
    event.preventDefault();
    if (from === '' || from === this.to) {
      this.error = msg('Choisissez deux versions différentes.', { id: 'versions.compare.same' });
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('#version-compare-to')?.focus());
      return;
    }
    this.error = undefined;
    navigate(comparePath(this.workspaceId, from, this.to));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-version-compare-form': VersionCompareForm;
  }
}
