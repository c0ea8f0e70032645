/**
 * `<trame-follow-up-status>`: an action's realisation status, with when it last changed; people
 * who report on the action change it from a select and a save button (no change on mere focus).
 */
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { realisationStatuses, statusInputSchema, type RealisationStatus } from '../../shared/schemas/follow-up';
import { saveStatus } from '../api/follow-up';
import { formatDateTime } from '../i18n/format';
import { FollowUpForm, selectField } from './follow-up-form';
import { statusName } from './follow-up-words';

@customElement('trame-follow-up-status')
export class FollowUpStatus extends FollowUpForm {
  /** The stored status. */
  @property({ attribute: false }) status: RealisationStatus = 'not-started';
  @property({ attribute: false }) changedAt: string | null = null;
  /** Who changed it last, when the server says. */
  @property({ attribute: false }) changedBy: string | null = null;
  @property({ type: Boolean }) canEdit = false;

  /** The status chosen in the select, not yet saved (null: the stored one). */
  @state() private draft: string | null = null;

  protected override willUpdate(): void {
    // Once the saved status comes back from the server, the select follows the stored value again.
    if (this.draft === this.status) this.draft = null;
  }

  override render(): TemplateResult {
    const changed =
      this.changedAt === null
        ? msg('Jamais modifié depuis l’adoption.', { id: 'followUp.status.never' })
        : this.changedBy === null
          ? msg(str`Modifié le ${formatDateTime(this.changedAt)}.`, { id: 'followUp.status.changedAt' })
          : msg(str`Modifié le ${formatDateTime(this.changedAt)} par ${this.changedBy}.`, { id: 'followUp.status.changedBy' });
    if (!this.canEdit) {
      return html`<p><span class="status status--${this.status}">${statusName(this.status)}</span></p>
        <p class="hint">${changed}</p>`;
    }
    return html`<form class="form follow-up-inline-form" novalidate @submit=${this.handleSubmit}>
      ${this.renderStatus('status')}
      ${selectField({
        id: 'status-select',
        label: msg('État de réalisation', { id: 'followUp.status.label' }),
        value: this.draft ?? this.status,
        hint: changed,
        error: this.error('status'),
        options: realisationStatuses.map((status) => ({ value: status, label: statusName(status) })),
        onInput: (value) => (this.draft = value),
      })}
      <div class="form-actions">
        <button type="submit" class="primary" ?disabled=${this.isSaving}>${msg('Enregistrer l’état', { id: 'followUp.status.save' })}</button>
      </div>
    </form>`;
  }

  private async handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.check(statusInputSchema, { status: this.draft ?? this.status });
    if (input === undefined) return;
    await this.send(() => saveStatus(this.workspaceId, this.sheetId, input.status));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-follow-up-status': FollowUpStatus;
  }
}
