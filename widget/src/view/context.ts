import type { Messages } from '../i18n/index.js';
import type { ApiError } from '../api.js';
import type { MyEntry, PublicDrop } from '../types.js';
import type { LiveState } from '../controllers/live-controller.js';
import type { EntryCheck } from '../verify.js';
import type { View } from './derive.js';

/** Everything a template needs; built once per render by the element. */
export interface Ctx {
  view: View;
  t: Messages;
  lang: string;
  now: number;
  drop: PublicDrop | undefined;
  me: MyEntry | undefined;
  tickets: number;
  /** Rollover credits the shopper holds that this drop honours. */
  credits: number;
  progress: number;
  error: ApiError | undefined;
  /** Seconds until a rate-limited action may be retried (0 = now). */
  retryIn: number;
  live: LiveState;
  /** The merchant's name for the item, `singular|plural` (the `item-name` attribute). */
  item: string | undefined;
  /** Where "Sign in" goes (the `login-url` attribute). */
  loginUrl: string | undefined;
  /** The drop's browser verification page. */
  verifyUrl: string;
  /** The in-browser check of the shopper's entry against the record: running, done, or failed. */
  checked: EntryCheck | 'pending' | 'failed' | undefined;
  on: {
    fewer: () => void;
    more: () => void;
    register: () => void;
    cancel: () => void;
    buy: () => void;
    retry: () => void;
    shareLocation: () => void;
    check: () => void;
  };
}
