import { describe, expect, it } from 'vitest';
import { isOver, quorumNeeded, suggestOutcome, tallyRound, type TallyStructure } from '../../shared/rounds/tally';
import { positionInputSchema, roundOpenInputSchema, type PositionKind, type RoundPosition } from '../../shared/schemas/rounds';

const now = new Date('2026-03-01T10:00:00Z');
const networks = [
  { id: 'coop', name: 'Coopératives' },
  { id: 'asso', name: 'Associations' },
];
const structures: TallyStructure[] = [
  { id: 's1', networkId: 'coop', representativeId: 'p1' },
  { id: 's2', networkId: 'coop', representativeId: 'p2' },
  { id: 's3', networkId: 'asso', representativeId: 'p3' },
  { id: 's4', networkId: 'asso', representativeId: null },
];
const position = (structureId: string, kind: PositionKind): RoundPosition => ({
  structureId,
  personId: `p${structureId.slice(1)}`,
  personName: 'X',
  position: kind,
  reason: kind === 'object' ? 'raison' : null,
  at: now.toISOString(),
  history: [],
});
const round = (positions: RoundPosition[], options: { quorumPercent?: number; deadline?: string; status?: 'open' | 'closed' } = {}) => ({
  positions,
  quorumPercent: options.quorumPercent ?? 50,
  deadline: options.deadline ?? '2026-03-02T10:00:00Z',
  status: options.status ?? 'open',
});

describe('consent round tally', () => {
  it('counts positions overall and by network, and lists who has not answered and who cannot', () => {
    const tally = tallyRound({ round: round([position('s1', 'agree'), position('s3', 'disagree')]), structures, networks, now });
    expect(tally).toMatchObject({ memberCount: 4, answeredCount: 2, answered: ['s1', 's3'], waiting: ['s2'], voiceless: ['s4'] });
    expect(tally.byPosition).toEqual({ agree: 1, abstain: 0, disagree: 1, object: 0 });
    expect(tally.byNetwork).toEqual([
      { networkId: 'coop', networkName: 'Coopératives', memberCount: 2, answeredCount: 1, byPosition: { agree: 1, abstain: 0, disagree: 0, object: 0 } },
      { networkId: 'asso', networkName: 'Associations', memberCount: 2, answeredCount: 1, byPosition: { agree: 0, abstain: 0, disagree: 1, object: 0 } },
    ]);
  });

  it('counts one position per structure and ignores structures no longer members', () => {
    const tally = tallyRound({ round: round([position('s1', 'agree'), position('gone', 'object')]), structures, networks, now });
    expect(tally.answeredCount).toBe(1);
    expect(tally.byPosition.object).toBe(0);
  });

  it('reaches the quorum when answered structures / member structures ≥ quorum %', () => {
    expect(quorumNeeded(4, 50)).toBe(2);
    expect(quorumNeeded(3, 50)).toBe(2);
    expect(quorumNeeded(150, 50)).toBe(75);
    expect(quorumNeeded(10, 1)).toBe(1);
    expect(quorumNeeded(0, 50)).toBe(0);
    expect(tallyRound({ round: round([position('s1', 'agree')]), structures, networks, now }).quorumReached).toBe(false);
    expect(tallyRound({ round: round([position('s1', 'agree'), position('s2', 'abstain')]), structures, networks, now }).quorumReached).toBe(true);
    // A higher quorum of the same answers is not reached: 2 of 4 < 75 %.
    expect(tallyRound({ round: round([position('s1', 'agree'), position('s2', 'abstain')], { quorumPercent: 75 }), structures, networks, now }).quorumReached).toBe(false);
    // Abstentions count towards the quorum (the structure answered).
    expect(tallyRound({ round: round([position('s1', 'abstain'), position('s2', 'abstain')]), structures, networks, now }).quorumReached).toBe(true);
    // No member structure: no quorum.
    expect(tallyRound({ round: round([]), structures: [], networks, now }).quorumReached).toBe(false);
  });

  it('suggests the consent outcome: adopted with quorum and no objection, rework on an objection, not adopted without quorum at the end', () => {
    expect(tallyRound({ round: round([position('s1', 'agree'), position('s2', 'disagree')]), structures, networks, now }).suggestedOutcome).toBe('adopted');
    expect(tallyRound({ round: round([position('s1', 'agree'), position('s2', 'object')]), structures, networks, now }).suggestedOutcome).toBe('rework');
    expect(tallyRound({ round: round([position('s1', 'object')]), structures, networks, now }).suggestedOutcome).toBe('rework');
    expect(tallyRound({ round: round([position('s1', 'agree')]), structures, networks, now }).suggestedOutcome).toBeNull();
    expect(tallyRound({ round: round([position('s1', 'agree')], { deadline: '2026-03-01T09:00:00Z' }), structures, networks, now }).suggestedOutcome).toBe('not-adopted');
    expect(tallyRound({ round: round([position('s1', 'agree')], { status: 'closed' }), structures, networks, now }).suggestedOutcome).toBe('not-adopted');
    expect(suggestOutcome(0, false, false)).toBeNull();
  });

  it('is over once closed or at its deadline', () => {
    expect(isOver({ status: 'open', deadline: '2026-03-01T10:00:00Z' }, now)).toBe(true);
    expect(isOver({ status: 'open', deadline: '2026-03-01T10:00:01Z' }, now)).toBe(false);
    expect(isOver({ status: 'closed', deadline: '2027-01-01T00:00:00Z' }, now)).toBe(true);
  });
});

describe('round input schemas', () => {
  it('requires a reason for an objection, in French at the field', () => {
    const parsed = positionInputSchema.safeParse({ position: 'object', reason: '   ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['reason'], message: expect.stringContaining('objection doit être motivée') });
    expect(positionInputSchema.safeParse({ position: 'object', reason: 'Le budget de l’axe 2 dépasse la part de la Région.' }).success).toBe(true);
    expect(positionInputSchema.safeParse({ position: 'agree' }).success).toBe(true);
    expect(positionInputSchema.safeParse({ position: 'peut-être' }).error?.issues[0]?.message).toContain('Choisissez votre position');
    expect(positionInputSchema.safeParse({ position: 'disagree', reason: 'x'.repeat(2001) }).error?.issues[0]?.message).toContain('2000');
  });

  it('refuses a deadline in the past, an empty or too long question, an unknown subject', () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(roundOpenInputSchema.safeParse({ subject: { kind: 'contract' }, question: 'Adoptons-nous ?', deadline: future }).success).toBe(true);
    const past = roundOpenInputSchema.safeParse({ subject: { kind: 'contract' }, question: 'Adoptons-nous ?', deadline: new Date(Date.now() - 1000).toISOString() });
    expect(past.error?.issues[0]).toMatchObject({ path: ['deadline'], message: 'La date limite doit être dans le futur.' });
    expect(roundOpenInputSchema.safeParse({ subject: { kind: 'contract' }, question: ' ', deadline: future }).error?.issues[0]?.path).toEqual(['question']);
    expect(roundOpenInputSchema.safeParse({ subject: { kind: 'contract' }, question: 'x'.repeat(1001), deadline: future }).success).toBe(false);
    expect(roundOpenInputSchema.safeParse({ subject: { kind: 'vote' }, question: 'Q', deadline: future }).error?.issues[0]?.message).toBe('Choisissez sur quoi porte le tour de décision.');
  });
});
