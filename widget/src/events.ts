/** The DOM events `<fair-drop>` dispatches: CustomEvents that bubble and cross shadow roots. */
import type { PublicDrop, PurchaseStart, Receipt } from './types.js';
import type { ErrorCode } from './api.js';

export interface FairDropEventDetails {
  /** The drop loaded for the first time. */
  'fairdrop:ready': { drop: PublicDrop };
  /** The shopper's registration was accepted. */
  'fairdrop:registered': { receipt: Receipt };
  /** The shopper's entry won; `purchaseDeadline` is when the buy window ends. */
  'fairdrop:won': { entryId: string; purchaseDeadline?: string | undefined };
  /** A backup was promoted to winner (a slot was not bought in time). */
  'fairdrop:promoted': { entryId: string; purchaseDeadline?: string | undefined };
  /** The entry was not drawn; credits earned for the next drop. */
  'fairdrop:lost': { entryId: string; rolloverCreditsEarned: number };
  /**
   * The winner pressed "Buy". Cancelable: call `preventDefault()` to run your own checkout
   * with `purchaseToken`; otherwise the widget navigates to `checkoutUrl` (when one is set).
   */
  'fairdrop:purchase': PurchaseStart;
  /** Something failed; `code` is the API problem code, `network` or `pow_unavailable`. */
  'fairdrop:error': { code: ErrorCode; status: number; message: string; retryAfterSeconds?: number | undefined };
}

export type FairDropEventName = keyof FairDropEventDetails;
export type FairDropEvent<K extends FairDropEventName> = CustomEvent<FairDropEventDetails[K]>;

declare global {
  interface HTMLElementEventMap {
    'fairdrop:ready': FairDropEvent<'fairdrop:ready'>;
    'fairdrop:registered': FairDropEvent<'fairdrop:registered'>;
    'fairdrop:won': FairDropEvent<'fairdrop:won'>;
    'fairdrop:promoted': FairDropEvent<'fairdrop:promoted'>;
    'fairdrop:lost': FairDropEvent<'fairdrop:lost'>;
    'fairdrop:purchase': FairDropEvent<'fairdrop:purchase'>;
    'fairdrop:error': FairDropEvent<'fairdrop:error'>;
  }
}

/** Dispatch a typed event; returns false when a listener called preventDefault(). */
export function emit<K extends FairDropEventName>(
  target: EventTarget, name: K, detail: FairDropEventDetails[K], cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
