import { sha256 } from '#sha256';
import { asciiBytes, concatBytes, u16be } from './bytes.js';

/** The spec identifier, also the seed's domain-separation prefix. */
export const SPEC_ID = 'fairdrop-draw-v1';

/** 1. `commitment = H(secret)`, published before registration opens. */
export function commitmentOf(secret: Uint8Array): Uint8Array {
  return sha256(secret);
}

/**
 * 4. `seed = H("fairdrop-draw-v1" || 0x00 || u16be(len(dropId)) || dropId || secret || root || beacon)`.
 * `dropId` is validated ASCII, so its UTF-8 bytes are its char codes.
 */
export function seedOf(dropId: string, secret: Uint8Array, root: Uint8Array, beacon: Uint8Array): Uint8Array {
  const id = asciiBytes(dropId);
  return sha256(concatBytes(asciiBytes(SPEC_ID), Uint8Array.of(0), u16be(id.length), id, secret, root, beacon));
}
