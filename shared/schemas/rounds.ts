/** Stored shape of the deliberation's rounds (scaffold: the domain's owner replaces it with the full schema). */
import { z } from 'zod';

export const roundSchema = z.looseObject({ id: z.string(), workspaceId: z.string() });
export type Round = z.infer<typeof roundSchema>;
