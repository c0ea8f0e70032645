/**
 * Workspaces, networks and structures: the stored shape (checked when the metadata file is read,
 * since it can be edited by hand) and the shape sent by `GET /api/workspaces/:id`.
 */
import { z } from 'zod';
import { funderKey } from '../budget/consolidate';
import { eurosText } from '../budget/euros';
import { amountCentsSchema, funderSchema } from '../programme/fields';
import { adoptionSchema, type Adoption } from './follow-up';

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

export const maxEnvelopeShares = 12;

/**
 * The envelope as the coordination sets it (`PUT /api/workspaces/:id/envelope`, and the form that
 * sends it): a total, and 1 to 12 funders' shares that add up to it exactly. Messages are keyed by
 * field: `totalCents`, `shares`, `shares.<i>.funder`, `shares.<i>.amountCents`; a sum that does
 * not match the total is reported on `totalCents`.
 */
export const envelopeInputSchema = z
  .object({
    totalCents: amountCentsSchema,
    shares: z
      .array(z.object({ funder: funderSchema, amountCents: amountCentsSchema }), { error: 'Indiquez la part de chaque financeur.' })
      .min(1, { error: 'Indiquez la part d’au moins un financeur.' })
      .max(maxEnvelopeShares, { error: `Au plus ${maxEnvelopeShares} financeurs.` }),
  })
  .superRefine(({ totalCents, shares }, context) => {
    const seen = new Set<string>();
    shares.forEach((share, index) => {
      const key = funderKey(share.funder);
      if (seen.has(key)) context.addIssue({ code: 'custom', path: ['shares', index, 'funder'], message: 'Ce financeur figure déjà dans l’enveloppe.' });
      seen.add(key);
    });
    const sum = shares.reduce((total, share) => total + share.amountCents, 0);
    if (sum !== totalCents) {
      context.addIssue({ code: 'custom', path: ['totalCents'], message: `La somme des parts (${eurosText(sum)}) ne correspond pas au total (${eurosText(totalCents)}).` });
    }
  });
export type EnvelopeInput = z.infer<typeof envelopeInputSchema>;

/** The contract is frozen by an adopted version until the coordination opens a new draft. */
export const freezeSchema = z.object({
  versionId: z.string(),
  frozenAt: z.iso.datetime(),
  frozenBy: z.string(),
  frozenByName: z.string(),
});
export type Freeze = z.infer<typeof freezeSchema>;

export const workspaceSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  description: z.string().max(4000),
  contractDocument: z.string(),
  envelope: envelopeSchema,
  createdAt: z.iso.datetime(),
  /** Set when the coordination adopts the programme (absent from files written before adoption existed). */
  adoption: adoptionSchema.optional(),
  /** Share of member structures (%) that must answer a consent round; absent means 50 (`defaultQuorumPercent`). */
  quorumPercent: z.number().int().min(1).max(100).optional(),
  /** Set while an adopted version freezes the contract (read-only for everyone until a new draft). */
  freeze: freezeSchema.optional(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

/** Structures as sent to clients, with their display colour. */
export type StructureView = Structure & { colour: string };

/** `GET /api/workspaces/:id`: everything a client needs to open a workspace. */
export interface WorkspaceView extends Omit<Workspace, 'adoption' | 'freeze'> {
  /** When and by whom the programme was adopted; null before. */
  adoption: Adoption | null;
  /** The adopted version freezing the contract; null while it is a draft. */
  freeze: Freeze | null;
  networks: Network[];
  structures: StructureView[];
}

/** `GET /api/workspaces`: one line per workspace. */
export type WorkspaceSummary = Pick<Workspace, 'id' | 'name' | 'description' | 'contractDocument'>;
