/**
 * `<trame-invite-form>`: invites one person by email, with a role and a structure. The answer
 * is a one-time link, shown once with "Copier le lien", and whether it was also emailed.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { mayActWithoutStructure, roles, type Role } from '../../shared/permissions';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import { invite, type NewInvitation } from '../api/members';
import { trameEvent } from '../events';
import { roleDescription, roleName } from '../i18n/role-names';
import { controlValue, selectControlText } from '../ui/dom';
import { describedBy, focusFirstInvalid, textField } from '../ui/form-field';
import { formProblem, renderFormProblem, type FormProblem } from '../ui/form-problem';
import { LightPage } from '../ui/light-page';
import { renderStructurePicker } from './structure-picker';
import '../ui/copy-button';

/** The invitation form; dispatches `trame-invitation-created`. */
@customElement('trame-invite-form')
export class InviteForm extends LightPage {
  /** The open workspace (its structures to choose from). */
  @property({ attribute: false }) view: WorkspaceView | null = null;

  @state() private email = '';
  @state() private chosenRole: Role = 'member';
  @state() private structureId = '';
  @state() private search = '';
  @state() private errors: Record<string, string> = {};
  @state() private problem: FormProblem | null = null;
  @state() private created: NewInvitation | null = null;
  @state() private isSending = false;

  override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (view === null) return nothing;
    return html`${renderFormProblem(this.problem, 'invite-problem')}
      <form class="card form" novalidate aria-labelledby="invite-form-title" aria-busy=${String(this.isSending)} @submit=${this.handleSubmit}>
        <h2 id="invite-form-title">${msg('Nouvelle invitation', { id: 'invite.form.title' })}</h2>
        ${textField({ id: 'invite-email', name: 'email', type: 'email', label: msg('Adresse e-mail', { id: 'field.email' }),
          value: this.email, error: this.errors['email'], required: true, onInput: (value) => (this.email = value) })}
        <div class="field">
          <label for="invite-role">${msg('Rôle', { id: 'invitation.role' })}</label>
          <select id="invite-role" name="role" aria-describedby=${describedBy('invite-role', roleDescription(this.chosenRole), this.errors['role'])}
            @change=${(event: Event) => (this.chosenRole = roles.find((role) => role === controlValue(event)) ?? 'member')}>
            ${roles.map((role) => html`<option value=${role} ?selected=${role === this.chosenRole}>${roleName(role)}</option>`)}
          </select>
          <p id="invite-role-hint" class="hint">${roleName(this.chosenRole)} — ${roleDescription(this.chosenRole)}</p>
          ${this.errors['role'] === undefined ? nothing : html`<p id="invite-role-error" class="field-error">${this.errors['role']}</p>`}
        </div>
        ${renderStructurePicker({ id: 'invite-structure', view, search: this.search, selectedId: this.structureId, error: this.errors['structureId'],
          isOptional: mayActWithoutStructure(this.chosenRole),
          onSearch: (search) => (this.search = search), onSelect: (structureId) => (this.structureId = structureId) })}
        <div class="form-actions">
          <button type="submit" class="primary" ?disabled=${this.isSending}>${msg('Créer l’invitation', { id: 'invite.submit' })}</button>
        </div>
      </form>
      <div role="status" class="invite-result">${this.created === null ? nothing : this.renderCreated(this.created)}</div>`;
  }

  private renderCreated(created: NewInvitation): TemplateResult {
    const link = `${location.origin}${created.linkPath}`;
    return html`<div class="notice notice--success">
      <p class="notice__title">${msg(str`Invitation créée pour ${created.invitation.email}.`, { id: 'invite.created' })}</p>
      <p>${created.emailed
        ? msg('Un e-mail contenant ce lien lui a été envoyé. Vous pouvez aussi le transmettre vous-même.', { id: 'invite.emailed' })
        : msg('Aucun e-mail n’a été envoyé (l’envoi d’e-mails n’est pas configuré sur ce serveur) : copiez le lien et transmettez-le vous-même.', { id: 'invite.notEmailed' })}</p>
      <div class="field">
        <label for="invite-link">${msg('Lien d’invitation (utilisable une seule fois, affiché une seule fois)', { id: 'invite.link' })}</label>
        <input id="invite-link" type="text" readonly .value=${link} @focus=${selectControlText} />
      </div>
      <trame-copy-button .text=${link}></trame-copy-button>
    </div>`;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const view = this.view;
    if (view === null || this.isSending) return;
    this.problem = null;
    this.errors = {};
    if (this.email.trim() === '') this.errors = { email: msg('Indiquez l’adresse e-mail de la personne à inviter.', { id: 'invite.error.email' }) };
    if (this.structureId === '' && !mayActWithoutStructure(this.chosenRole)) this.errors = { ...this.errors, structureId: msg('Choisissez la structure au nom de laquelle elle participera.', { id: 'invite.error.structure' }) };
    if (Object.keys(this.errors).length > 0) {
      await this.updateComplete;
      return focusFirstInvalid(this);
    }
    this.isSending = true;
    try {
      const structureId = this.structureId === '' ? null : this.structureId;
      this.created = await invite(view.id, { email: this.email.trim(), role: this.chosenRole, structureId });
      this.email = '';
      this.dispatchEvent(trameEvent('trame-invitation-created', null));
      await this.updateComplete;
      this.querySelector<HTMLInputElement>('#invite-link')?.focus();
    } catch (error) {
      this.problem = formProblem(error);
      this.errors = this.problem.fields;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#invite-problem')?.focus();
    } finally {
      this.isSending = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-invite-form': InviteForm;
  }
}
