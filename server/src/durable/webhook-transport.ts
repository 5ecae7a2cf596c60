/**
 * Webhook delivery transport. The host is resolved once; every address must be public (outside
 * development); the request then connects to the checked address itself (node's `lookup` hook), so
 * DNS rebinding between the check and the connection cannot redirect it. TLS still verifies the
 * certificate against the URL's host name (SNI and Host are the name, not the address). Redirects are
 * never followed: a 3xx is a failed attempt.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { isPublicAddress, parseAddress, webhookUrlProblem } from '../core/net.js';

export interface Resolved { address: string; family: 4 | 6 }
export interface TransportOptions {
  /** Development only: http and private destinations allowed. */
  allowPrivate: boolean;
  /** Resolve a host name to every address (injectable for tests). */
  resolve?: (host: string) => Promise<Resolved[]>;
  timeoutMs?: number;
  /** Extra trusted CA certificates (tests with a local https receiver). */
  ca?: string | Buffer;
}
export interface DeliveryResult { ok: boolean; status: number; location?: string }

/** A delivery that will not succeed by retrying (refused destination). */
export class DestinationRefused extends Error { override readonly name = 'DestinationRefused'; }

const systemResolve = async (host: string): Promise<Resolved[]> =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** Resolve once and pick the address to connect to, refusing any name with a non-public address. */
export async function pinDestination(url: URL, opts: TransportOptions): Promise<Resolved> {
  const problem = webhookUrlProblem(url.href, opts.allowPrivate);
  if (problem) throw new DestinationRefused(`webhook URL refused: ${problem}`);
  const literal = parseAddress(url.hostname);
  const addresses = literal ? [{ address: literal.toString(), family: (literal.kind() === 'ipv6' ? 6 : 4) as 4 | 6 }] : await (opts.resolve ?? systemResolve)(url.hostname);
  if (addresses.length === 0) throw new Error(`webhook host ${url.hostname} did not resolve`);
  if (!opts.allowPrivate && addresses.some((a) => !isPublicAddress(a.address))) {
    throw new DestinationRefused(`webhook host ${url.hostname} resolves to a non-public address; not delivered`);
  }
  return addresses[0]!;
}

/** POST `body` to `url`, connected to the pinned address; never follows redirects. */
export async function postWebhook(urlText: string, body: string, headers: Record<string, string>, opts: TransportOptions): Promise<DeliveryResult> {
  const url = new URL(urlText);
  const pinned = await pinDestination(url, opts);
  const lookup: LookupFunction = (_host, options, cb) => {
    if ((options as { all?: boolean }).all) (cb as unknown as (e: null, a: Resolved[]) => void)(null, [pinned]);
    else cb(null, pinned.address, pinned.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<DeliveryResult>((resolve, reject) => {
    const req = send(url, {
      method: 'POST', lookup, timeout: opts.timeoutMs ?? 10_000, ...(opts.ca ? { ca: opts.ca } : {}),
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    }, (res) => {
      res.resume(); // the body is not needed; drain it so the socket closes
      const status = res.statusCode ?? 0;
      const location = typeof res.headers.location === 'string' ? res.headers.location : undefined;
      res.once('end', () => resolve({ ok: status >= 200 && status < 300, status, ...(location ? { location } : {}) }));
      res.once('error', reject);
    });
    req.once('timeout', () => req.destroy(new Error(`webhook endpoint did not answer within ${opts.timeoutMs ?? 10_000} ms`)));
    req.once('error', reject);
    req.end(body);
  });
}
