/**
 * Print the Restate request-identity public key (`publickeyv1_…`) of an Ed25519 PEM key, for
 * FAIRDROP_RESTATE_IDENTITY_KEYS: `npm run identity-key -w @fairdrop/server -- secrets/restate-identity.pem`.
 */
import { readFileSync } from 'node:fs';
import { identityKeyOf } from '../src/core/request-identity.js';

const file = process.argv[2];
if (!file) { console.error('usage: identity-key <ed25519-private-key.pem>'); process.exit(2); }
console.log(identityKeyOf(readFileSync(file, 'utf8')));
