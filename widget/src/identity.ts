/** The anonymous shopper id: random, kept in localStorage per drop (memory if storage is blocked). */
const memory = new Map<string, string>();

function randomId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return 'anon_' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function anonymousId(drop: string): string {
  const key = `fairdrop:anon:${drop}`;
  try {
    let id = localStorage.getItem(key);
    if (!id) { id = randomId(); localStorage.setItem(key, id); }
    return id;
  } catch {
    if (!memory.has(key)) memory.set(key, randomId());
    return memory.get(key)!;
  }
}
