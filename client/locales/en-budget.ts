/** English translations of the budget pages (see en.ts). */
import { str } from '@lit/localize';

export const budgetTemplates = {
} as const;

void str;
