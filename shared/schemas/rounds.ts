/**
 * Consent rounds (*tours de décision*): a facilitator asks the member structures a question on an
 * amendment, a section, an action sheet or the whole contract, with a deadline. Each structure
 * gives one position through its representative; changing it before the deadline keeps the
 * previous one in `history`; after the deadline nothing changes. The facilitator records the
 * outcome once the round is closed.
 *
 * The stored shape (`roundSchema`, checked when the metadata file is read) and the wire shapes:
 * the opening form, a position, an outcome, the workspace's quorum. The same schemas check the
 * client's forms and the server's API, with French messages keyed by field.
 */
import { z } from 'zod';

export const positionKinds = ['agree', 'abstain', 'disagree', 'object'] as const;
export type PositionKind = (typeof positionKinds)[number];

/** French names of positions (the UI translates them by id). */
export const positionLabels: Record<PositionKind, string> = {
  agree: 'd’accord',
  abstain: 'abstention',
  disagree: 'désaccord',
  object: 'objection',
};

export const outcomeDecisions = ['adopted', 'not-adopted', 'rework'] as const;
export type OutcomeDecision = (typeof outcomeDecisions)[number];

export const outcomeLabels: Record<OutcomeDecision, string> = {
  adopted: 'adopté',
  'not-adopted': 'non adopté',
  rework: 'à retravailler',
};

export const maxQuestionLength = 1000;
export const maxReasonLength = 2000;
export const maxNoteLength = 2000;
export const defaultQuorumPercent = 50;
/** A round lasts at most a year: a later deadline is almost certainly a typing mistake. */
export const maxRoundDays = 366;

const isoDateTime = z.iso.datetime({ offset: true });

export const roundSubjectSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('amendment'), amendmentId: z.string().min(1, 'Choisissez un amendement.').max(64) }),
    z.object({ kind: z.literal('section'), title: z.string().trim().min(1, 'Choisissez une section du contrat.').max(300, 'Ce titre de section est trop long.') }),
    z.object({ kind: z.literal('sheet'), sheetId: z.string().min(1, 'Choisissez une fiche action.').max(64) }),
    z.object({ kind: z.literal('contract') }),
  ],
  { error: 'Choisissez sur quoi porte le tour de décision.' },
);
export type RoundSubject = z.infer<typeof roundSubjectSchema>;
export type RoundSubjectKind = RoundSubject['kind'];

const questionSchema = z
  .string({ error: 'Posez la question soumise aux structures.' })
  .trim()
  .min(1, 'Posez la question soumise aux structures.')
  .max(maxQuestionLength, `La question est trop longue (${maxQuestionLength} caractères au plus).`);

const reasonSchema = z.string().trim().max(maxReasonLength, `La raison est trop longue (${maxReasonLength} caractères au plus).`);

/** A position as it was given (the current one, or a previous one in `history`). */
export const givenPositionSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  position: z.enum(positionKinds),
  /** Required for an objection; null otherwise when none was given. */
  reason: z.string().max(maxReasonLength).nullable(),
  at: isoDateTime,
});
export type GivenPosition = z.infer<typeof givenPositionSchema>;

/** A structure's current position, with every previous one. */
export const roundPositionSchema = givenPositionSchema.extend({
  structureId: z.string(),
  history: z.array(givenPositionSchema).default([]),
});
export type RoundPosition = z.infer<typeof roundPositionSchema>;

export const reminderSchema = z.object({ at: isoDateTime, by: z.string(), count: z.number().int().nonnegative() });
export type Reminder = z.infer<typeof reminderSchema>;

export const outcomeSchema = z.object({
  decision: z.enum(outcomeDecisions),
  note: z.string().max(maxNoteLength),
  by: z.string(),
  at: isoDateTime,
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const roundSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  subject: roundSubjectSchema,
  /** What the subject was called when the round opened (a sheet's number and title, an amendment's title). */
  subjectTitle: z.string().max(400).default(''),
  question: z.string().max(maxQuestionLength),
  deadline: isoDateTime,
  /** Copied from the workspace when the round opened: changing the setting later does not move it. */
  quorumPercent: z.number().int().min(1).max(100),
  openedBy: z.string(),
  openedAt: isoDateTime,
  status: z.enum(['open', 'closed']),
  /** When and by whom it closed (null `closedBy`: at its deadline). */
  closedAt: isoDateTime.nullable().default(null),
  closedBy: z.string().nullable().default(null),
  positions: z.array(roundPositionSchema).default([]),
  reminders: z.array(reminderSchema).default([]),
  /** When "closing soon" was sent, so that a restart does not send it twice. */
  closingNoticeAt: isoDateTime.nullable().default(null),
  outcome: outcomeSchema.nullable().default(null),
  /** Increments with each stored change (live events carry it). */
  revision: z.number().int().nonnegative().default(0),
});
export type Round = z.infer<typeof roundSchema>;

