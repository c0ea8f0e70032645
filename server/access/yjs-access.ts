/**
 * Who may open a document on the y-websocket endpoint: a signed-in person (session cookie from
 * Trame's own origin, or an access token in `?token=`) who belongs to the document's workspace.
 * Those who may not edit the contract get a read-only connection; a role change applies at once.
 */
import { mayWriteDraft } from '../amendments/draft-access';
import { resolveViewer } from '../auth/auth.middleware';
import { isAllowedOrigin, readCredentials } from '../auth/credentials';
import type { SessionsService } from '../auth/sessions.service';
import { findDocument } from '../documents/documents.repository';
import type { ResolveYjsAccess } from '../realtime/yjs-endpoint';
import type { MetadataStore } from '../store/metadata-store';
import type { AuthorshipRecorder } from '../versions/authorship-recorder';
import type { AccessControl } from './access-control';

export function createYjsAccessResolver(
  db: MetadataStore,
  sessions: SessionsService,
  access: AccessControl,
  allowedOrigins: readonly string[],
  authorship?: AuthorshipRecorder,
): ResolveYjsAccess {
  return async (request, name) => {
    const document = findDocument(db, name);
    if (document === undefined) return { ok: false, status: 404, reason: 'Document inconnu.' };
    const credentials = readCredentials(request.headers, request.url);
    if (credentials?.via === 'cookie' && !isAllowedOrigin(request.headers, allowedOrigins)) {
      return { ok: false, status: 403, reason: 'Connexion refusée : elle ne vient pas de Trame.' };
    }
    const viewer = resolveViewer(db, sessions, credentials);
    if (viewer === undefined) return { ok: false, status: 401, reason: 'Connectez-vous pour continuer.' };
    const decision = access.check(viewer.person.id, document.workspaceId, 'workspace.read', 'yjs');
    if (!decision.ok) return { ok: false, status: 403, reason: decision.error.title };
    const personId = viewer.person.id;
    const { workspaceId } = document;
    return {
      ok: true,
      access: {
        // Read by the gate at every update: demoting a writer takes effect on their open connection.
        get canWrite() {
          // An amendment's draft follows the amendment's rules (signatories, while it is open).
          if (document.kind === 'amendment') return mayWriteDraft(db, access, personId, document.name);
          return access.may(personId, workspaceId, 'contract.edit');
        },
        sessionId: viewer.session.id,
        isSessionLive: () => sessions.isLive(viewer.session.id),
        onRefusedUpdate: () => access.recordRefusal(personId, workspaceId, document.kind === 'amendment' ? 'amendments.propose' : 'contract.edit', 'yjs'),
        // Who writes with which client id in the contract (its versions' authorship); drafts reach it through `writeAs`.
        ...(authorship !== undefined && document.kind === 'contract'
          ? { onAcceptedUpdate: (documentName: string, update: Uint8Array) => authorship.accepted(documentName, update, { personId, workspaceId }) }
          : {}),
      },
    };
  };
}
