/**
 * The event bus, one interface, two transports.
 * @example
 * const bus = await createBus(process.env.NATS_URL); // NATS when set, in-process otherwise
 * const off = bus.subscribe(subjects.all, (event) => …);
 */
import type { Bus } from './bus.js';
import { MemoryBus } from './memory.js';
import { NatsBus } from './nats.js';

export * from './bus.js';
export { MemoryBus } from './memory.js';
export { NatsBus } from './nats.js';

/** NATS when `natsUrl` is a non-empty string, otherwise the in-process bus. */
export async function createBus(natsUrl?: string): Promise<Bus> {
  return natsUrl ? NatsBus.connect(natsUrl) : new MemoryBus();
}
