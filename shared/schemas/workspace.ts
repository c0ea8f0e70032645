/**
 * Workspaces, networks and structures: the stored shape (checked when the metadata file is read,
 * since it can be edited by hand) and the shape sent by `GET /api/workspaces/:id`.
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'identifiant invalide');
/** Amounts are integer cents: never floating-point euros. */
const cents = z.number().int().nonnegative();

export const networkKindSchema = z.enum(['cooperative', 'association', 'mutual', 'foundation', 'integration', 'other']);
export type NetworkKind = z.infer<typeof networkKindSchema>;

export const networkSchema = z.object({ id, workspaceId: id, name: z.string().min(1).max(160), kind: networkKindSchema });
export type Network = z.infer<typeof networkSchema>;

export const structureSchema = z.object({
  id,
  workspaceId: id,
  networkId: id,
  name: z.string().min(1).max(160),
  city: z.string().max(120),
  departement: z.string().max(3),
  /** The person who gives the structure's position in consent rounds (one structure, one voice). */
  representativeId: z.string().nullable().default(null),
});
export type Structure = z.infer<typeof structureSchema>;

export const envelopeSchema = z.object({
  totalCents: cents,
  shares: z.array(z.object({ funder: z.string().min(1).max(160), amountCents: cents })),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const workspaceSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  description: z.string().max(4000),
  contractDocument: z.string(),
  envelope: envelopeSchema,
  createdAt: z.iso.datetime(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

/** Structures as sent to clients, with their display colour. */
export type StructureView = Structure & { colour: string };

/** `GET /api/workspaces/:id`: everything a client needs to open a workspace. */
export interface WorkspaceView extends Workspace {
  networks: Network[];
  structures: StructureView[];
}

/** `GET /api/workspaces`: one line per workspace. */
export type WorkspaceSummary = Pick<Workspace, 'id' | 'name' | 'description' | 'contractDocument'>;
