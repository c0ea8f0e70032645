/**
 * People, sessions, invitations: stored shapes (checked at start-up) and the wire shapes of the
 * access API. Emails are stored lower-cased and trimmed.
 */
import { z } from 'zod';
import { mayActWithoutStructure, roles } from '../permissions';

export const emailSchema = z
  .string({ error: 'Indiquez une adresse e-mail.' })
  .trim()
  .toLowerCase()
  .min(1, 'Indiquez une adresse e-mail.')
  .max(254, 'Cette adresse e-mail est trop longue.')
  .pipe(z.email('Cette adresse e-mail n’est pas valide.'));

export const passwordSchema = z
  .string({ error: 'Choisissez un mot de passe.' })
  .min(10, 'Le mot de passe doit comporter au moins 10 caractères.')
  .max(200, 'Le mot de passe est trop long (200 caractères au plus).');

export const displayNameSchema = z.string({ error: 'Indiquez votre nom.' }).trim().min(1, 'Indiquez votre nom.').max(80, 'Ce nom est trop long (80 caractères au plus).');

export const roleSchema = z.enum(roles, { error: 'Rôle inconnu.' });

const id = z.string({ error: 'Identifiant manquant.' }).min(1, 'Identifiant manquant.').max(64, 'Identifiant trop long (64 caractères au plus).');
/** Wire objects: a body that is not a JSON object gets a French message too. */
const wireObject = { error: 'Le contenu envoyé doit être un objet JSON.' } as const;
const passwordTooLong = 'Le mot de passe est trop long (200 caractères au plus).';

export const personSchema = z.object({
  id,
  email: z.string(),
  displayName: z.string(),
  /** `scrypt$N$r$p$salt$hash` (base64), or null until the person sets a password. */
  passwordHash: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type Person = z.infer<typeof personSchema>;

/** A person's link to a structure (a person can belong to several). */
export const affiliationSchema = z.object({ personId: id, structureId: id });
export type Affiliation = z.infer<typeof affiliationSchema>;

/** A person's role in one workspace. */
export const workspaceRoleSchema = z.object({ workspaceId: id, personId: id, role: roleSchema });
export type WorkspaceRole = z.infer<typeof workspaceRoleSchema>;

export const sessionSchema = z.object({
  id,
  /** SHA-256 of the secret; the secret itself is only in the cookie or the client's token. */
  secretHash: z.string(),
  personId: id,
  kind: z.enum(['browser', 'token', 'setup']),
  label: z.string().max(120),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

export const invitationSchema = z.object({
  id,
  secretHash: z.string(),
  workspaceId: id,
  email: z.string(),
  role: roleSchema,
  /** Null for partners and observers, who act for no member structure. */
  structureId: id.nullable(),
  invitedBy: id,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  /** Accepting makes the person their structure's representative (set by imports). */
  makesRepresentative: z.boolean().default(false),
});
export type Invitation = z.infer<typeof invitationSchema>;

// ---- wire shapes ----

export const signInSchema = z.object(
  { email: emailSchema, password: z.string({ error: 'Indiquez votre mot de passe.' }).min(1, 'Indiquez votre mot de passe.').max(200, passwordTooLong) },
  wireObject,
);
export type SignIn = z.infer<typeof signInSchema>;

export const invitationRequestSchema = z
  .object(
    {
      email: emailSchema,
      role: roleSchema,
      structureId: z.string({ error: 'Choisissez une structure.' }).min(1, 'Choisissez une structure.').max(64, 'Identifiant trop long (64 caractères au plus).').nullable().default(null),
    },
    wireObject,
  )
  .superRefine((value, context) => {
    if (value.structureId === null && !mayActWithoutStructure(value.role)) {
      context.addIssue({ code: 'custom', path: ['structureId'], message: 'Choisissez une structure (seuls les partenaires et les observateurs peuvent ne pas en avoir).' });
    }
  });
export type InvitationRequest = z.infer<typeof invitationRequestSchema>;

export const acceptInvitationSchema = z.object({ displayName: displayNameSchema, password: passwordSchema }, wireObject);
export type AcceptInvitation = z.infer<typeof acceptInvitationSchema>;

export const completeSetupSchema = z.object({ displayName: displayNameSchema, password: passwordSchema }, wireObject);

export const changePasswordSchema = z.object(
  { currentPassword: z.string({ error: 'Indiquez votre mot de passe actuel.' }).min(1, 'Indiquez votre mot de passe actuel.').max(200, passwordTooLong), newPassword: passwordSchema },
  wireObject,
);

export const accessTokenRequestSchema = z.object(
  { label: z.string({ error: 'Nommez ce jeton.' }).trim().min(1, 'Nommez ce jeton.').max(120, 'Ce nom est trop long (120 caractères au plus).') },
  wireObject,
);

/** Who is signed in, with their structures and roles (`GET /api/me`). */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  structures: { id: string; name: string; workspaceId: string; colour: string; isRepresentative: boolean }[];
  workspaces: { workspaceId: string; role: z.infer<typeof roleSchema> }[];
}
