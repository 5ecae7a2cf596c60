/**
 * A drand-compatible HTTP relay for tests: its own chain (a key pair made with @noble/curves,
 * scheme bls-unchained-g1-rfc9380), rounds signed on demand once their time has come, served at
 * drand's paths (`/{chainHash}/info`, `/{chainHash}/public/{round}`). It can serve wrong
 * signatures, or be stopped and started again on the same port (a relay that is down).
 */
import { createServer, type Server } from 'node:http';
import { chainInfoOf, roundAt, roundTime, type DrandChain } from '@fairdrop/sdk/draw';
import { testChain } from '../../sdk/test/beacon-fixture.js';
import { freePort } from './harness.js';

export interface TestSigner { chain: DrandChain; sign(round: number): string }

/** A fresh private chain whose genesis was a few seconds ago, one round per `period` seconds. */
export const testSigner = (period = 1): TestSigner => testChain(Math.floor(Date.now() / 1000) - 5, period);

export interface TestRelay {
  url: string;
  /** 'ok' serves genuine signatures; 'wrong' serves the next round's signature as this round's. */
  mode: 'ok' | 'wrong';
  /** Requests for rounds answered (any mode). */
  served: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The env a Fairdrop process needs to use these relays (with fast retries for tests). */
export function drandEnv(signer: TestSigner, relayUrls: string[]): Record<string, string> {
  return {
    FAIRDROP_DRAND_CHAIN: JSON.stringify(chainInfoOf(signer.chain)), FAIRDROP_DRAND_RELAYS: relayUrls.join(','),
    FAIRDROP_DRAND_TIMEOUT_MS: '1000', FAIRDROP_DRAND_RETRY_MS: '200', FAIRDROP_DRAND_RETRY_MAX_MS: '800',
  };
}

export async function drandRelay(signer: TestSigner, mode: TestRelay['mode'] = 'ok'): Promise<TestRelay> {
  const port = await freePort();
  const { chain } = signer;
  let server: Server | null = null;
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const relay: TestRelay = {
    url: `http://127.0.0.1:${port}`, mode, served: 0,
    async start() {
      server = createServer((req, res) => {
        const path = (req.url ?? '').split('?')[0]!;
        if (path === `/${chain.chainHash}/info`) return json(res, 200, chainInfoOf(chain));
        const m = new RegExp(`^/${chain.chainHash}/public/(\\d+|latest)$`).exec(path);
        if (!m) return json(res, 404, { error: 'not found' });
        const latest = roundAt(chain, Date.now() / 1000);
        const round = m[1] === 'latest' ? latest : Number(m[1]);
        if (round < 1 || roundTime(chain, round) > Date.now() / 1000) return json(res, 425, { error: `round ${round} is not produced yet` });
        relay.served++;
        const signature = signer.sign(relay.mode === 'wrong' ? round + 1 : round);
        json(res, 200, { round, signature });
      });
      await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); });
    },
  };
  await relay.start();
  return relay;
}
