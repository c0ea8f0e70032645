/** English translations of the amendments pages (see en.ts). */
import { str } from '@lit/localize';

export const amendmentsTemplates = {
} as const;

void str;
