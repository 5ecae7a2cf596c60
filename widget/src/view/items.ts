/** The merchant's word for the item ("pair|pairs"), else the language's neutral one ("item|items"). */
import type { Ctx } from './context.js';

export function itemWord(c: Pick<Ctx, 'item' | 't'>, n = 1): string {
  const [one, other] = (c.item || c.t.itemName).split('|').map((w) => w.trim());
  return n === 1 ? one! : other || one!;
}

/** `{item}` and `{items}` for message templates. */
export const itemVars = (c: Pick<Ctx, 'item' | 't'>) => ({ item: itemWord(c, 1), items: itemWord(c, 2) });
