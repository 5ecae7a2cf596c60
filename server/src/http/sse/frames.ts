/**
 * SSE wire frames. Each event is serialized once and encoded once per distinct `id`, and
 * the same bytes are written to every connection that should get them.
 * JSON.stringify never emits a raw newline, so `data` is always a single line.
 */
import type { EntryState, PublicDrop } from '../../bus/bus.js';

const encoder = new TextEncoder();

export type StreamEventType = 'drop' | 'entry' | 'heartbeat';

/** The `data` of one event: a JSON StreamEvent. */
export function eventData(type: StreamEventType, serverTime: number, body?: { drop?: PublicDrop; entry?: EntryState }): string {
  return JSON.stringify({ type, serverTime: new Date(serverTime).toISOString(), ...body });
}

/** One complete event. Omit `id` (heartbeats) to leave the client's Last-Event-ID as it was. */
export function frame(event: StreamEventType, data: string, id?: string): Uint8Array {
  return encoder.encode(id === undefined ? `event: ${event}\ndata: ${data}\n\n` : `event: ${event}\nid: ${id}\ndata: ${data}\n\n`);
}

export function retryFrame(ms: number): Uint8Array {
  return encoder.encode(`retry: ${ms}\n\n`);
}
