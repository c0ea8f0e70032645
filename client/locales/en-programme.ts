/** English translations of the programme pages (see en.ts). */
import { str } from '@lit/localize';

export const programmeTemplates = {
} as const;

void str;
