/**
 * Workspace presence over Socket.IO: who has the workspace open right now. (Cursors inside a
 * document travel on Yjs awareness instead; this list also covers people on other pages.)
 */
import { z } from 'zod';
import { limits } from '../limits';

export const presenceJoinSchema = z.object({
  workspaceId: z.string().min(1).max(64),
  name: z.string().trim().min(1, 'Indiquez votre nom.').max(limits.maxDisplayNameLength, 'Ce nom est trop long.'),
  structureId: z.string().min(1).max(64),
});
export type PresenceJoin = z.infer<typeof presenceJoinSchema>;

export const presenceLeaveSchema = z.object({ workspaceId: z.string().min(1).max(64) });

/** One person present in a workspace (one entry per open tab). */
export interface PresencePerson {
  connectionId: string;
  name: string;
  structureId: string;
  structureName: string;
  colour: string;
}
