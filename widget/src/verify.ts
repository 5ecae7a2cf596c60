/**
 * A readable check of one entry against the published draw, run in the shopper's browser:
 * the inclusion proof is verified against the record's Merkle root (DRAW-SPEC), so the
 * shopper sees that their entry was in the draw and where it landed. Loaded on demand.
 */
import { verifyInclusion } from '@fairdrop/sdk/draw';
import type { Api } from './api.js';

export interface EntryCheck {
  /** The proof checks out against the record's root and entry count. */
  included: boolean;
  entryCount: number;
  root: string;
  commitment: string;
  weight: number;
  /** 0-based place among the winners, or -1. */
  winnerIndex: number;
  /** 0-based place among the backups, or -1. */
  backupIndex: number;
}

export async function checkEntry(api: Api, entryId: string): Promise<EntryCheck> {
  const [record, proof] = await Promise.all([api.record(), api.proof(entryId)]);
  const included = proof.entryId === entryId && proof.root === record.root && verifyInclusion(proof, record.root, record.entryCount);
  return {
    included, entryCount: record.entryCount, root: record.root, commitment: record.commitment, weight: proof.weight,
    winnerIndex: record.winners.indexOf(entryId), backupIndex: record.backups.indexOf(entryId),
  };
}
