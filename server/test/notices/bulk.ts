/**
 * Seeding a big drop for the fan-out test and bench: the ledger's own register handler through
 * the ingress (the handler the API's group commit calls, so the same state and the same batched
 * `entered` send), with a contact per entry. The bench and the test play the API here.
 */
import { shardOf, entryIdFor, ledgerKey } from '../../src/core/ids.js';
import type { RegisterItem, RegisterResult } from '../../src/core/model.js';
import { SECRET } from '../harness.js';

const BATCH = 250;

export async function seedWithContacts(ingress: string, merchantId: string, drop: { id: string; opensAt: string; closesAt: string }, n: number, shards: number, email = (i: number) => `s${i}@bulk.example`): Promise<Map<string, string>> {
  const byShard = new Map<number, RegisterItem[]>();
  const emails = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const shopperId = `c_bulk-${i}`;
    const shard = shardOf(merchantId, shopperId, shards);
    const entryId = entryIdFor(SECRET, drop.id, shopperId, shard);
    emails.set(entryId, email(i));
    const item: RegisterItem = {
      dropId: drop.id, shopperId, entryId, tickets: 1, geoMultiplier: 1, trustScore: 80,
      opensAt: Date.parse(drop.opensAt), closesAt: Date.parse(drop.closesAt), loyaltyMultipliers: {}, rollover: { enabled: true, cap: 10 }, unitAmount: 0,
      contact: { email: email(i), locale: 'en', timeZone: 'UTC', vouched: true, customerId: `bulk-${i}` },
    };
    byShard.set(shard, [...(byShard.get(shard) ?? []), item]);
  }
  await Promise.all([...byShard].map(async ([shard, items]) => {
    for (let i = 0; i < items.length; i += BATCH) {
      const res = await fetch(`${ingress}/ledger/${encodeURIComponent(ledgerKey(merchantId, shard))}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(items.slice(i, i + BATCH)) });
      if (!res.ok) throw new Error(`seed: ${res.status} ${await res.text()}`);
      for (const r of (await res.json()) as RegisterResult[]) if (!r.ok) throw new Error(`seed refused: ${r.code}`);
    }
  }));
  return emails;
}

/** The notice kind from a deterministic Message-ID `<drop.entry.kind@domain>`. */
export const kindOf = (messageId: string) => /\.([a-z_]+)@/.exec(messageId)?.[1] ?? '';
