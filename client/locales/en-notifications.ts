/** English translations of the notifications pages (see en.ts). */
import { str } from '@lit/localize';

export const notificationsTemplates = {
} as const;

void str;
