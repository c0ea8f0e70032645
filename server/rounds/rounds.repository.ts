/** lowdb reads for consent rounds, and the views the API sends (each round with its live tally). */
import { defaultQuorumPercent, type Round, type RoundTally, type RoundView } from '../../shared/schemas/rounds';
import { tallyRound } from '../../shared/rounds/tally';
import { findPerson } from '../auth/people.repository';
import type { MetadataStore } from '../store/metadata-store';
import { findWorkspace, networksOf, structuresOf } from '../workspaces/workspaces.repository';

export function roundsOf(db: MetadataStore, workspaceId: string): Round[] {
  return db.data.rounds.filter((round) => round.workspaceId === workspaceId);
}

export function findRound(db: MetadataStore, workspaceId: string, roundId: string): Round | undefined {
  return db.data.rounds.find((round) => round.workspaceId === workspaceId && round.id === roundId);
}

/** The workspace's quorum for new rounds (50 % unless the coordination set another). */
export function workspaceQuorum(db: MetadataStore, workspaceId: string): number {
  return findWorkspace(db, workspaceId)?.quorumPercent ?? defaultQuorumPercent;
}

export function tallyOf(db: MetadataStore, round: Round, now: Date): RoundTally {
  const networks = networksOf(db, round.workspaceId).map((network) => ({ id: network.id, name: network.name }));
  return tallyRound({ round, structures: structuresOf(db, round.workspaceId), networks, now });
}

export function viewOf(db: MetadataStore, round: Round, now: Date): RoundView {
  return {
    ...structuredClone(round),
    tally: tallyOf(db, round, now),
    openedByName: findPerson(db, round.openedBy)?.displayName ?? '',
    outcomeByName: round.outcome === null ? null : (findPerson(db, round.outcome.by)?.displayName ?? ''),
  };
}

/** Open rounds first (soonest deadline first), then closed ones (most recently closed first). */
export function compareRounds(a: Round, b: Round): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  if (a.status === 'open') return a.deadline.localeCompare(b.deadline);
  return (b.closedAt ?? b.deadline).localeCompare(a.closedAt ?? a.deadline);
}
