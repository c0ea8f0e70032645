/**
 * The contract's text in the comparison: each section that changed, was added or removed, with
 * its heading (a renamed one shows its old and new words), where it sits (its parents' headings)
 * and its blocks word by word; the unchanged sections folded into a count that opens on a list.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { SectionDiff } from '../../shared/versions/diff';
import { formatCount } from '../i18n/format';
import { renderBlocks, renderRuns } from './diff-words';

function statusWords(section: SectionDiff): string {
  switch (section.status) {
    case 'added':
      return msg('Section ajoutée', { id: 'versionDiff.section.added' });
    case 'removed':
      return msg('Section supprimée', { id: 'versionDiff.section.removed' });
    case 'changed':
      return msg('Section modifiée', { id: 'versionDiff.section.changed' });
    case 'unchanged':
      return msg('Section inchangée', { id: 'versionDiff.section.unchanged' });
  }
}

function headingOf(section: SectionDiff): TemplateResult {
  const side = section.after ?? section.before;
  if (side?.heading === null) return html`${msg('Avant le premier titre', { id: 'versionDiff.section.preamble' })}`;
  return renderRuns(section.heading);
}

function renderSection(section: SectionDiff, index: number): TemplateResult {
  const side = section.after ?? section.before;
  const parents = side?.parents ?? [];
  const id = `version-diff-section-${index}`;
  return html`<article class="version-diff__item version-diff__item--${section.status}" aria-labelledby=${id}>
    <div class="version-diff__item-head">
      <h3 id=${id}>${headingOf(section)}</h3>
      <span class="badge version-diff__badge version-diff__badge--${section.status}">${statusWords(section)}</span>
      ${section.moved ? html`<span class="badge version-diff__badge">${msg('Déplacée', { id: 'versionDiff.section.moved' })}</span>` : nothing}
    </div>
    ${parents.length === 0 ? nothing : html`<p class="version-diff__where">${msg(str`Dans : ${parents.join(' › ')}`, { id: 'versionDiff.section.parents' })}</p>`}
    ${section.blocks.length === 0
      ? section.status === 'changed'
        ? html`<p class="hint">${msg('Seul le titre a changé.', { id: 'versionDiff.section.headingOnly' })}</p>`
        : html`<p class="hint">${msg('Aucun texte sous ce titre.', { id: 'versionDiff.section.empty' })}</p>`
      : renderBlocks(section.blocks)}
  </article>`;
}

/** The "Texte du contrat" part of the page. */
export function renderSections(sections: readonly SectionDiff[]): TemplateResult {
  const shown = sections.filter((section) => section.status !== 'unchanged' || section.moved);
  const unchanged = sections.filter((section) => section.status === 'unchanged' && !section.moved);
  return html`<section class="version-diff__part" aria-labelledby="version-diff-text-title">
    <h2 id="version-diff-text-title">${msg('Texte du contrat', { id: 'versionDiff.text.title' })}</h2>
    ${sections.length === 0 ? html`<p class="hint">${msg('Le contrat n’a pas de texte dans ces deux versions.', { id: 'versionDiff.text.empty' })}</p>` : nothing}
    ${shown.map((section, index) => renderSection(section, index))}
    ${unchanged.length === 0
      ? nothing
      : html`<details class="version-diff__unchanged">
          <summary>${unchanged.length === 1 ? msg('1 section inchangée', { id: 'versionDiff.text.unchangedOne' }) : msg(str`${formatCount(unchanged.length)} sections inchangées`, { id: 'versionDiff.text.unchanged' })}</summary>
          <ul>
            ${unchanged.map((section) => html`<li>${section.after?.heading ?? msg('Avant le premier titre', { id: 'versionDiff.section.preamble' })}</li>`)}
          </ul>
        </details>`}
  </section>`;
}
