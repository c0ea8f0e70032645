/**
 * The client's check of a new password, typed twice: the same length rules as the server's
 * `passwordSchema` (shared/schemas/people.ts), in the interface language, before anything is sent.
 */
import { msg } from '@lit/localize';

/** Shortest and longest password the server accepts. */
export const passwordLength = { min: 10, max: 200 } as const;

/** Messages for the two fields, keyed by field name; empty when both are fine. */
export function checkNewPassword(password: string, confirmation: string, names = { password: 'password', confirmation: 'confirmation' }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (password.length < passwordLength.min) {
    errors[names.password] = msg('Choisissez un mot de passe d’au moins 10 caractères (une phrase facile à retenir convient très bien).', { id: 'password.tooShort' });
  } else if (password.length > passwordLength.max) {
    errors[names.password] = msg('Ce mot de passe est trop long (200 caractères au plus).', { id: 'password.tooLong' });
  } else if (confirmation !== password) {
    errors[names.confirmation] = msg('Les deux mots de passe ne sont pas identiques. Tapez-le à nouveau.', { id: 'password.mismatch' });
  }
  return errors;
}

/** The hint under a new password field. */
export function newPasswordHint(): string {
  return msg('Au moins 10 caractères.', { id: 'password.hint' });
}
