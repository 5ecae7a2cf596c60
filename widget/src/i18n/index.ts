/**
 * Localized copy: English is bundled; de, fr, es, ja are separate chunks loaded on demand.
 * `fmt` fills `{name}` placeholders.
 */
import { en, type MessageKey, type Messages } from './en.js';

export type { MessageKey, Messages };
export const LOCALES = ['en', 'de', 'fr', 'es', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Partial<Messages> }>> = {
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  ja: () => import('./ja.js'),
};

/** The best supported locale for a BCP 47 tag ("de-CH" → "de"), else "en". */
export function pickLocale(tag: string | null | undefined): Locale {
  const base = (tag || '').toLowerCase().split(/[-_]/)[0] as Locale;
  return LOCALES.includes(base) ? base : 'en';
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === 'en') return en;
  const mod = await loaders[locale]();
  return { ...en, ...mod.default };
}

export function fmt(template: string, vars: Record<string, string | number> = {}): string {
  return template
    // Plain `{name}` first, so a plural form may hold a placeholder: `{n|{item}|{items}}`.
    .replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))
    // `{n|one|other}`: the first form when n is 1, the second otherwise.
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, k: string, one: string, other: string) => (Number(vars[k]) === 1 ? one : other));
}

export { en };
