/**
 * What the notice handlers need from the outside world, set once by the composition root.
 * Reached only inside ctx.run (or for constants), so replays never repeat a side effect.
 */
import type { SecretKeyring } from '../../core/secret-box.js';

export interface NotifierDeps {
  serverSecret: string;
  /** The keyring that seals merchant secrets at rest, SMTP passwords among them (core/secret-box.ts). */
  secretKeys: SecretKeyring;
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
