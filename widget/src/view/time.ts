/** Countdown text, and the coarse milestones a screen reader hears (not every second). */
const pad = (n: number) => String(n).padStart(2, '0');

/** "1d 02:03:04", "02:03:04" or "03:04" for a remaining duration. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  const hms = `${h || d ? pad(h) + ':' : ''}${pad(m)}:${pad(s % 60)}`;
  return d ? `${d}d ${hms}` : hms;
}

type Unit = 'day' | 'hour' | 'minute' | 'second';

/**
 * The milestone a remaining duration falls into: whole days, hours, 5-minute steps under an
 * hour, minutes under 10 minutes, then 30 s and 10 s. The text only changes at a boundary,
 * so a polite live region announces a handful of times, never every second.
 */
export function milestone(ms: number): [number, Unit] {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s > 86400) return [Math.ceil(s / 86400), 'day'];
  if (s > 3600) return [Math.ceil(s / 3600), 'hour'];
  if (s > 600) return [Math.ceil(s / 300) * 5, 'minute'];
  if (s > 60) return [Math.ceil(s / 60), 'minute'];
  if (s > 10) return [s > 30 ? 60 : 30, 'second'];
  return [10, 'second'];
}

export function spanText(ms: number, lang: string): string {
  const [n, unit] = milestone(ms);
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
}

export function dateText(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
