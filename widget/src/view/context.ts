import type { Messages } from '../i18n/index.js';
import type { ApiError } from '../api.js';
import type { MyEntry, PublicDrop } from '../types.js';
import type { LiveState } from '../controllers/live-controller.js';
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
  progress: number;
  error: ApiError | undefined;
  /** Seconds until a rate-limited action may be retried (0 = now). */
  retryIn: number;
  live: LiveState;
  verifyUrl: (entryId: string) => string;
  on: {
    fewer: () => void;
    more: () => void;
    register: () => void;
    cancel: () => void;
    buy: () => void;
    retry: () => void;
    shareLocation: () => void;
  };
}
