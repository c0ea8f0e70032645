/** Stored shape of the deliberation's comments (scaffold: the domain's owner replaces it with the full schema). */
import { z } from 'zod';

export const commentThreadSchema = z.looseObject({ id: z.string(), workspaceId: z.string() });
export type CommentThread = z.infer<typeof commentThreadSchema>;