// ---- wire shapes ----

const wireObject = { error: 'Le contenu envoyé doit être un objet JSON.' } as const;

/**
 * Opening a round (`POST /api/workspaces/:id/rounds`, and the form that sends it). The deadline
 * must be in the future (checked at parse time) and within a year.
 */
export const roundOpenInputSchema = z
  .object(
    {
      subject: roundSubjectSchema,
      question: questionSchema,
      deadline: z.iso.datetime({ offset: true, error: 'Indiquez la date et l’heure limite.' }),
    },
    wireObject,
  )
  .superRefine((input, context) => {
    const deadline = Date.parse(input.deadline);
    const now = Date.now();
    if (deadline <= now) context.addIssue({ code: 'custom', path: ['deadline'], message: 'La date limite doit être dans le futur.' });
    else if (deadline > now + maxRoundDays * 86_400_000) context.addIssue({ code: 'custom', path: ['deadline'], message: 'La date limite doit être dans moins d’un an.' });
  });
export type RoundOpenInput = z.infer<typeof roundOpenInputSchema>;

/** A structure's position (REST `PUT …/position`, Socket.IO `rounds:position`, the vote form). */
export const positionInputSchema = z
  .object(
    {
      position: z.enum(positionKinds, { error: 'Choisissez votre position : d’accord, abstention, désaccord ou objection.' }),
      reason: reasonSchema.optional(),
      /** Needed only by a person who represents several structures. */
      structureId: z.string().min(1).max(64).optional(),
    },
    wireObject,
  )
  .superRefine((input, context) => {
    if (input.position === 'object' && (input.reason ?? '') === '') {
      context.addIssue({ code: 'custom', path: ['reason'], message: 'Une objection doit être motivée : expliquez ce qui vous empêche de consentir.' });
    }
  });
export type PositionInput = z.infer<typeof positionInputSchema>;

/** The same, over Socket.IO: it names its workspace and round. */
export const socketPositionSchema = z.object({
  workspaceId: z.string().min(1).max(64),
  roundId: z.string().min(1).max(64),
  position: z.unknown(),
  reason: z.unknown().optional(),
  structureId: z.unknown().optional(),
});

export const outcomeInputSchema = z.object(
  {
    decision: z.enum(outcomeDecisions, { error: 'Choisissez l’issue : adopté, non adopté ou à retravailler.' }),
    note: z.string().trim().max(maxNoteLength, `La note est trop longue (${maxNoteLength} caractères au plus).`).default(''),
  },
  wireObject,
);
export type OutcomeInput = z.infer<typeof outcomeInputSchema>;

export const quorumInputSchema = z.object(
  {
    quorumPercent: z
      .number({ error: 'Indiquez un quorum en pourcentage, de 1 à 100.' })
      .int('Indiquez un nombre entier de pour cent.')
      .min(1, 'Le quorum est d’au moins 1 %.')
      .max(100, 'Le quorum est d’au plus 100 %.'),
  },
  wireObject,
);
export type QuorumInput = z.infer<typeof quorumInputSchema>;

/** Counts of each position. */
export type PositionCounts = Record<PositionKind, number>;

export interface NetworkTally {
  networkId: string;
  networkName: string;
  memberCount: number;
  answeredCount: number;
  byPosition: PositionCounts;
}

/**
 * The live tally of a round (computed by shared/rounds/tally.ts): small enough to travel with
 * every `rounds:changed` event (structure ids only; names are in the workspace the client has).
 */
export interface RoundTally {
  memberCount: number;
  answeredCount: number;
  byPosition: PositionCounts;
  byNetwork: NetworkTally[];
  /** Structures that gave a position. */
  answered: string[];
  /** Structures with a representative that have not answered yet. */
  waiting: string[];
  /** Structures without a representative: they cannot answer until the coordination names one. */
  voiceless: string[];
  quorumPercent: number;
  /** How many structures must answer for the quorum. */
  quorumNeeded: number;
  quorumReached: boolean;
  /** Consent: adopted when the quorum is reached without objection; to rework on an objection; not adopted without quorum at the deadline; null while undecided. */
  suggestedOutcome: OutcomeDecision | null;
}

/** A round as the API sends it: stored fields, its tally, and the names of the people involved. */
export type RoundView = Round & { tally: RoundTally; openedByName: string; outcomeByName: string | null };

/** `rounds:changed`: what changed; a round's new tally travels with it so that screens need not re-read. */
export interface RoundsChanged {
  workspaceId: string;
  roundId?: string;
  status?: Round['status'];
  tally?: RoundTally;
  /** Increments with each stored change of the round (screens can drop older events). */
  revision?: number;
}
