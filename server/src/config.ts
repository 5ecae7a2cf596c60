/**
 * Configuration: the one place that reads the environment. Defaults suit one machine; see the
 * README's configuration table for every variable.
 */
import { parseProxyTrust, type ProxyTrust } from './core/client-address.js';
import { parseKeyring, type SecretKeyring } from './core/secret-box.js';
import { QUICKNET, chainFromInfo, type DrandChain } from '@fairdrop/sdk/draw';

export type Role = 'all' | 'api' | 'sse' | 'worker';

/** The drand beacon (DRAW-SPEC §4.1): which chain drops commit to, and where rounds are fetched. */
export interface DrandConfig {
  chain: DrandChain;
  /** Relay base URLs, asked together; the first signature that verifies wins. */
  relays: string[];
  timeoutMs: number;
  /** Backoff after a failed fetch: first delay, doubling up to the max. */
  retryMs: number;
  retryMaxMs: number;
}

/** drand's public HTTP relays for quicknet (League of Entropy members and Cloudflare). */
export const DEFAULT_DRAND_RELAYS = ['https://api.drand.sh', 'https://api2.drand.sh', 'https://api3.drand.sh', 'https://drand.cloudflare.com'];

export interface Config {
  role: Role;
  host: string;
  apiPort: number;
  ssePort: number;
  endpointPort: number;
  ingressUrl: string;
  natsUrl: string | undefined;
  serverSecret: string;
  adminToken: string;
  ledgerShards: number;
  /** Proxies trusted for X-Forwarded-For: a hop count or a list of proxy addresses (null: none). */
  trustProxy: ProxyTrust;
  /** Let webhooks go to http and private addresses (development only). */
  webhookAllowPrivate: boolean;
  ratePerSecond: number;
  rateBurst: number;
  merchantRatePerSecond: number;
  merchantRateBurst: number;
  /** Failed authentications per client, refilled over a minute. */
  authFailureBurst: number;
  /** Concurrent event streams per client address (SSE role). */
  streamsPerClient: number;
  fingerprintPro: { secret: string; url: string } | undefined;
  /** Shopper email: background notices per second per merchant, links' base URL. */
  noticeRatePerSecond: number;
  publicUrl: string;
  /** Restate request-identity public keys (`publickeyv1_…`) the worker endpoint accepts; empty: unsigned requests accepted. */
  restateIdentityKeys: string[];
  /** Keys that encrypt merchant secrets at rest; the first encrypts, all decrypt. */
  secretKeys: SecretKeyring;
  drand: DrandConfig;
}

function drandConfig(env: NodeJS.ProcessEnv): DrandConfig {
  let chain = QUICKNET;
  if (env.FAIRDROP_DRAND_CHAIN) {
    try {
      chain = chainFromInfo(JSON.parse(env.FAIRDROP_DRAND_CHAIN));
    } catch (e) {
      throw new Error(`FAIRDROP_DRAND_CHAIN must be a drand chain info JSON (public_key, period, genesis_time, hash, schemeID): ${(e as Error).message}`);
    }
  }
  const relays = (env.FAIRDROP_DRAND_RELAYS ?? DEFAULT_DRAND_RELAYS.join(',')).split(',').map((u) => u.trim()).filter(Boolean);
  for (const r of relays) if (!/^https?:\/\/[^\s]+$/.test(r)) throw new Error(`FAIRDROP_DRAND_RELAYS: "${r}" is not an http(s) URL.`);
  if (relays.length === 0) throw new Error('FAIRDROP_DRAND_RELAYS must name at least one relay.');
  return {
    chain,
    relays: relays.map((r) => r.replace(/\/+$/, '')),
    timeoutMs: int(env.FAIRDROP_DRAND_TIMEOUT_MS, 5000, 'FAIRDROP_DRAND_TIMEOUT_MS', 100),
    retryMs: int(env.FAIRDROP_DRAND_RETRY_MS, 2000, 'FAIRDROP_DRAND_RETRY_MS', 10),
    retryMaxMs: int(env.FAIRDROP_DRAND_RETRY_MAX_MS, 60_000, 'FAIRDROP_DRAND_RETRY_MAX_MS', 10),
  };
}

