/** English translations of the comments pages (see en.ts). */
import { str } from '@lit/localize';

export const commentsTemplates = {
} as const;

void str;
