/** Stored shape of the deliberation's amendments (scaffold: the domain's owner replaces it with the full schema). */
import { z } from 'zod';

export const amendmentSchema = z.looseObject({ id: z.string(), workspaceId: z.string() });
export type Amendment = z.infer<typeof amendmentSchema>;
