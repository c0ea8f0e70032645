/**
 * Amounts in French sentences built outside the browser's interface (validation messages of the
 * shared schemas, the server's refusals): integer cents written as fr-FR euros, exactly.
 */
const wholeEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const eurosAndCents = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `760250000` → "7 602 500 €"; `1250050` → "12 500,50 €" (never rounded). */
export function eurosText(cents: number): string {
  return Number.isInteger(cents / 100) ? wholeEuros.format(cents / 100) : eurosAndCents.format(cents / 100);
}
