/** lowdb reads and in-memory writes of follow-ups and evaluations (the caller writes the file). */
import type { Evaluation, FollowUp } from '../../shared/schemas/follow-up';
import type { MetadataStore } from '../store/metadata-store';

export function followUpsOf(db: MetadataStore, workspaceId: string): FollowUp[] {
  return db.data.followUps.filter((followUp) => followUp.workspaceId === workspaceId);
}

export function evaluationsOf(db: MetadataStore, workspaceId: string): Evaluation[] {
  return db.data.evaluations.filter((evaluation) => evaluation.workspaceId === workspaceId);
}

export function findEvaluation(db: MetadataStore, workspaceId: string, evaluationId: string): Evaluation | undefined {
  return db.data.evaluations.find((evaluation) => evaluation.workspaceId === workspaceId && evaluation.id === evaluationId);
}

/** The follow-up of a sheet, created (not started, nothing reported) if it has none yet. */
export function ensureFollowUp(db: MetadataStore, workspaceId: string, sheetId: string): FollowUp {
  let followUp = db.data.followUps.find((f) => f.workspaceId === workspaceId && f.sheetId === sheetId);
  if (followUp === undefined) {
    followUp = { workspaceId, sheetId, status: 'not-started', statusChangedAt: null, reports: [], actuals: [], finances: [] };
    db.data.followUps.push(followUp);
  }
  return followUp;
}
