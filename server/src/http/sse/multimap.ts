/** Map of Sets helpers; empty sets are removed so idle keys cost nothing. */
export function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/** Returns whether the key still has values. */
export function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): boolean {
  const set = map.get(key);
  if (!set) return false;
  set.delete(value);
  if (set.size > 0) return true;
  map.delete(key);
  return false;
}
