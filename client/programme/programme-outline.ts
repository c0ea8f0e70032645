/**
 * The compact outline of axes and action sheets shown beside the contract's text: every sheet a
 * link, numbers kept live as people reorder them. A light-DOM template for the contract page.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { ProgrammeView } from '../../shared/programme/read';
import { workspacePath } from '../routing/routes';

/** Renders the outline, or nothing before the document is read. */
export function renderProgrammeOutline(workspaceId: string, programme: ProgrammeView | null): TemplateResult | typeof nothing {
  if (programme === null) return nothing;
  const untitled = msg('Sans titre', { id: 'sheet.untitled' });
  return html`<nav class="contract-outline" aria-labelledby="contract-outline-title">
    <h2 id="contract-outline-title">${msg('Axes et fiches action', { id: 'outline.title' })}</h2>
    ${programme.axes.length === 0
      ? html`<p class="hint">${msg('Aucun axe pour l’instant.', { id: 'outline.empty' })} <a href=${workspacePath(workspaceId, 'sheets')}>${msg('Construire le programme', { id: 'outline.build' })}</a></p>`
      : html`<ol class="contract-outline__axes">
          ${programme.axes.map(
            (axis) => html`<li>
              <span class="contract-outline__axis">${msg(str`Axe ${axis.number} : ${axis.title.trim() === '' ? untitled : axis.title}`, { id: 'sheet.axis' })}</span>
              ${axis.sheets.length === 0
                ? nothing
                : html`<ol class="contract-outline__sheets">
                    ${axis.sheets.map(
                      (sheet) => html`<li>
                        <a href=${workspacePath(workspaceId, 'sheet', sheet.id)}><span class="contract-outline__number">${sheet.number}</span> ${sheet.title.trim() === '' ? untitled : sheet.title}</a>
                      </li>`,
                    )}
                  </ol>`}
            </li>`,
          )}
        </ol>`}
    <p class="contract-outline__all"><a href=${workspacePath(workspaceId, 'sheets')}>${msg('Toutes les fiches action', { id: 'outline.all' })}</a></p>
  </nav>`;
}
