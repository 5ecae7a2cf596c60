import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One case of vectors/draw-v1.json (a copy of the shared spec's vectors; see vectors/README.md). */
export interface VectorCase {
  name: string;
  dropId: string;
  secret: string;
  beacon: string;
  inventory: number;
  backupCount: number;
  entries: { entryId: string; weight: number }[];
  expected: {
    commitment: string;
    root: string;
    seed: string;
    entryCount: number;
    totalWeight: number;
    winners: string[];
    backups: string[];
    rejections: number;
    proofSample?: { index: number; entryId: string; path: string[] };
  };
}

export const VECTORS_PATH = fileURLToPath(new URL('./vectors/draw-v1.json', import.meta.url));

export function loadVectors(): VectorCase[] {
  const file = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as { spec: string; cases: VectorCase[] };
  if (file.spec !== 'fairdrop-draw-v1') throw new Error(`unexpected vectors spec ${file.spec}`);
  return file.cases;
}
