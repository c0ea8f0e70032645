/** Amendments in words, in the interface language: states, targets, signatories. */
import { msg, str } from '@lit/localize';
import type { ProgrammeView } from '../../shared/programme/read';
import type { AmendmentAuthor, AmendmentState, AmendmentTarget } from '../../shared/schemas/amendments';

export function stateWords(state: AmendmentState): string {
  switch (state) {
    case 'draft': return msg('Brouillon', { id: 'amendments.state.draft' });
    case 'submitted': return msg('Déposé', { id: 'amendments.state.submitted' });
    case 'discussion': return msg('En discussion', { id: 'amendments.state.discussion' });
    case 'accepted': return msg('Accepté', { id: 'amendments.state.accepted' });
    case 'rejected': return msg('Rejeté', { id: 'amendments.state.rejected' });
    case 'withdrawn': return msg('Retiré', { id: 'amendments.state.withdrawn' });
  }
}

export function fieldWords(field: 'goals' | 'description' | 'expectedResults'): string {
  switch (field) {
    case 'goals': return msg('Objectifs', { id: 'sheet.goals' });
    case 'description': return msg('Description', { id: 'sheet.description' });
    case 'expectedResults': return msg('Résultats attendus', { id: 'sheet.expectedResults' });
  }
}

/** What the amendment changes, in a few words ("Section « … »", "Fiche 2.1 — Objectifs"). */
export function targetWords(target: AmendmentTarget, programme: ProgrammeView | null): string {
  if (target.kind === 'section') return msg(str`Section « ${target.heading} »`, { id: 'amendments.target.section' });
  const sheets = programme === null ? [] : [...programme.axes.flatMap((axis) => axis.sheets), ...programme.orphans];
  if (target.kind === 'sheet-field') {
    const sheet = sheets.find((candidate) => candidate.id === target.sheetId);
    const name = sheet === undefined ? msg('fiche supprimée', { id: 'amendments.target.deletedSheet' }) : msg(str`Fiche ${sheet.number}`, { id: 'sheet.number' });
    return `${name} — ${fieldWords(target.field)}`;
  }
  const axis = programme?.axes.find((candidate) => candidate.id === target.axisId);
  return axis === undefined
    ? msg('Nouvelle fiche (axe supprimé)', { id: 'amendments.target.newSheetNoAxis' })
    : msg(str`Nouvelle fiche dans l’axe ${axis.number}`, { id: 'amendments.target.newSheet' });
}

/** "Sophie Lambert (SCOP …)" */
export function signatoryWords(author: AmendmentAuthor): string {
  return author.structureName === null ? author.name : `${author.name} (${author.structureName})`;
}
