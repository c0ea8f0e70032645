/**
 * The budget's findings as plain sentences: each warning of the consolidation and each reason a
 * line is left out of the totals. Amounts are written exactly (fr-FR, cents only when needed), so
 * that a sentence alone tells what is wrong and by how much, without relying on colour.
 */
import { msg, str } from '@lit/localize';
import type { BudgetWarning, InvalidLineReason } from '../../shared/budget/consolidate';
import { formatExactEuros } from '../i18n/format';

/** One warning as a sentence. */
export function describeWarning(warning: BudgetWarning): string {
  switch (warning.kind) {
    case 'funder-over-share': {
      const [planned, excess, share] = [formatExactEuros(warning.plannedCents), formatExactEuros(warning.plannedCents - warning.shareCents), formatExactEuros(warning.shareCents)];
      return msg(str`Le financeur « ${warning.funder} » est engagé pour ${planned}, soit ${excess} de plus que sa part de ${share}.`, { id: 'budget.warning.overShare' });
    }
    case 'funder-without-share':
      return msg(str`Le financeur « ${warning.funder} » est engagé pour ${formatExactEuros(warning.plannedCents)}, mais n’a pas de part dans l’enveloppe : ajoutez sa part, ou corrigez son nom dans les fiches.`, {
        id: 'budget.warning.withoutShare',
      });
    case 'total-mismatch': {
      const [planned, envelope, gap] = [formatExactEuros(warning.plannedCents), formatExactEuros(warning.envelopeCents), formatExactEuros(Math.abs(warning.envelopeCents - warning.plannedCents))];
      return warning.plannedCents < warning.envelopeCents
        ? msg(str`Le total des fiches (${planned}) ne correspond pas à l’enveloppe (${envelope}) : il manque ${gap}.`, { id: 'budget.warning.totalBelow' })
        : msg(str`Le total des fiches (${planned}) ne correspond pas à l’enveloppe (${envelope}) : il dépasse de ${gap}.`, { id: 'budget.warning.totalAbove' });
    }
  }
}

/** Why a line is left out of the totals (the words of `lineProblemMessages`, translated). */
export function describeInvalidReason(reason: InvalidLineReason): string {
  switch (reason) {
    case 'amount-not-integer':
      return msg('Le montant n’est pas un nombre de centimes : la ligne est exclue des totaux.', { id: 'budget.invalid.amountNotInteger' });
    case 'amount-negative':
      return msg('Le montant est négatif : la ligne est exclue des totaux.', { id: 'budget.invalid.amountNegative' });
    case 'amount-too-large':
      return msg('Le montant dépasse 10 milliards d’euros : la ligne est exclue des totaux.', { id: 'budget.invalid.amountTooLarge' });
    case 'funder-missing':
      return msg('Le financeur manque : la ligne est exclue des totaux.', { id: 'budget.invalid.funderMissing' });
    case 'year-invalid':
      return msg('L’année manque ou n’est pas valide : la ligne est exclue des totaux.', { id: 'budget.invalid.yearInvalid' });
  }
}

/** "1 ligne est exclue des totaux" / "3 lignes sont exclues des totaux". */
export function describeExcludedCount(count: number): string {
  return count === 1 ? msg('1 ligne est exclue des totaux', { id: 'budget.invalid.countOne' }) : msg(str`${count} lignes sont exclues des totaux`, { id: 'budget.invalid.count' });
}
