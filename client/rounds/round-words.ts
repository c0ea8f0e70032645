/**
 * Consent rounds in words, in the interface language: positions, outcomes, subjects, the time
 * left before a deadline ("se termine dans 2 jours"), the quorum's state.
 */
import { msg, str } from '@lit/localize';
import type { OutcomeDecision, PositionKind, RoundTally, RoundView } from '../../shared/schemas/rounds';
import { currentLocale } from '../i18n/localization';

export function positionWords(position: PositionKind): string {
  switch (position) {
    case 'agree': return msg('D’accord', { id: 'rounds.position.agree' });
    case 'abstain': return msg('Abstention', { id: 'rounds.position.abstain' });
    case 'disagree': return msg('Désaccord', { id: 'rounds.position.disagree' });
    case 'object': return msg('Objection', { id: 'rounds.position.object' });
  }
}

/** What each position means, under its radio button. */
export function positionHint(position: PositionKind): string {
  switch (position) {
    case 'agree': return msg('Ma structure consent à la proposition.', { id: 'rounds.position.agree.hint' });
    case 'abstain': return msg('Ma structure ne se prononce pas, mais a répondu (compte pour le quorum).', { id: 'rounds.position.abstain.hint' });
    case 'disagree': return msg('Ma structure n’est pas d’accord, sans bloquer la décision.', { id: 'rounds.position.disagree.hint' });
    case 'object': return msg('Ma structure bloque la décision : une raison est obligatoire.', { id: 'rounds.position.object.hint' });
  }
}

export function outcomeWords(decision: OutcomeDecision): string {
  switch (decision) {
    case 'adopted': return msg('Adopté', { id: 'rounds.outcome.adopted' });
    case 'not-adopted': return msg('Non adopté', { id: 'rounds.outcome.notAdopted' });
    case 'rework': return msg('À retravailler', { id: 'rounds.outcome.rework' });
  }
}

/** "Sur : Fiche 2.1 · …" — what the round is about, as the server named it when it opened. */
export function subjectWords(round: Pick<RoundView, 'subject' | 'subjectTitle'>): string {
  switch (round.subject.kind) {
    case 'contract': return msg('Tout le contrat', { id: 'rounds.subject.contract' });
    case 'section': return msg(str`Section « ${round.subject.title} »`, { id: 'rounds.subject.section' });
    case 'sheet':
    case 'amendment': return round.subjectTitle || round.subject.kind;
  }
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** The time left before `deadline`, in words ("dans 2 jours", "dans 5 heures", "in 3 minutes"). */
export function timeLeftWords(deadline: string, now: Date): string {
  const left = Date.parse(deadline) - now.getTime();
  if (left <= 0) return msg('délai écoulé', { id: 'rounds.timeLeft.over' });
  if (left < 60_000) return msg('dans moins d’une minute', { id: 'rounds.timeLeft.underMinute' });
  const format = new Intl.RelativeTimeFormat(currentLocale() === 'en' ? 'en' : 'fr', { numeric: 'always' });
  for (const [unit, size] of units) {
    // Two days and more are told in days, two hours and more in hours: precise enough, never "in 47 hours".
    if (left >= 2 * size || unit === 'minute') return format.format(Math.floor(left / size), unit);
  }
  return format.format(Math.floor(left / 60_000), 'minute');
}

/** A deadline as people read it: "12 mars 2026 à 18:00". */
export function deadlineWords(iso: string): string {
  const date = new Date(iso);
  return new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** The quorum's state in a sentence. */
export function quorumWords(tally: RoundTally, isOver: boolean): string {
  if (tally.quorumReached) {
    return msg(str`Quorum atteint : ${tally.answeredCount} structures ont répondu, il en fallait ${tally.quorumNeeded} (${tally.quorumPercent} % des ${tally.memberCount} structures membres).`, { id: 'rounds.quorum.reached' });
  }
  const missing = tally.quorumNeeded - tally.answeredCount;
  return isOver
    ? msg(str`Quorum non atteint : ${tally.answeredCount} structures ont répondu, il en fallait ${tally.quorumNeeded} (${tally.quorumPercent} % des ${tally.memberCount} structures membres).`, { id: 'rounds.quorum.missed' })
    : msg(str`Quorum pas encore atteint : ${tally.answeredCount} réponses sur les ${tally.quorumNeeded} nécessaires (${tally.quorumPercent} % des ${tally.memberCount} structures membres) ; encore ${missing}.`, { id: 'rounds.quorum.pending' });
}

/** What consent suggests, for the facilitator. */
export function suggestionWords(tally: RoundTally): string {
  switch (tally.suggestedOutcome) {
    case 'adopted': return msg('Le consentement suggère : adopté (quorum atteint, aucune objection).', { id: 'rounds.suggest.adopted' });
    case 'rework': return msg('Le consentement suggère : à retravailler (au moins une objection).', { id: 'rounds.suggest.rework' });
    case 'not-adopted': return msg('Le consentement suggère : non adopté (quorum non atteint).', { id: 'rounds.suggest.notAdopted' });
    case null: return msg('Pas encore de suggestion : le quorum n’est pas atteint.', { id: 'rounds.suggest.none' });
  }
}
