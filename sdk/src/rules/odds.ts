/**
 * Chance that an entry of weight w is among `winners` picks when the pool weighs W in total,
 * if the pool stayed as it is: 1 − (1 − w/W)^winners, a close estimate of weighted sampling
 * without replacement for w ≪ W, and exactly 1 when everyone wins.
 * @example oddsEstimate(1, 100, 10, 100) // ≈ 0.096
 */
export function oddsEstimate(weight: number, totalWeight: number, winners: number, entryCount: number): number {
  if (weight <= 0 || winners <= 0) return 0;
  if (entryCount <= winners || totalWeight <= weight) return 1;
  const p = 1 - Math.pow(1 - weight / totalWeight, winners);
  return Math.min(1, Math.max(0, p));
}

/**
 * The estimate before entering: `tickets` more in a pool that already holds `poolTickets`
 * tickets from `entries` shoppers (the public counts).
 */
export function oddsIfEntering(tickets: number, poolTickets: number, entries: number, winners: number): number {
  return oddsEstimate(tickets, poolTickets + tickets, winners, entries + 1);
}
