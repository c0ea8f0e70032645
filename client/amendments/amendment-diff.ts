/**
 * `<trame-amendment-diff>`: a word-level comparison (shared/amendments/diff.ts) as HTML that reads
 * without colour: insertions are `<ins>` (underlined), deletions `<del>` (struck through), each
 * framed by visually hidden words ("début d’insertion" … "fin d’insertion") for screen readers,
 * whose default settings announce neither element.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DiffBlock, DiffRun } from '../../shared/amendments/diff';
import { LightPage } from '../ui/light-page';

function renderRun(run: DiffRun): TemplateResult {
  if (run.kind === 'insert') {
    return html`<ins><span class="visually-hidden">${msg('[début d’insertion]', { id: 'amendments.diff.insStart' })} </span>${run.text}<span class="visually-hidden"> ${msg('[fin d’insertion]', { id: 'amendments.diff.insEnd' })}</span></ins>`;
  }
  if (run.kind === 'delete') {
    return html`<del><span class="visually-hidden">${msg('[début de suppression]', { id: 'amendments.diff.delStart' })} </span>${run.text}<span class="visually-hidden"> ${msg('[fin de suppression]', { id: 'amendments.diff.delEnd' })}</span></del>`;
  }
  return html`${run.text}`;
}

@customElement('trame-amendment-diff')
export class AmendmentDiff extends LightPage {
  @property({ attribute: false }) blocks: readonly DiffBlock[] = [];

  override render(): TemplateResult {
    if (this.blocks.length === 0) return html`<p class="hint">${msg('Aucun texte.', { id: 'amendments.diff.empty' })}</p>`;
    return html`<div class="amendment-diff contract-text" lang="fr">
      ${this.blocks.map(
        (block) => html`<p class="amendment-diff__block amendment-diff__block--${block.status}">
          ${block.status === 'inserted' ? html`<span class="amendment-diff__mark">${msg('Paragraphe ajouté :', { id: 'amendments.diff.blockAdded' })} </span>` : nothing}
          ${block.status === 'deleted' ? html`<span class="amendment-diff__mark">${msg('Paragraphe supprimé :', { id: 'amendments.diff.blockDeleted' })} </span>` : nothing}
          ${block.runs.length === 0 ? html`<span class="hint">${msg('(paragraphe vide)', { id: 'amendments.diff.emptyBlock' })}</span>` : block.runs.map(renderRun)}
        </p>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-amendment-diff': AmendmentDiff;
  }
}
