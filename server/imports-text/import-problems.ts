/**
 * The French problems of the text import, in one place: the routes, the conversions and the
 * tests speak of the same refusals. Each says what is wrong and what to do.
 */
import type { DomainError } from '../../shared/result';
import { maxImportFileBytes } from '../../shared/rich-text/text-import';

export { maxImportFileBytes };
/** Largest Markdown text converted (bytes): a contract's text is far smaller. */
export const maxMarkdownBytes = 5 * 1024 * 1024;

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} Mo`;

export const importProblems = {
  tooLarge: {
    kind: 'too_large',
    title: 'Le fichier est trop volumineux.',
    detail: `La limite est de ${megabytes(maxImportFileBytes)} par fichier. Retirez les images ou découpez le document.`,
  },
  tooMuchText: {
    kind: 'too_large',
    title: 'Le texte est trop long pour être importé en une fois.',
    detail: `La limite est de ${megabytes(maxMarkdownBytes)} de texte. Découpez le document en plusieurs imports.`,
  },
  empty: { kind: 'invalid', title: 'Le fichier est vide.', detail: 'Choisissez un fichier qui contient du texte.' },
  noText: { kind: 'invalid', title: 'Aucun texte n’a été trouvé dans ce fichier.', detail: 'Vérifiez qu’il s’agit bien du document voulu.' },
  notText: {
    kind: 'invalid',
    title: 'Ce fichier n’est pas un texte Markdown lisible.',
    detail: 'Il contient des données binaires ou n’est pas encodé en UTF-8. Enregistrez-le en texte UTF-8 (.md) ou importez-le en DOCX.',
  },
  notDocx: {
    kind: 'invalid',
    title: 'Ce fichier n’est pas un document Word (DOCX).',
    detail: 'Enregistrez-le au format « Document Word (.docx) » depuis votre traitement de texte, ou importez-le en Markdown.',
  },
  damagedZip: { kind: 'invalid', title: 'Ce document Word est endommagé.', detail: 'Son archive ne peut pas être lue. Ouvrez-le puis enregistrez-le de nouveau.' },
  damagedDocx: { kind: 'invalid', title: 'Ce document Word ne peut pas être lu.', detail: 'Son contenu est endommagé ou incomplet. Ouvrez-le puis enregistrez-le de nouveau.' },
  unsupportedZip: {
    kind: 'invalid',
    title: 'Ce document Word utilise un format d’archive non pris en charge (chiffré ou trop grand).',
    detail: 'Retirez la protection par mot de passe, puis enregistrez-le de nouveau.',
  },
  zipBomb: {
    kind: 'invalid',
    title: 'Ce fichier est refusé : une fois décompressé, il serait anormalement volumineux.',
    detail: 'Il ressemble à une « bombe de décompression ». Si c’est un vrai document, enregistrez-le de nouveau sans les images.',
  },
  unknownFormat: {
    kind: 'invalid',
    title: 'Ce format de fichier n’est pas pris en charge.',
    detail: 'Importez un fichier Markdown (.md, .markdown, .txt) ou un document Word (.docx).',
  },
  previewGone: {
    kind: 'not_found',
    title: 'Cet aperçu n’existe plus.',
    detail: 'Les aperçus sont gardés 15 minutes. Choisissez de nouveau le fichier.',
  },
  headingGone: {
    kind: 'conflict',
    title: 'La section choisie n’existe plus dans le contrat.',
    detail: 'Son titre a changé ou a été supprimé entre-temps. Choisissez une autre position.',
  },
  notEmptyDocument: { kind: 'conflict', title: 'Un document porte déjà ce nom.', detail: 'Choisissez un autre nom pour le nouvel espace de travail.' },
} satisfies Record<string, DomainError>;
