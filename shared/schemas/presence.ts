/**
 * Workspace presence over Socket.IO: who has the workspace open right now. (Cursors inside a
 * document travel on Yjs awareness instead; this list also covers people on other pages.)
 * Names and structures come from the signed-in account, never from the payload.
 */
import { z } from 'zod';

export const presenceJoinSchema = z.object({
  workspaceId: z.string().min(1).max(64),
  /** Which of the person's structures they act for here (their first one when omitted). */
  structureId: z.string().min(1).max(64).optional(),
});
export type PresenceJoin = z.infer<typeof presenceJoinSchema>;

export const presenceLeaveSchema = z.object({ workspaceId: z.string().min(1).max(64) });

/** One person present in a workspace (one entry per open tab). */
export interface PresencePerson {
  connectionId: string;
  personId: string;
  name: string;
  structureId: string | null;
  /** The structure's name, or the role for people outside any structure (partners). */
  structureName: string;
  colour: string;
}
