/**
 * Behaviour signals for the bot score: interaction counts on the widget and the time from
 * first render to submit. Counting only; no coordinates or keys are recorded.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { components } from '@fairdrop/sdk/schema';

export type Signals = components['schemas']['Signals'];

const MAX = 1_000_000;

export class SignalsController implements ReactiveController {
  private start = 0;
  private pointer = 0;
  private keys = 0;
  private focus = 0;
  private lastMove = 0;

  constructor(private host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.start = performance.now();
    const h = this.host;
    h.addEventListener('pointerdown', this.onPointer);
    h.addEventListener('pointermove', this.onMove);
    h.addEventListener('keydown', this.onKey);
    h.addEventListener('focusin', this.onFocus);
  }

  hostDisconnected(): void {
    const h = this.host;
    h.removeEventListener('pointerdown', this.onPointer);
    h.removeEventListener('pointermove', this.onMove);
    h.removeEventListener('keydown', this.onKey);
    h.removeEventListener('focusin', this.onFocus);
  }

  snapshot(): Signals {
    return {
      dwellMs: Math.min(86_400_000, Math.round(performance.now() - this.start)),
      pointerEvents: Math.min(MAX, this.pointer),
      keyEvents: Math.min(MAX, this.keys),
      focusChanges: Math.min(MAX, this.focus),
      webdriver: navigator.webdriver === true,
    };
  }

  private onPointer = () => { this.pointer++; };
  /** Moves count at most every 50 ms, so a trace is "some movement", not a firehose. */
  private onMove = (e: Event) => {
    if (e.timeStamp - this.lastMove > 50) { this.lastMove = e.timeStamp; this.pointer++; }
  };
  private onKey = () => { this.keys++; };
  private onFocus = () => { this.focus++; };
}
