/**
 * Runtime localisation: French is the source language (every `msg()` default is French), English
 * is loaded on demand. The choice is remembered per browser and mirrored in `<html lang>` so that
 * screen readers pronounce the interface in the right language.
 */
import { configureLocalization } from '@lit/localize';

/** Languages the interface is written in. */
export const supportedLocales = ['fr', 'en'] as const;
export type Locale = (typeof supportedLocales)[number];

const storageKey = 'trame:locale';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'fr',
  targetLocales: ['en'],
  loadLocale: () => import('../locales/en.js'),
});

/** True when `value` names one of the interface languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/** The language currently shown. */
export function currentLocale(): Locale {
  const locale = getLocale();
  return isLocale(locale) ? locale : 'fr';
}

function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : 'fr';
  } catch {
    // Storage can be disabled (privacy settings); French is the documented default.
    return 'fr';
  }
}

/** Switches the interface language, remembers it and updates `<html lang>`. */
export async function changeLocale(locale: Locale): Promise<void> {
  await setLocale(locale);
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembering the language is harmless: the switch itself already happened.
  }
}

/** Applies the remembered language; call once before the first render. */
export async function initLocalization(): Promise<void> {
  const locale = readStoredLocale();
  document.documentElement.lang = locale;
  if (locale !== 'fr') await setLocale(locale);
}
