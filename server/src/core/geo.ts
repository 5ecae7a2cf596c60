/** Geo-fence checks: great-circle distance on a sphere (haversine), integer multipliers. */
import type { components } from '@fairdrop/sdk/schema';

/** The contract's geo-fence (bonusMultiplier is always present after validation; default 2). */
export type GeoFence = components['schemas']['GeoFence'];
export interface Point { lat: number; lon: number }

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Distance in km between two points. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type GeoVerdict =
  | { allowed: true; multiplier: number; inside: boolean | null }
  | { allowed: false; reason: 'location_required' | 'geo_blocked' };

/**
 * Decide registration under a geo-fence. No fence: multiplier 1. `exclusive`: a location inside
 * is required. `bonus`: inside multiplies the weight; outside or unknown counts 1.
 */
export function geoVerdict(fence: GeoFence | undefined, where: Point | undefined): GeoVerdict {
  if (!fence) return { allowed: true, multiplier: 1, inside: null };
  const inside = where ? distanceKm(fence.center, where) <= fence.radiusKm : null;
  if (fence.mode === 'exclusive') {
    if (inside === null) return { allowed: false, reason: 'location_required' };
    return inside ? { allowed: true, multiplier: 1, inside } : { allowed: false, reason: 'geo_blocked' };
  }
  return { allowed: true, multiplier: inside ? fence.bonusMultiplier : 1, inside };
}
