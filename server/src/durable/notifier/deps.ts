/**
 * What the notice handlers need from the outside world, set once by the composition root.
 * Reached only inside ctx.run (or for constants), so replays never repeat a side effect.
 */
export interface NotifierDeps {
  serverSecret: string;
  /** AES-256-GCM key for the sealed SMTP passwords (core/notices/seal.ts). */
  emailKey: Buffer;
  /** Base URL of the API, for the unsubscribe and confirmation links. */
  publicUrl: string;
  /** Background notices per second per merchant unless the merchant sets its own. */
  defaultRate: number;
  /** Development only: SMTP relays on private addresses and without TLS. */
  allowPrivate: boolean;
  log: (msg: string, extra?: Record<string, unknown>) => void;
}

let current: NotifierDeps | undefined;

export function setNotifierDeps(deps: NotifierDeps): void { current = deps; }

export function notifierDeps(): NotifierDeps {
  if (!current) throw new Error('notifier dependencies are not configured: call setNotifierDeps() at start-up');
  return current;
}
