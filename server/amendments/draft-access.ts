/**
 * Who may write an amendment's draft document on the y-websocket endpoint: while the amendment
 * is open (brouillon, déposé, en discussion), its authors and cosigners, and the facilitation
 * and coordination (who decide on it and may adjust its wording); everyone else of the workspace
 * reads it. Evaluated at every update, so a withdrawal or a decision closes the draft at once.
 */
import { can } from '../../shared/permissions';
import { isOpenAmendment } from '../../shared/schemas/amendments';
import type { AccessControl } from '../access/access-control';
import type { MetadataStore } from '../store/metadata-store';
import { findAmendmentByDraft } from './amendments.repository';

export function mayWriteDraft(db: MetadataStore, access: AccessControl, personId: string, documentName: string): boolean {
  const amendment = findAmendmentByDraft(db, documentName);
  if (amendment === undefined || !isOpenAmendment(amendment.state)) return false;
  const role = access.roleIn(personId, amendment.workspaceId);
  if (!can(role, 'amendments.propose')) return false;
  return can(role, 'amendments.decide') || amendment.authors.some((author) => author.personId === personId);
}
