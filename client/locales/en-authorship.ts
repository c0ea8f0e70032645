/** English translations of the authorship UI: toggle, coloured passages, legend (see en.ts). */
import { str } from '@lit/localize';

export const authorshipTemplates = {
  'authorship.toggle': 'Show authors',
  'authorship.passage.title': str`Written by ${0} — ${1}`,
  'authorship.noStructure': 'No organisation',
  'authorship.oneCharacter': '1 character',
  'authorship.characters': str`${0} characters`,
  'authorship.legend.title': 'Who wrote this text',
  'authorship.legend.none': 'No passage of this text has a known author: it was written before authors were recorded, or by Trame.',
  'authorship.legend.unknown': str`${0} without a known author (written before authors were recorded, or by Trame), left uncoloured.`,
  'authorship.legend.people': 'Show people',
  'authorship.problem': str`The authors could not be loaded: ${0}`,
  'authorship.loading': 'Loading authors…',
};
