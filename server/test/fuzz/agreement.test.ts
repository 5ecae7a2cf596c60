/**
 * Contract and server agree on every request body (issue 9, item 6). For each operation's request
 * schema, values generated from openapi.yaml and values bent by a hostile mutator are judged twice:
 * by the contract (ajv) and by the server's zod schema. Any difference fails — a rule only the server
 * enforces, or one only the contract states. The only exceptions are cross-field rules JSON Schema
 * cannot say, listed below by name.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { ZodType } from 'zod';
import { openapi, operations, validatorAt } from '../contract.js';
import { arbitraryFor, mutate, placesOf, edges, setAt } from './schema-arbitrary.js';
import * as schemas from '../../src/http/schemas.js';
import * as emailSchemas from '../../src/http/email-schemas.js';

const SEED = 20261201;
/** Request schema (contract) → the server's zod schema. A new request body must be added here. */
const SERVER_SCHEMAS: Record<string, ZodType> = {
  MerchantCreate: schemas.merchantCreate, MerchantUpdate: schemas.merchantUpdate, WebhookEndpointCreate: schemas.webhookCreate,
  LoyaltyUpdate: schemas.loyaltyUpdate, DropCreate: schemas.dropCreate, RegistrationRequest: schemas.registration, PurchaseConfirm: schemas.purchaseConfirm,
  EmailSettingsInput: emailSchemas.emailSettingsInput, WatchRequest: emailSchemas.watchRequest,
};
/** Server-only rules JSON Schema cannot express (zod issue messages). */
const CROSS_FIELD = [/closesAt must be after opensAt/];

const requestSchemas = [...new Set(operations.map((op) => openapi.paths[op.template][op.method.toLowerCase()].requestBody?.content?.['application/json']?.schema?.$ref as string | undefined)
  .filter((r): r is string => !!r).map((r) => r.split('/').pop()!))];

function verdicts(name: string, value: unknown) {
  const contract = validatorAt(`/components/schemas/${name}`)(value) === true;
  const server = SERVER_SCHEMAS[name]!.safeParse(value);
  const crossFieldOnly = !server.success && server.error.issues.every((i) => CROSS_FIELD.some((re) => re.test(i.message)));
  return { contract, server: server.success || crossFieldOnly, issues: server.success ? [] : server.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

describe('contract and server agree on request bodies', () => {
  it('maps every request body of the contract to a server schema', () => {
    expect(requestSchemas.sort()).toEqual(Object.keys(SERVER_SCHEMAS).sort());
  });

  let judged = 0;
  it.each(Object.keys(SERVER_SCHEMAS))('%s: generated and mutated bodies get the same verdict from both', (name) => {
    const valid = arbitraryFor({ $ref: `#/components/schemas/${name}` });
    const sample = fc.oneof({ weight: 1, arbitrary: valid }, { weight: 3, arbitrary: valid.chain((v) => mutate(v, { $ref: `#/components/schemas/${name}` })) });
    fc.assert(fc.property(sample, (value) => {
      judged++;
      const v = verdicts(name, value);
      expect(v.server, `${name} ${JSON.stringify(value)}: contract says ${v.contract ? 'valid' : 'invalid'}, server says ${v.server ? 'valid' : `invalid (${v.issues.join('; ')})`}`).toBe(v.contract);
    }), { seed: SEED, numRuns: 400 });
  });

  it.each(Object.keys(SERVER_SCHEMAS))('%s: every field just inside and just outside its bounds gets the same verdict from both', (name) => {
    const ref = { $ref: `#/components/schemas/${name}` };
    for (const base of fc.sample(arbitraryFor(ref), { seed: SEED, numRuns: 8 })) {
      for (const place of placesOf(base, ref)) {
        for (const leaf of edges(place.schema, place.value)) {
          judged++;
          const value = setAt(base, place.path, leaf);
          const v = verdicts(name, value);
          expect(v.server, `${name} ${place.path.join('.')} = ${JSON.stringify(leaf).slice(0, 60)}: contract says ${v.contract ? 'valid' : 'invalid'}, server says ${v.server ? 'valid' : `invalid (${v.issues.join('; ')})`}`).toBe(v.contract);
        }
      }
    }
  });

  it('reports how much it judged', () => { console.log(`agreement: ${judged} bodies judged by contract and server, seed ${SEED}`); expect(judged).toBeGreaterThan(0); });
});
