/**
 * One member in the list, as a light-DOM template: name, role, structures (with the
 * "représentant·e" badge) and email when the viewer may see it. For the coordination: a role
 * select that asks for confirmation, and naming or removing a structure's representative.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { roles } from '../../shared/permissions';
import type { MemberView } from '../../shared/schemas/members';
import { roleName } from '../i18n/role-names';

/** What a coordinator can do from a member's entry. */
export interface MemberActions {
  /** "Changer" was pressed next to the role select (`select` holds the new role). */
  onRoleChange: (member: MemberView, select: HTMLSelectElement) => void;
  onRepresentative: (member: MemberView, structure: MemberView['structures'][number], isNaming: boolean) => void;
}

/** Renders one member; `actions` is null for people who may not manage members; `problem` shows under it. */
export function renderMember(member: MemberView, actions: MemberActions | null, problem: string | null, isSelf: boolean): TemplateResult {
  const selectId = `role-${member.personId}`;
  // The select does nothing by itself (arrow keys change a closed select's value): "Changer" acts.
  const changeRole = (): void => {
    const select = document.getElementById(selectId);
    if (actions !== null && select instanceof HTMLSelectElement) actions.onRoleChange(member, select);
  };
  return html`<li class="member" data-person=${member.personId}>
    <div class="member__who">
      <h3 class="member__name">${member.displayName}${isSelf ? html` <span class="hint">${msg('(vous)', { id: 'members.you' })}</span>` : nothing}</h3>
      ${member.email === null ? nothing : html`<p class="member__email">${member.email}</p>`}
    </div>
    <div class="member__role">
      ${actions === null
        ? html`<span class="field-label">${msg('Rôle :', { id: 'members.role.label' })}</span> ${roleName(member.role)}`
        : html`<label for=${selectId} class="field-label">${msg('Rôle', { id: 'invitation.role' })}<span class="visually-hidden"> — ${member.displayName}</span></label>
            <span class="member__role-change">
              <select id=${selectId} .value=${live(member.role)} aria-describedby=${problem === null ? nothing : `${selectId}-problem`}>
                ${roles.map((role) => html`<option value=${role} ?selected=${role === member.role}>${roleName(role)}</option>`)}
              </select>
              <button type="button" @click=${changeRole}>${msg('Changer', { id: 'members.role.change' })}<span class="visually-hidden"
                > — ${msg(str`le rôle de ${member.displayName}`, { id: 'members.role.change.context' })}</span></button>
            </span>`}
    </div>
    <ul class="member__structures">
      ${member.structures.length === 0
        ? html`<li class="hint">${msg('Sans structure', { id: 'members.noStructure' })}</li>`
        : member.structures.map(
            (structure) => html`<li>
              <span>${structure.name}</span>
              ${structure.isRepresentative ? html`<span class="badge badge--representative">${msg('représentant·e', { id: 'members.representative' })}</span>` : nothing}
              ${actions === null
                ? nothing
                : html`<button type="button" class="link" @click=${() => actions.onRepresentative(member, structure, !structure.isRepresentative)}>
                    ${structure.isRepresentative
                      ? msg('Retirer', { id: 'members.representative.remove' })
                      : msg('Désigner représentant·e', { id: 'members.representative.name' })}<span class="visually-hidden"
                      > — ${msg(str`${member.displayName}, ${structure.name}`, { id: 'members.representative.context' })}</span>
                  </button>`}
            </li>`,
          )}
    </ul>
    ${problem === null ? nothing : html`<p id="${selectId}-problem" class="field-error member__problem" role="alert">${problem}</p>`}
  </li>`;
}
