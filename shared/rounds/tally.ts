/**
 * The rules of a consent round's count, pure so that the server (which stores and announces it),
 * the client (which shows it) and the tests agree: positions by kind and by network, who has not
 * answered (structures with a representative) and who cannot (structures without one), the quorum
 * (answered structures / member structures ≥ quorum %), and the outcome consent suggests — the
 * facilitator records the actual one.
 *
 * Only positions of current member structures count; a position of a structure removed since is
 * kept in the round but left out of the tally.
 */
import { positionKinds, type OutcomeDecision, type PositionCounts, type Round, type RoundTally } from '../schemas/rounds';

export interface TallyStructure {
  id: string;
  networkId: string;
  representativeId: string | null;
}

export interface TallyNetwork {
  id: string;
  name: string;
}

export interface TallyInput {
  round: Pick<Round, 'positions' | 'quorumPercent' | 'status' | 'deadline'>;
  /** The workspace's member structures. */
  structures: readonly TallyStructure[];
  networks: readonly TallyNetwork[];
  now: Date;
}

export function emptyCounts(): PositionCounts {
  return Object.fromEntries(positionKinds.map((kind) => [kind, 0])) as PositionCounts;
}

/** Structures needed for a quorum of `percent` % out of `memberCount` (at least one when there are members). */
export function quorumNeeded(memberCount: number, percent: number): number {
  if (memberCount === 0) return 0;
  // Integer arithmetic: 50 % of 3 is 1.5, so 2 structures; never a floating-point 1.4999….
  return Math.max(1, Math.ceil((memberCount * percent) / 100));
}

/** True when the round takes no more positions (closed, or its deadline has passed). */
export function isOver(round: Pick<Round, 'status' | 'deadline'>, now: Date): boolean {
  return round.status === 'closed' || Date.parse(round.deadline) <= now.getTime();
}

/**
 * Consent: any objection sends the text back to work; otherwise the quorum adopts it; without
 * quorum the round is not adopted once it is over, and undecided (null) while it is open.
 */
export function suggestOutcome(objections: number, quorumReached: boolean, over: boolean): OutcomeDecision | null {
  if (objections > 0) return 'rework';
  if (quorumReached) return 'adopted';
  return over ? 'not-adopted' : null;
}

export function tallyRound({ round, structures, networks, now }: TallyInput): RoundTally {
  const positionOf = new Map(round.positions.map((position) => [position.structureId, position.position]));
  const byPosition = emptyCounts();
  const networkTallies = new Map(
    networks.map((network) => [network.id, { networkId: network.id, networkName: network.name, memberCount: 0, answeredCount: 0, byPosition: emptyCounts() }]),
  );
  const answered: string[] = [];
  const waiting: string[] = [];
  const voiceless: string[] = [];
  for (const structure of structures) {
    let network = networkTallies.get(structure.networkId);
    if (network === undefined) {
      network = { networkId: structure.networkId, networkName: structure.networkId, memberCount: 0, answeredCount: 0, byPosition: emptyCounts() };
      networkTallies.set(structure.networkId, network);
    }
    network.memberCount += 1;
    const position = positionOf.get(structure.id);
    if (position !== undefined) {
      answered.push(structure.id);
      byPosition[position] += 1;
      network.byPosition[position] += 1;
      network.answeredCount += 1;
    } else if (structure.representativeId !== null) waiting.push(structure.id);
    else voiceless.push(structure.id);
  }
  const needed = quorumNeeded(structures.length, round.quorumPercent);
  const quorumReached = structures.length > 0 && answered.length >= needed;
  return {
    memberCount: structures.length,
    answeredCount: answered.length,
    byPosition,
    byNetwork: [...networkTallies.values()].filter((network) => network.memberCount > 0),
    answered,
    waiting,
    voiceless,
    quorumPercent: round.quorumPercent,
    quorumNeeded: needed,
    quorumReached,
    suggestedOutcome: suggestOutcome(byPosition.object, quorumReached, isOver(round, now)),
  };
}
