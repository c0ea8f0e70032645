/** Member endpoints of the Trame HTTP API: the list, roles, representatives and invitations. */
import type { Role } from '../../shared/permissions';
import type { InvitationDetails, InvitationView, MemberFilters, MemberView } from '../../shared/schemas/members';
import type { Me } from '../../shared/schemas/people';
import { requestJson } from './fetch-json';

/** The answer to a new invitation: the link (secret included) is shown once. */
export interface NewInvitation {
  invitation: InvitationView;
  linkPath: string;
  emailed: boolean;
}

const base = (workspaceId: string): string => `/api/workspaces/${encodeURIComponent(workspaceId)}`;

/** The workspace's members matching the filters (applied by the server). */
export function listMembers(workspaceId: string, filters: MemberFilters, signal?: AbortSignal): Promise<MemberView[]> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (typeof value === 'string' && value !== '') query.set(key, value);
  const search = query.toString();
  return requestJson<MemberView[]>(`${base(workspaceId)}/members${search === '' ? '' : `?${search}`}`, signal === undefined ? {} : { signal });
}

/** Gives a member another role. */
export function changeRole(workspaceId: string, personId: string, role: Role): Promise<Role> {
  return requestJson<Role>(`${base(workspaceId)}/members/${encodeURIComponent(personId)}`, { method: 'PATCH', body: { role } });
}

/** Names a structure's representative, or nobody with null. */
export function setRepresentative(workspaceId: string, structureId: string, personId: string | null): Promise<null> {
  return requestJson<null>(`${base(workspaceId)}/structures/${encodeURIComponent(structureId)}/representative`, { method: 'PUT', body: { personId } });
}

/** Every invitation of the workspace, newest first. */
export function listInvitations(workspaceId: string, signal?: AbortSignal): Promise<InvitationView[]> {
  return requestJson<InvitationView[]>(`${base(workspaceId)}/invitations`, signal === undefined ? {} : { signal });
}

/** Invites a person by email, with a role and a structure. */
export function invite(workspaceId: string, input: { email: string; role: Role; structureId: string | null }): Promise<NewInvitation> {
  return requestJson<NewInvitation>(`${base(workspaceId)}/invitations`, { method: 'POST', body: input });
}

/** Cancels a pending invitation (its link stops working). */
export function revokeInvitation(workspaceId: string, invitationId: string): Promise<InvitationView> {
  return requestJson<InvitationView>(`${base(workspaceId)}/invitations/${encodeURIComponent(invitationId)}`, { method: 'DELETE' });
}

/** What an invitation link offers (no account needed). */
export function fetchInvitation(secret: string, signal?: AbortSignal): Promise<InvitationDetails> {
  return requestJson<InvitationDetails>(`/api/invitations/${encodeURIComponent(secret)}`, { needsSession: false, ...(signal === undefined ? {} : { signal }) });
}

/** Accepts an invitation: with a name and password for a new account, or `{}` when signed in as the invitee. */
export function acceptInvitation(secret: string, signUp: { displayName: string; password: string } | null): Promise<Me> {
  return requestJson<Me>(`/api/invitations/${encodeURIComponent(secret)}/accept`, { method: 'POST', body: signUp ?? {}, needsSession: false });
}

/** The address of the import template (a download, not an API call). */
export function importTemplatePath(workspaceId: string): string {
  return `${base(workspaceId)}/imports/template.csv`;
}
