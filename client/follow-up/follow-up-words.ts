/**
 * Words of the follow-up pages in the interface language: realisation statuses, assessments,
 * lateness, and days written the French way whatever the language ("31 décembre 2011").
 */
import { msg, str } from '@lit/localize';
import type { LateKind } from '../../shared/follow-up/dashboard';
import type { Assessment, RealisationStatus } from '../../shared/schemas/follow-up';

/** The name of a realisation status. */
export function statusName(status: RealisationStatus): string {
  switch (status) {
    case 'not-started':
      return msg('Non commencée', { id: 'followUp.status.notStarted' });
    case 'in-progress':
      return msg('En cours', { id: 'followUp.status.inProgress' });
    case 'done':
      return msg('Réalisée', { id: 'followUp.status.done' });
    case 'abandoned':
      return msg('Abandonnée', { id: 'followUp.status.abandoned' });
  }
}

/** The name of an assessment of the steering committee. */
export function assessmentName(assessment: Assessment): string {
  switch (assessment) {
    case 'satisfactory':
      return msg('Satisfaisante', { id: 'followUp.assessment.satisfactory' });
    case 'to-watch':
      return msg('À surveiller', { id: 'followUp.assessment.toWatch' });
    case 'unsatisfactory':
      return msg('Insuffisante', { id: 'followUp.assessment.unsatisfactory' });
  }
}

/** How late an action is, in words. */
export function lateText(kind: LateKind, daysLate: number): string {
  if (kind === 'end-passed') {
    return daysLate === 1 ? msg('En retard d’un jour', { id: 'followUp.late.end.one' }) : msg(str`En retard de ${daysLate.toLocaleString('fr-FR')} jours`, { id: 'followUp.late.end' });
  }
  return daysLate === 1
    ? msg('Devait commencer hier', { id: 'followUp.late.start.one' })
    : msg(str`Devait commencer il y a ${daysLate.toLocaleString('fr-FR')} jours`, { id: 'followUp.late.start' });
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** A calendar day (YYYY-MM-DD) as read in France, without any time-zone shift: "31 décembre 2011". */
export function formatDay(day: string | null): string {
  if (day === null) return '—';
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined || Number.isNaN(year + month + date)) return day;
  return dayFormat.format(new Date(Date.UTC(year, month - 1, date)));
}

/** Today in the person's time zone, as YYYY-MM-DD (the default date of the forms, the dashboard's "today"). */
export function todayIso(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A number the French way ("12,5"), or a dash for none. */
export function formatNumber(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('fr-FR', { maximumFractionDigits: 4 });
}
