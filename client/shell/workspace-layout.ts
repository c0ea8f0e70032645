/**
 * The inside of a workspace, as a light-DOM template: the workspace navigation (only what exists
 * today: the contract) with the envelope summary, and the main column with the editor.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import type { ContractSession } from '../controllers/contract-document-controller';
import type { ConnectionSnapshot } from '../connection/connection-state';
import { workspacePath } from '../routing/routes';
import '../connection/connection-notice';
import '../documents/contract-editor';
import './envelope-summary';

/** What the workspace layout needs. */
export interface WorkspaceLayoutInput {
  view: WorkspaceView;
  session: ContractSession | null;
  connection: ConnectionSnapshot;
  isLoaded: boolean;
  canEdit: boolean;
  presenceProblem: string | null;
}

/** Renders navigation and main area for an open workspace. */
export function renderWorkspace(input: WorkspaceLayoutInput): TemplateResult {
  const { view } = input;
  return html`<div class="workspace">
    <div class="workspace__side">
      <nav class="workspace__nav" aria-label=${msg('Espace de travail', { id: 'nav.label' })}>
        <ul>
          <li><a href=${workspacePath(view.id)} aria-current="page">${msg('Contrat', { id: 'nav.contract' })}</a></li>
        </ul>
      </nav>
      <trame-envelope-summary .envelope=${view.envelope}></trame-envelope-summary>
    </div>
    <main id="contenu" class="workspace__main" tabindex="-1">
      <h1 class="visually-hidden">${msg(str`Contrat — ${view.name}`, { id: 'main.title' })}</h1>
      <trame-connection-notice .connection=${input.connection}></trame-connection-notice>
      ${input.presenceProblem === null ? nothing : html`<p class="workspace__notice">${input.presenceProblem}</p>`}
      <trame-contract-editor .session=${input.session} ?editable=${input.canEdit} ?loaded=${input.isLoaded}></trame-contract-editor>
    </main>
  </div>`;
}
