/// <reference lib="webworker" />
/**
 * The proof-of-work worker: a Comlink-exposed `searchChunk`. The pool hands each worker
 * disjoint nonce chunks, so cancelling is simply "stop handing out chunks".
 */
import { expose } from 'comlink';
import { prefixState, searchRange } from './sha256-midstate.js';

let lastPrefix = '';
let mid: Int32Array | null = null;

export const powWorkerApi = {
  /** Search `count` nonces from `start`; returns the nonce or -1. */
  searchChunk(prefix: string, difficulty: number, start: number, count: number): number {
    if (prefix !== lastPrefix || !mid) { mid = prefixState(prefix); lastPrefix = prefix; }
    return searchRange(mid, difficulty, start, count);
  },
};
export type PowWorkerApi = typeof powWorkerApi;

expose(powWorkerApi);
