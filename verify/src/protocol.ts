/** Messages between the page and its verification worker. */
import type { CheckOutcome } from '@fairdrop/sdk/draw';

export type ToWorker =
  | { type: 'verify'; recordUrl: string; snapshotUrl: string; chainInfo?: unknown }
  | { type: 'proof'; entryId: string };

export interface DrawFacts {
  dropId: string;
  entryCount: number;
  totalWeight: number;
  winners: number;
  backups: number;
  root: string;
  commitment: string;
  seed?: string;
  beaconSource: string | null;
  beaconRound?: number;
  chainName?: string;
  closesAt?: string;
}

export type FromWorker =
  | { type: 'progress'; stage: 'record' | 'snapshot' | 'compute'; done: number; total: number }
  | { type: 'result'; ok: boolean; checks: CheckOutcome[]; facts: DrawFacts; ms: number; blsMs: number; parseMs: number; computeMs: number }
  | { type: 'error'; stage: 'record' | 'snapshot' | 'compute'; message: string }
  | { type: 'proof'; entryId: string; found: false }
  | { type: 'proof'; entryId: string; found: true; index: number; size: number; weight: number; pathLength: number; valid: boolean; outcome: 'winner' | 'backup' | 'not_selected'; position?: number };
