/**
 * `<trame-notification-settings>`: what the person wants to be told (one checkbox per kind) and
 * whether they want an email digest (none, daily, hourly). Checked with the same shared schema as
 * the server; when the server sends no email (no SMTP), it says so next to the choice.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { emailDigests, notificationKinds, notificationSettingsInputSchema, type EmailDigest, type NotificationKind, type NotificationSettingsView } from '../../shared/schemas/notifications';
import { describeError, fieldErrors } from '../api/fetch-json';
import { getNotificationSettings, saveNotificationSettings } from '../api/notifications';
import { LightPage } from '../ui/light-page';
import { kindChoice } from './notification-kinds';

function digestLabel(digest: EmailDigest): string {
  switch (digest) {
    case 'off':
      return msg('Pas de courriel', { id: 'notifications.digest.off' });
    case 'daily':
      return msg('Un résumé par jour', { id: 'notifications.digest.daily' });
    case 'hourly':
      return msg('Un résumé par heure au plus', { id: 'notifications.digest.hourly' });
  }
}

@customElement('trame-notification-settings')
export class NotificationSettingsForm extends LightPage {
  @property() workspaceId = '';
  @state() private settings: NotificationSettingsView | null = null;
  @state() private wanted = new Set<NotificationKind>(notificationKinds);
  @state() private digest: EmailDigest = 'off';
  @state() private problem: string | null = null;
  @state() private saved = '';
  @state() private isSaving = false;
  private abort: AbortController | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    try {
      this.apply(await getNotificationSettings(this.workspaceId, abort.signal));
    } catch (error) {
      if (!abort.signal.aborted) this.problem = describeError(error);
    }
  }

  private apply(settings: NotificationSettingsView): void {
    this.settings = settings;
    this.wanted = new Set(notificationKinds.filter((kind) => !settings.muted.includes(kind)));
    this.digest = settings.emailDigest;
  }

  override render(): TemplateResult {
    const settings = this.settings;
    if (settings === null) {
      return this.problem === null
        ? html`<p>${msg('Chargement des réglages…', { id: 'notifications.settings.loading' })}</p>`
        : html`<div class="notice notice--error" role="alert"><p>${this.problem}</p></div>`;
    }
    return html`<form class="form notification-settings" novalidate @submit=${this.handleSubmit}>
      <fieldset class="field">
        <legend class="field-label">${msg('Me prévenir dans Trame pour :', { id: 'notifications.settings.kinds' })}</legend>
        <ul class="plain-list notification-settings__kinds">
          ${notificationKinds.map(
            (kind) => html`<li>
              <label class="check">
                <input type="checkbox" name="kind" value=${kind} .checked=${this.wanted.has(kind)} @change=${(event: Event) => this.toggle(kind, (event.target as HTMLInputElement).checked)} />
                ${kindChoice(kind)}
              </label>
            </li>`,
          )}
        </ul>
      </fieldset>
      <fieldset class="field" aria-describedby=${settings.emailAvailable ? nothing : 'notifications-no-email'}>
        <legend class="field-label">${msg('Résumé par courriel des notifications non lues', { id: 'notifications.settings.digest' })}</legend>
        ${settings.emailAvailable
          ? html`<p class="hint">${msg('Un seul courriel qui liste vos notifications non lues, envoyé seulement quand il y a du nouveau.', { id: 'notifications.settings.digestHint' })}</p>`
          : html`<p class="hint" id="notifications-no-email">
              ${msg('Ce serveur Trame n’envoie pas de courriels pour l’instant (aucun serveur SMTP n’est configuré) : votre choix est gardé et s’appliquera dès que la coordination l’aura configuré.', { id: 'notifications.settings.noEmail' })}
            </p>`}
        ${emailDigests.map(
          (digest) => html`<label class="check">
            <input type="radio" name="digest" value=${digest} .checked=${this.digest === digest} @change=${() => (this.digest = digest)} />
            ${digestLabel(digest)}
          </label>`,
        )}
      </fieldset>
      ${this.problem === null ? nothing : html`<div class="notice notice--error" role="alert"><p>${this.problem}</p></div>`}
      <div class="form-actions">
        <button type="submit" class="primary" ?disabled=${this.isSaving}>${msg('Enregistrer les réglages', { id: 'notifications.settings.save' })}</button>
        <p class="hint" role="status">${this.saved}</p>
      </div>
    </form>`;
  }

  private toggle(kind: NotificationKind, wanted: boolean): void {
    const next = new Set(this.wanted);
    if (wanted) next.add(kind);
    else next.delete(kind);
    this.wanted = next;
    this.saved = '';
  }

  private readonly handleSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    this.problem = null;
    this.saved = '';
    const parsed = notificationSettingsInputSchema.safeParse({ muted: notificationKinds.filter((kind) => !this.wanted.has(kind)), emailDigest: this.digest });
    if (!parsed.success) {
      this.problem = parsed.error.issues[0]?.message ?? msg('Vérifiez vos choix.', { id: 'notifications.settings.invalid' });
      return;
    }
    this.isSaving = true;
    try {
      this.apply(await saveNotificationSettings(this.workspaceId, parsed.data));
      this.saved = msg('Réglages enregistrés.', { id: 'notifications.settings.saved' });
    } catch (error) {
      const fields = Object.values(fieldErrors(error));
      this.problem = fields.length > 0 ? `${describeError(error)} ${fields.join(' ')}` : describeError(error);
    } finally {
      this.isSaving = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-notification-settings': NotificationSettingsForm;
  }
}
