/**
 * NATS subject matching for the in-process bus: tokens split on `.`, `*` matches exactly
 * one token, `>` (last token only) matches one or more remaining tokens.
 */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    const token = p[i];
    if (token === '>') return i === p.length - 1 && s.length > i;
    if (i >= s.length) return false;
    if (token !== '*' && token !== s[i]) return false;
  }
  return p.length === s.length;
}

/** A subject you may publish to: no wildcards, no empty tokens. */
export function isPublishable(subject: string): boolean {
  return subject.split('.').every((t) => t.length > 0 && t !== '*' && t !== '>');
}