function int(v: string | undefined, d: number, name: string, min = 0): number {
  if (v === undefined || v === '') return d;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${v}".`);
  return n;
}

function identityKeys(v: string | undefined): string[] {
  const keys = (v ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  for (const k of keys) if (!/^publickeyv1_[1-9A-HJ-NP-Za-km-z]{32,50}$/.test(k)) throw new Error(`FAIRDROP_RESTATE_IDENTITY_KEYS: "${k}" is not a Restate identity key (publickeyv1_…).`);
  return keys;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argvRole?: string): Config {
  const role = (argvRole ?? env.FAIRDROP_ROLE ?? 'all') as Role;
  if (!['all', 'api', 'sse', 'worker'].includes(role)) throw new Error(`Unknown role "${role}": use all, api, sse or worker.`);
  const serverSecret = env.FAIRDROP_SERVER_SECRET ?? '';
  if (serverSecret.length < 32) throw new Error('FAIRDROP_SERVER_SECRET must be set to at least 32 random characters (npm start makes one for you).');
  const shards = int(env.FAIRDROP_LEDGER_SHARDS, 4, 'FAIRDROP_LEDGER_SHARDS', 1);
  if (!(shards >= 1 && shards <= 1296)) throw new Error('FAIRDROP_LEDGER_SHARDS must be 1–1296.');
  const host = env.FAIRDROP_HOST ?? '127.0.0.1';
  const apiPort = int(env.API_PORT, 3003, 'API_PORT');
  return {
    role,
    host,
    apiPort,
    ssePort: int(env.SSE_PORT, 3004, 'SSE_PORT'),
    endpointPort: int(env.RESTATE_ENDPOINT_PORT, 9080, 'RESTATE_ENDPOINT_PORT'),
    ingressUrl: env.RESTATE_INGRESS_URL ?? 'http://127.0.0.1:8080',
    natsUrl: env.NATS_URL || undefined,
    serverSecret,
    adminToken: env.FAIRDROP_ADMIN_TOKEN ?? '',
    ledgerShards: shards,
    trustProxy: parseProxyTrust(env.FAIRDROP_TRUST_PROXY),
    webhookAllowPrivate: env.FAIRDROP_WEBHOOK_ALLOW_PRIVATE === 'true',
    ratePerSecond: int(env.FAIRDROP_RATE_PER_SECOND, 5, 'FAIRDROP_RATE_PER_SECOND', 1),
    rateBurst: int(env.FAIRDROP_RATE_BURST, 20, 'FAIRDROP_RATE_BURST', 1),
    noticeRatePerSecond: int(env.FAIRDROP_NOTICE_RATE, 50, 'FAIRDROP_NOTICE_RATE', 1),
    publicUrl: (env.FAIRDROP_PUBLIC_URL || `http://${host}:${apiPort}`).replace(/\/+$/, ''),
    merchantRatePerSecond: int(env.FAIRDROP_MERCHANT_RATE_PER_SECOND, 50, 'FAIRDROP_MERCHANT_RATE_PER_SECOND', 1),
    merchantRateBurst: int(env.FAIRDROP_MERCHANT_RATE_BURST, 200, 'FAIRDROP_MERCHANT_RATE_BURST', 1),
    authFailureBurst: int(env.FAIRDROP_AUTH_FAILURE_BURST, 30, 'FAIRDROP_AUTH_FAILURE_BURST', 1),
    streamsPerClient: int(env.FAIRDROP_STREAMS_PER_CLIENT, 50, 'FAIRDROP_STREAMS_PER_CLIENT', 1),
    restateIdentityKeys: identityKeys(env.FAIRDROP_RESTATE_IDENTITY_KEYS),
    secretKeys: parseKeyring(env.FAIRDROP_SECRET_KEYS, serverSecret),
    fingerprintPro: env.FINGERPRINT_PRO_SECRET ? { secret: env.FINGERPRINT_PRO_SECRET, url: env.FINGERPRINT_PRO_URL ?? 'https://api.fpjs.io' } : undefined,
    drand: drandConfig(env),
  };
}
