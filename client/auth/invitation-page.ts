/**
 * `<trame-invitation-page>`: what an invitation link (`/invitation#<secret>`) offers: workspace,
 * structure, role, who invited, until when. New people create their account here; people who
 * already have one sign in first and come back; used, expired, revoked or unknown links say so
 * and what to do next.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { InvitationDetails } from '../../shared/schemas/members';
import type { Me } from '../../shared/schemas/people';
import { describeDetail, describeError } from '../api/fetch-json';
import { acceptInvitation, fetchInvitation } from '../api/members';
import { trameEvent } from '../events';
import { formatDate } from '../i18n/format';
import { roleDescription, roleName } from '../i18n/role-names';
import { signInPath, workspacePath } from '../routing/routes';
import { formProblem, renderFormProblem, type FormProblem } from '../ui/form-problem';
import { LightPage } from '../ui/light-page';
import './invitation-sign-up';

type Load = { status: 'loading' } | { status: 'ready'; details: InvitationDetails } | { status: 'unusable'; title: string; detail: string | null };

/** The invitation page; dispatches `trame-signed-in` and `trame-sign-out-request`. */
@customElement('trame-invitation-page')
export class InvitationPage extends LightPage {
  /** Who is signed in on this browser, if anyone. */
  @property({ attribute: false }) me: Me | null = null;

  @state() private load: Load = { status: 'loading' };
  @state() private problem: FormProblem | null = null;
  @state() private isAccepting = false;
  private readonly secret = location.hash.slice(1);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.fetch();
  }

  override render(): TemplateResult {
    return html`<div class="page page--narrow">${this.renderBody()}</div>`;
  }

  private renderBody(): TemplateResult {
    const load = this.load;
    if (load.status === 'loading') return html`<h1>${msg('Invitation', { id: 'invitation.heading' })}</h1><p role="status">${msg('Lecture de l’invitation…', { id: 'invitation.loading' })}</p>`;
    if (load.status === 'unusable') {
      return html`<h1>${msg('Ce lien d’invitation ne peut pas servir', { id: 'invitation.unusable.title' })}</h1>
        <div class="notice notice--error" role="alert">
          <p class="notice__title">${load.title}</p>
          ${load.detail === null ? nothing : html`<p>${load.detail}</p>`}
        </div>
        <p>${this.me === null
          ? html`<a class="button primary" href="/connexion">${msg('Aller à la page de connexion', { id: 'invitation.toSignIn' })}</a>`
          : html`<a class="button" href="/">${msg('Aller à mon espace de travail', { id: 'invitation.toWorkspace' })}</a>`}</p>`;
    }
    const { details } = load;
    return html`<h1>${msg(str`Invitation à rejoindre « ${details.workspaceName} »`, { id: 'invitation.title' })}</h1>
      <p class="lead">${details.structureName === null
        ? msg(str`${details.invitedByName} vous invite à suivre le contrat sur Trame.`, { id: 'invitation.lead.noStructure' })
        : msg(str`${details.invitedByName} vous invite à co-écrire le contrat sur Trame, au nom de votre structure.`, { id: 'invitation.lead' })}</p>
      <dl class="card facts">
        <dt>${msg('Espace de travail', { id: 'invitation.workspace' })}</dt><dd>${details.workspaceName}</dd>
        ${details.structureName === null ? nothing : html`<dt>${msg('Structure', { id: 'invitation.structure' })}</dt><dd>${details.structureName}</dd>`}
        <dt>${msg('Rôle', { id: 'invitation.role' })}</dt><dd>${roleName(details.role)} — <span class="role-description">${roleDescription(details.role)}</span></dd>
        <dt>${msg('Invitation de', { id: 'invitation.invitedBy' })}</dt><dd>${details.invitedByName}</dd>
        <dt>${msg('Adresse e-mail', { id: 'field.email' })}</dt><dd>${details.email}</dd>
        <dt>${msg('Valable jusqu’au', { id: 'invitation.expires' })}</dt><dd>${formatDate(details.expiresAt)}</dd>
      </dl>
      ${renderFormProblem(this.problem, 'invitation-problem')}
      ${this.renderAction(details)}`;
  }

  private renderAction(details: InvitationDetails): TemplateResult {
    const me = this.me;
    if (me !== null && me.email === details.email) {
      return html`<div class="card">
        <p>${msg(str`Vous êtes connecté·e en tant que ${me.email}.`, { id: 'invitation.signedInAs' })}</p>
        <button type="button" class="primary" ?disabled=${this.isAccepting} @click=${() => void this.accept(null)}>${msg('Accepter l’invitation', { id: 'invitation.accept' })}</button>
      </div>`;
    }
    if (me !== null) {
      return html`<div class="card notice--warning">
        <p>${msg(str`Vous êtes connecté·e en tant que ${me.email}, mais cette invitation est destinée à ${details.email}. Déconnectez-vous pour l’accepter avec la bonne adresse.`, { id: 'invitation.otherAccount' })}</p>
        <button type="button" @click=${() => this.dispatchEvent(trameEvent('trame-sign-out-request', null))}>${msg('Se déconnecter', { id: 'account.signOut' })}</button>
      </div>`;
    }
    if (details.hasAccount) {
      return html`<div class="card">
        <h2>${msg('Connectez-vous pour accepter', { id: 'invitation.signInFirst' })}</h2>
        <p>${msg(str`Un compte Trame existe déjà pour ${details.email}. Connectez-vous avec son mot de passe : vous reviendrez ici pour accepter l’invitation.`, { id: 'invitation.hasAccount' })}</p>
        <a class="button primary" href=${signInPath(`/invitation#${this.secret}`)}>${msg('Se connecter', { id: 'signIn.submit' })}</a>
      </div>`;
    }
    return html`<trame-invitation-sign-up .email=${details.email} ?busy=${this.isAccepting} .serverErrors=${this.problem?.fields ?? {}}
      @trame-sign-up=${(event: CustomEvent<{ displayName: string; password: string }>) => void this.accept(event.detail)}></trame-invitation-sign-up>`;
  }

  private async fetch(): Promise<void> {
    if (this.secret === '') {
      this.load = { status: 'unusable', title: msg('Ce lien d’invitation est incomplet.', { id: 'invitation.noSecret' }), detail: msg('Copiez-le en entier depuis l’e-mail ou le message reçu (il se termine par « #… »).', { id: 'invitation.noSecret.detail' }) };
      return;
    }
    try {
      this.load = { status: 'ready', details: await fetchInvitation(this.secret) };
    } catch (error) {
      this.load = { status: 'unusable', title: describeError(error), detail: describeDetail(error) };
    }
  }

  private async accept(signUp: { displayName: string; password: string } | null): Promise<void> {
    if (this.load.status !== 'ready' || this.isAccepting) return;
    const { workspaceId } = this.load.details;
    this.isAccepting = true;
    this.problem = null;
    try {
      const me = await acceptInvitation(this.secret, signUp);
      this.dispatchEvent(trameEvent('trame-signed-in', { me, returnTo: workspacePath(workspaceId) }));
    } catch (error) {
      this.problem = formProblem(error);
      await this.updateComplete;
      this.querySelector<HTMLElement>('#invitation-problem')?.focus();
    } finally {
      this.isAccepting = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-invitation-page': InvitationPage;
  }
}
