/**
 * The words of versions, shared by the versions page and the version page: what kind a version
 * is, its badges (a word in a shaped badge, never colour alone), and who took it.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { VersionKind, VersionView } from '../../shared/schemas/versions';

/** "Version nommée", "Version adoptée", "Point automatique". */
/** The confirmation asked before restoring a version as the new draft (list and version page alike). */
export function restoreQuestion(version: VersionView): { title: string; body: string; confirmLabel: string } {
  return {
    title: msg(str`Restaurer « ${version.name} » ?`, { id: 'versions.restore.confirm.title' }),
    body: msg(
      'Le contrat reprendra le texte et le programme de cette version, pour tout le monde, et redeviendra un brouillon modifiable. Rien n’est perdu : le texte actuel est gardé dans l’historique comme point automatique, que vous pourrez consulter ou restaurer à son tour.',
      { id: 'versions.restore.confirm.body' },
    ),
    confirmLabel: msg('Restaurer comme nouveau brouillon', { id: 'versions.restore' }),
  };
}

export function kindWords(kind: VersionKind): string {
  switch (kind) {
    case 'named':
      return msg('Version nommée', { id: 'versions.kind.named' });
    case 'adopted':
      return msg('Version adoptée', { id: 'versions.kind.adopted' });
    case 'checkpoint':
      return msg('Point automatique', { id: 'versions.kind.checkpoint' });
  }
}

/** The badges of a version: adopted (and whether it freezes the contract now), published. */
export function renderBadges(version: VersionView): TemplateResult | typeof nothing {
  const badges: TemplateResult[] = [];
  if (version.kind === 'adopted') {
    badges.push(
      version.isFreezing
        ? html`<span class="badge version-badge version-badge--adopted">${msg('Adoptée — fige le contrat', { id: 'versions.badge.freezing' })}</span>`
        : html`<span class="badge version-badge version-badge--adopted-past">${msg('Adoptée', { id: 'versions.badge.adopted' })}</span>`,
    );
  }
  if (version.publication !== null) badges.push(html`<span class="badge version-badge version-badge--published">${msg('Publiée', { id: 'versions.badge.published' })}</span>`);
  if (version.restoredFrom !== null) badges.push(html`<span class="badge version-badge">${msg('Restaurée', { id: 'versions.badge.restored' })}</span>`);
  return badges.length === 0 ? nothing : html`<span class="version-badges">${badges}</span>`;
}

/** Who took the version ("Trame" for checkpoints). */
export function authorWords(version: VersionView): string {
  return version.createdBy === null ? msg('Trame (automatique)', { id: 'versions.author.auto' }) : version.createdByName;
}
