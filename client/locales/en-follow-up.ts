/** English translations of the follow-up pages (see en.ts). */
import { str } from '@lit/localize';

export const followUpTemplates = {
} as const;

void str;
