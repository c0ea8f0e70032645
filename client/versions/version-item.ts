/**
 * `<trame-version-item>`: one named or adopted version in the versions page's list: its name,
 * date, author, comment and badges, and what may be done with it — read it, compare it with now,
 * export it; for the coordination, publish the adopted version as a public link (copy it, revoke
 * it) and restore any version as a new draft. Consequential actions ask first; outcomes are
 * announced in a live region next to the buttons.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { can, type Role } from '../../shared/permissions';
import type { VersionView } from '../../shared/schemas/versions';
import { describeError } from '../api/fetch-json';
import { formatDateTime } from '../i18n/format';
import type { ListenToWorkspace } from '../programme/page-props';
import type { Confirmation } from '../ui/confirm-dialog';
import { LightPage } from '../ui/light-page';
import { comparePath, publicLinkUrl, versionPath } from './version-lists';
import { authorWords, renderBadges, restoreQuestion } from './version-words';
import { openDraft, publishVersion, unpublishVersion } from './versions-api';
import '../exports/export-panel';
import '../ui/copy-button';

/** One version, its facts and its actions. */
@customElement('trame-version-item')
export class VersionItem extends LightPage {
  @property({ attribute: false }) workspaceId = '';
  @property({ attribute: false }) version: VersionView | null = null;
  @property({ attribute: false }) viewerRole: Role | undefined = undefined;
  @property({ attribute: false }) listen: ListenToWorkspace | null = null;
  /** Asks people to confirm (the page's dialog). */
  @property({ attribute: false }) confirm: (question: Confirmation) => Promise<boolean> = () => Promise.resolve(false);
  /** Called after a change the list should show at once (the server also announces it). */
  @property({ attribute: false }) onChanged: () => void = () => undefined;

  @state() private isBusy = false;
  @state() private problem: string | null = null;
  @state() private announcement = '';

  override render(): TemplateResult | typeof nothing {
    const version = this.version;
    if (version === null) return nothing;
    const titleId = `version-${version.id}-title`;
    return html`<article class="card version-item ${version.isFreezing ? 'version-item--freezing' : ''}" aria-labelledby=${titleId}>
      <h3 id=${titleId} class="version-item__title">${version.name}</h3>
      ${renderBadges(version)}
      <p class="version-item__meta">${msg(str`Le ${formatDateTime(version.createdAt)}, par ${authorWords(version)}`, { id: 'versions.item.meta' })}</p>
      ${version.comment.trim() === '' ? nothing : html`<p class="version-item__comment">${version.comment}</p>`}
      <p class="version-item__links">
        <a class="button" href=${versionPath(this.workspaceId, version.id)} aria-describedby=${titleId}>${msg('Consulter', { id: 'versions.open' })}</a>
        <a class="button" href=${comparePath(this.workspaceId, version.id)} aria-describedby=${titleId}>${msg('Comparer avec maintenant', { id: 'versions.compareNow' })}</a>
      </p>
      ${can(this.viewerRole, 'contract.export') ? this.renderExport(version) : nothing} ${this.renderPublication(version)}
      ${can(this.viewerRole, 'versions.restore')
        ? html`<p class="version-item__restore">
            <button type="button" ?disabled=${this.isBusy} aria-describedby=${titleId} @click=${() => void this.restore(version)}>
              ${msg('Restaurer comme nouveau brouillon', { id: 'versions.restore' })}
            </button>
          </p>`
        : nothing}
      ${this.problem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.problem}</p>`}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </article>`;
  }

  private renderExport(version: VersionView): TemplateResult {
    return html`<details class="version-item__export">
      <summary>${msg('Exporter', { id: 'versions.export' })}<span class="visually-hidden"> — ${version.name}</span></summary>
      <trame-export-panel .workspaceId=${this.workspaceId} .versionId=${version.id} .versionName=${version.name} .listen=${this.listen}></trame-export-panel>
    </details>`;
  }

  private renderPublication(version: VersionView): TemplateResult | typeof nothing {
    if (version.kind !== 'adopted' || !can(this.viewerRole, 'versions.publish')) return nothing;
    const publication = version.publication;
    if (publication === null) {
      return html`<div class="version-item__publication">
        <p class="hint">${msg('Publier donne un lien public, en lecture seule, vers cette version : toute personne qui le reçoit peut la lire sans compte. Vous pouvez retirer le lien à tout moment.', { id: 'versions.publish.hint' })}</p>
        <button type="button" ?disabled=${this.isBusy} @click=${() => void this.publish(version)}>${msg('Publier', { id: 'versions.publish' })}</button>
      </div>`;
    }
    const url = publicLinkUrl(location.origin, publication.path);
    return html`<div class="version-item__publication">
      <p>
        ${msg('Lien public :', { id: 'versions.publish.link' })}
        <a href=${url} target="_blank" rel="noopener" class="version-item__url">${url}</a>
      </p>
      <p class="page-actions">
        <trame-copy-button .text=${url} label=${msg('Copier le lien', { id: 'versions.publish.copy' })} confirmation=${msg('Lien copié', { id: 'versions.publish.copied' })}></trame-copy-button>
        <button type="button" class="danger" ?disabled=${this.isBusy} @click=${() => void this.unpublish(version)}>${msg('Retirer le lien', { id: 'versions.unpublish' })}</button>
      </p>
    </div>`;
  }

  private async run(action: () => Promise<unknown>, done: string): Promise<void> {
    this.isBusy = true;
    this.problem = null;
    this.announcement = '';
    try {
      await action();
      this.announcement = done;
      this.onChanged();
    } catch (error) {
      this.problem = describeError(error);
    } finally {
      this.isBusy = false;
    }
  }

  private async publish(version: VersionView): Promise<void> {
    await this.run(() => publishVersion(this.workspaceId, version.id), msg('Version publiée : le lien public est prêt.', { id: 'versions.publish.done' }));
  }

  private async unpublish(version: VersionView): Promise<void> {
    const confirmed = await this.confirm({
      title: msg('Retirer le lien public ?', { id: 'versions.unpublish.confirm.title' }),
      body: msg('Le lien cessera aussitôt de fonctionner pour tous ceux qui l’ont reçu. Vous pourrez publier à nouveau : ce sera un autre lien.', { id: 'versions.unpublish.confirm.body' }),
      confirmLabel: msg('Retirer le lien', { id: 'versions.unpublish' }),
    });
    if (!confirmed) return;
    await this.run(() => unpublishVersion(this.workspaceId, version.id), msg('Lien retiré : il ne fonctionne plus.', { id: 'versions.unpublish.done' }));
  }

  private async restore(version: VersionView): Promise<void> {
    const confirmed = await this.confirm(restoreQuestion(version));
    if (!confirmed) return;
    await this.run(() => openDraft(this.workspaceId, version.id), msg(str`Nouveau brouillon ouvert à partir de « ${version.name} ».`, { id: 'versions.restore.done' }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-version-item': VersionItem;
  }
}
