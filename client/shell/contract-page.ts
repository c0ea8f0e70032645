/**
 * The contract page of a workspace, as a light-DOM template: the connection notice, presence
 * problems, and the editor, read-only (with a calm notice saying why) for roles that may not edit.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { can, type Role } from '../../shared/permissions';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import type { ConnectionSnapshot } from '../connection/connection-state';
import type { ContractSession } from '../controllers/contract-session';
import type { ProgrammeState } from '../controllers/programme-controller';
import type { ProgrammePageProps } from '../programme/page-props';
import { renderProgrammeOutline } from '../programme/programme-outline';
import { roleName } from '../i18n/role-names';
import '../connection/connection-notice';
import '../documents/contract-editor';

/** What the page reads from the contract controller. */
export interface ContractState {
  session: ContractSession | null;
  connection: ConnectionSnapshot;
  isLoaded: boolean;
}

/** What the contract page needs. */
export interface ContractPageInput {
  view: WorkspaceView;
  role: Role | undefined;
  contract: ContractState;
  presenceProblem: string | null;
  isWriteRefused: boolean;
  /** The structured contract, for the outline of axes and sheets beside the text. */
  programme?: ProgrammeState | null;
  /** The page's props, for the comments beside the text. */
  commentProps?: ProgrammePageProps | null;
}

/** Renders the contract page. */
export function renderContractPage({ view, role, contract, presenceProblem, isWriteRefused, programme = null, commentProps = null }: ContractPageInput): TemplateResult {
  const mayEdit = can(role, 'contract.edit');
  const isFrozen = view.freeze !== null;
  const notice = isFrozen
    ? frozenNotice(view)
    : !mayEdit
    ? readOnlyByRole(role)
    : isWriteRefused
      ? msg('Lecture seule : le serveur n’accepte plus vos modifications, votre rôle a sans doute changé. Rechargez la page pour retrouver vos droits à jour.', { id: 'editor.readonly.refused' })
      : '';
  return html`<h1 class="visually-hidden">${msg(str`Contrat — ${view.name}`, { id: 'main.title' })}</h1>
    <trame-connection-notice .connection=${contract.connection}></trame-connection-notice>
    ${presenceProblem === null ? nothing : html`<p class="workspace__notice">${presenceProblem}</p>`}
    <div class="contract-layout">
      <trame-contract-editor
        .session=${contract.session}
        ?editable=${mayEdit && !isWriteRefused && !isFrozen}
        .readOnlyNotice=${notice}
        ?loaded=${contract.isLoaded}
        .commentProps=${commentProps}
      ></trame-contract-editor>
      ${renderProgrammeOutline(view.id, programme?.programme ?? null)}
    </div>`;
}

/** Why no one writes while an adopted version freezes the contract. */
function frozenNotice(view: WorkspaceView): string {
  const at = view.freeze === null ? '' : new Date(view.freeze.frozenAt).toLocaleDateString(document.documentElement.lang || 'fr', { dateStyle: 'long' });
  return msg(str`Lecture seule : le contrat a été adopté le ${at}, il est figé. La coordination peut ouvrir un nouveau brouillon depuis la page Versions.`, { id: 'editor.readonly.frozen' });
}

/** Why a role reads without writing. */
function readOnlyByRole(role: Role | undefined): string {
  if (role === 'partner') return msg('Lecture seule : votre rôle (Partenaire du comité de pilotage) permet de lire le contrat.', { id: 'editor.readonly.partner' });
  return msg(str`Lecture seule : votre rôle (${role === undefined ? '—' : roleName(role)}) permet de lire le contrat.`, { id: 'editor.readonly.role' });
}
