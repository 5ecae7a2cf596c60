/** Which screen to show, as a pure function of what the widget knows. */
import type { MyEntry, PublicDrop } from '../types.js';

export const VIEWS = [
  'loading', 'unavailable', 'scheduled', 'open', 'signin', 'solving', 'sending', 'registered',
  'drawing', 'missed', 'won', 'promoted', 'purchased', 'backup', 'lost', 'expired', 'completed',
  'cancelled',
] as const;
export type View = (typeof VIEWS)[number];
export type Busy = 'solving' | 'sending' | 'buying' | null;

export interface ViewInput {
  drop?: PublicDrop | undefined;
  me?: MyEntry | undefined;
  busy?: Busy;
  /** The drop could not be loaded at all (not found, origin not allowed, …). */
  fatal?: boolean;
  /** A shopper token or an anonymous id is available. */
  identified: boolean;
}

export function deriveView({ drop, me, busy, fatal, identified }: ViewInput): View {
  if (!drop) return fatal ? 'unavailable' : 'loading';
  if (drop.phase === 'cancelled') return 'cancelled';
  const status = me?.status;
  if (status === 'won' || status === 'promoted' || status === 'purchased' || status === 'backup' ||
      status === 'lost' || status === 'expired') return status;
  if (busy === 'solving' || busy === 'sending') return busy;
  const registered = !!(me?.registered || me?.receipt);
  switch (drop.phase) {
    case 'scheduled':
      return 'scheduled';
    case 'registration':
      if (registered) return 'registered';
      return identified || drop.allowAnonymous ? 'open' : 'signin';
    case 'closed':
      return registered ? 'drawing' : 'missed';
    case 'purchase':
      return registered ? 'drawing' : 'missed';
    default:
      return 'completed';
  }
}

/** Views with a screen-reader-worthy change of outcome, for focus and events. */
export const OUTCOMES: ReadonlySet<View> = new Set(['won', 'promoted', 'lost', 'expired', 'backup', 'purchased']);
