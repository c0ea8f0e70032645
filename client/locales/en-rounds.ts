/** English translations of the rounds pages (see en.ts). */
import { str } from '@lit/localize';

export const roundsTemplates = {
} as const;

void str;
