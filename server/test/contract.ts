/**
 * The contract check: every response an integration test sees is matched against openapi.yaml
 * (method + path template + status or `default` + content type) and its body validated with the
 * operation's JSON Schema (OpenAPI 3.1 = JSON Schema 2020-12). Operations seen are recorded so
 * a test can prove the suite called every route.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { serverDir } from './harness.js';

type Json = Record<string, any>;
const DOC_ID = 'https://fairdrop.test/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export const openapi: Json = parse(readFileSync(join(serverDir, '..', 'openapi.yaml'), 'utf8'));

// `ajv` and `ajv-formats` are CJS with a default export; unwrap it under ESM interop.
const AjvCtor: typeof Ajv2020.default = (Ajv2020 as any).default ?? Ajv2020;
const ajv = new AjvCtor({ strict: false, allErrors: true });
((addFormats as any).default ?? addFormats)(ajv);
ajv.addSchema(openapi, DOC_ID);

export interface Operation { operationId: string; method: string; template: string; regex: RegExp; responses: Json; params: number }

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export const operations: Operation[] = Object.entries<Json>(openapi.paths).flatMap(([template, item]) =>
  METHODS.filter((m) => item[m]).map((m) => ({
    operationId: item[m].operationId as string,
    method: m.toUpperCase(),
    template,
    regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    responses: item[m].responses,
    params: (template.match(/\{/g) ?? []).length,
  }))).sort((a, b) => a.params - b.params);

/** Operation ids the suite (this process) has called, with the statuses seen. */
export const exercised = new Map<string, Set<number>>();

const validators = new Map<string, ValidateFunction>();
export function validatorAt(pointer: string): ValidateFunction {
  const known = validators.get(pointer);
  if (known) return known;
  const v = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
  validators.set(pointer, v);
  return v;
}

/** The response object (following a `#/components/responses/…` ref) and the JSON pointer to it. */
function responseFor(op: Operation, status: number): { pointer: string; response: Json } | null {
  const key = String(status) in op.responses ? String(status) : `${String(status)[0]}XX` in op.responses ? `${String(status)[0]}XX` : 'default' in op.responses ? 'default' : null;
  if (!key) return null;
  const r = op.responses[key];
  if (r.$ref) {
    const name = String(r.$ref).split('/').pop()!;
    return { pointer: `/components/responses/${escapePointer(name)}`, response: openapi.components.responses[name] };
  }
  return { pointer: `/paths/${escapePointer(op.template)}/${op.method.toLowerCase()}/responses/${escapePointer(key)}`, response: r };
}

export class ContractError extends Error {
  override readonly name = 'ContractError';
}

/** Find the operation for a request; unknown routes return null (they must answer with a problem). */
export function operationFor(method: string, url: string): Operation | null {
  const path = new URL(url, 'http://x').pathname;
  return operations.find((o) => o.method === method.toUpperCase() && o.regex.test(path)) ?? null;
}

/**
 * Throw a ContractError when the response is not what openapi.yaml says: an undocumented status,
 * a content type the operation does not declare, or a body that violates the schema.
 */
export function checkResponse(method: string, url: string, status: number, contentType: string, body: unknown): void {
  const op = operationFor(method, url);
  const where = `${method} ${new URL(url, 'http://x').pathname} → ${status}`;
  if (!op) {
    // An unknown route or method: the only acceptable answer is a problem document.
    if (!contentType.startsWith('application/problem+json')) throw new ContractError(`${where}: undocumented route answered ${contentType || 'no content type'}, not application/problem+json`);
    return validate(`${where} (unknown route)`, '/components/schemas/Problem', body);
  }
  (exercised.get(op.operationId) ?? exercised.set(op.operationId, new Set()).get(op.operationId)!).add(status);
  const found = responseFor(op, status);
  if (!found) throw new ContractError(`${where}: status ${status} is not documented for ${op.operationId} (documented: ${Object.keys(op.responses).join(', ')})`);
  const content: Json | undefined = found.response.content;
  const type = contentType.split(';')[0]!.trim();
  if (!content) {
    if (body !== '' && body !== undefined && body !== null) throw new ContractError(`${where}: ${op.operationId} documents no body, got ${type}`);
    return;
  }
  if (!(type in content)) throw new ContractError(`${where}: content type "${type}" is not documented for ${op.operationId} (documented: ${Object.keys(content).join(', ')})`);
  if (!content[type].schema) return;
  if (type === 'application/x-ndjson') return; // a stream of lines; the test parses them
  validate(`${where} (${op.operationId})`, `${found.pointer}/content/${escapePointer(type)}/schema`, body);
}

function validate(where: string, pointer: string, body: unknown): void {
  const v = validatorAt(pointer);
  if (!v(body)) {
    const errors = (v.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`).join('; ');
    throw new ContractError(`${where}: body violates the contract: ${errors}\nbody: ${JSON.stringify(body).slice(0, 500)}`);
  }
}

/** Validate a webhook body against the contract's `webhooks` section (WebhookEvent). */
export function checkWebhookEvent(body: unknown): void {
  validate('webhook', '/components/schemas/WebhookEvent', body);
}

/** Validate one SSE event's data against StreamEvent. */
export function checkStreamEvent(data: unknown): void {
  validate('SSE event', '/components/schemas/StreamEvent', data);
}

/** Operations that the HTTP suite must call (SSE streams have their own tests). */
export const requiredOperations = (): string[] =>
  operations.filter((o) => !o.responses['200']?.content?.['text/event-stream']).map((o) => o.operationId);
