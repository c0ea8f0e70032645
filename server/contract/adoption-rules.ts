/**
 * When a programme may be adopted: it has action sheets, every financing line is valid, no funder
 * plans more than its share of the envelope (nor plans without a share), and the sheets' total is
 * the envelope's total to the cent. Each unmet rule is one French reason, shown to the
 * coordination as is.
 */
import type { Consolidation } from '../../shared/budget/consolidate';
import { eurosText } from '../../shared/budget/euros';
import type { ProgrammeView } from '../../shared/programme/read';

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('fr-FR')} ${count > 1 ? many : one}`;
}

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1] ?? ''}`;
}

/** Why the programme cannot be adopted yet; empty when it can. */
export function adoptionBlockers({ programme, consolidation }: { programme: ProgrammeView; consolidation: Consolidation }): string[] {
  const reasons: string[] = [];
  if (programme.sheets.size === 0) reasons.push('il ne compte aucune fiche action');
  if (consolidation.invalidLines.length > 0) {
    const numbers = [...new Set(consolidation.invalidLines.map((line) => programme.sheets.get(line.sheetId)?.number ?? '?'))];
    reasons.push(
      `${plural(consolidation.invalidLines.length, 'ligne de financement n’est pas valide', 'lignes de financement ne sont pas valides')} (${numbers.length > 1 ? 'fiches' : 'fiche'} ${listed(numbers)})`,
    );
  }
  for (const warning of consolidation.warnings) {
    if (warning.kind === 'funder-over-share') {
      reasons.push(`la part de ${warning.funder} est dépassée de ${eurosText(warning.plannedCents - warning.shareCents)} (prévu ${eurosText(warning.plannedCents)}, part ${eurosText(warning.shareCents)})`);
    } else if (warning.kind === 'funder-without-share') {
      reasons.push(`« ${warning.funder} » finance ${eurosText(warning.plannedCents)} sans avoir de part dans l’enveloppe`);
    }
  }
  for (const warning of consolidation.warnings) {
    if (warning.kind === 'total-mismatch') {
      reasons.push(`le total des fiches (${eurosText(warning.plannedCents)}) ne correspond pas à l’enveloppe (${eurosText(warning.envelopeCents)})`);
    }
  }
  return reasons;
}

/** The refusal's title: "Le programme ne peut pas être adopté : reason ; reason." */
export function adoptionRefusalTitle(reasons: readonly string[]): string {
  return `Le programme ne peut pas être adopté : ${reasons.join(' ; ')}.`;
}
