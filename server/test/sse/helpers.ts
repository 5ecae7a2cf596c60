/** Shared fixtures for the SSE tests: a drop factory, stub deps and an SSE reader. */
import type { Bus, EntryState, PublicDrop } from '../../src/bus/bus.js';
import type { EntrySnapshot, SseDeps } from '../../src/http/sse/deps.js';
import { FairdropError } from '../../src/core/errors.js';

export const ORIGIN = 'https://shop.example';
export const KEY = 'pk_test_ok';

export function makeDrop(id: string, version: number, patch: Partial<PublicDrop> = {}): PublicDrop {
  return {
    id,
    name: `Drop ${id}`,
    phase: 'registration',
    version,
    inventory: 10,
    opensAt: '2026-01-01T00:00:00.000Z',
    closesAt: '2026-01-01T01:00:00.000Z',
    purchaseWindowSeconds: 600,
    maxTickets: 5,
    pricing: [],
    commitment: '0'.repeat(64),
    allowAnonymous: true,
    counts: { entries: version, tickets: version },
    serverTime: '2026-01-01T00:00:00.000Z',
    ...patch,
  };
}

export interface StubState {
  drops: Map<string, { merchantId: string; drop: PublicDrop }>;
  /** anonymousId → entry */
  entries: Map<string, EntrySnapshot>;
}

export function stubDeps(bus: Bus, patch: Partial<SseDeps> = {}): SseDeps & { state: StubState } {
  const state: StubState = { drops: new Map(), entries: new Map() };
  return {
    state,
    bus,
    now: () => Date.now(),
    async getDrop(dropId) {
      return state.drops.get(dropId) ?? null;
    },
    async activeDrops(merchantId) {
      return [...state.drops.values()].filter((d) => d.merchantId === merchantId).map((d) => d.drop);
    },
    async authPublishable(key, origin) {
      if (key === KEY && origin === ORIGIN) return { merchantId: 'm1' };
      if (key === 'pk_test_other' && origin === ORIGIN) return { merchantId: 'm2' };
      throw new FairdropError('unauthorized', 'Unknown publishable key.');
    },
    async shopperEntry(_dropId, _merchantId, who) {
      if (who.shopperToken === 'bad') throw new FairdropError('shopper_token_invalid', 'Bad token.');
      const entry = who.anonymousId ? state.entries.get(who.anonymousId) : undefined;
      return entry ? { entryId: entry.entryId, state: async () => state.entries.get(who.anonymousId!) ?? null } : null;
    },
    onError: () => {},
    ...patch,
  };
}

export const entry = (entryId: string, status: EntryState['status']): EntryState => ({ entryId, status });

export interface SseEvent {
  event?: string;
  id?: string;
  retry?: number;
  data?: string;
  json?: { type: string; serverTime: string; drop?: PublicDrop; entry?: EntryState };
}

/** Reads events from a streaming Response; every wait is bounded. */
export class EventReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = '';
  #queue: SseEvent[] = [];
  #pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;

  constructor(res: Response) {
    if (!res.body) throw new Error('The response has no body.');
    this.#reader = res.body.getReader();
  }

  /** The next event with an `event:` field (retry-only frames are skipped). */
  async next(timeoutMs = 2000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ev = this.#queue.shift();
      if (ev) {
        if (ev.event) return ev;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No SSE event within ${timeoutMs} ms.`);
      await this.#pull(left);
    }
  }

  /** Events (heartbeats skipped unless asked) arriving within `ms`. */
  async collect(ms: number, withHeartbeats = false): Promise<SseEvent[]> {
    const out: SseEvent[] = [];
    const end = Date.now() + ms;
    for (;;) {
      const left = end - Date.now();
      if (left <= 0) return out;
      const ev = await this.next(left).catch(() => null);
      if (ev && (withHeartbeats || ev.event !== 'heartbeat')) out.push(ev);
    }
  }

  /** The first event (not a heartbeat) of a kind, skipping heartbeats. */
  async nextOf(event: string, timeoutMs = 2000): Promise<SseEvent> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const ev = await this.next(Math.max(1, end - Date.now()));
      if (ev.event === event) return ev;
      if (ev.event !== 'heartbeat') throw new Error(`Expected "${event}", got "${ev.event}" (${ev.data}).`);
    }
  }

  async close(): Promise<void> {
    await this.#reader.cancel().catch(() => {});
  }

  async #pull(timeoutMs: number): Promise<void> {
    this.#pending ??= this.#reader.read();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((r) => (timer = setTimeout(() => r(null), timeoutMs)));
    const result = await Promise.race([this.#pending, timeout]);
    clearTimeout(timer);
    if (!result) return;
    this.#pending = null;
    if (result.done) throw new Error('The stream ended.');
    this.#buffer += this.#decoder.decode(result.value, { stream: true });
    this.#parse();
  }

  #parse(): void {
    let end: number;
    while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      this.#queue.push(parseBlock(block));
    }
  }
}

function parseBlock(block: string): SseEvent {
  const ev: SseEvent = {};
  for (const line of block.split('\n')) {
    const i = line.indexOf(': ');
    const [field, value] = i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 2)];
    if (field === 'event') ev.event = value;
    else if (field === 'id') ev.id = value;
    else if (field === 'retry') ev.retry = Number(value);
    else if (field === 'data') ev.data = value;
  }
  if (ev.data) ev.json = JSON.parse(ev.data) as SseEvent['json'];
  return ev;
}

/** Resolve when `check` passes, polling; fails after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Condition not met within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
