import '../src/durable/shim.js';
import * as restate from '@restatedev/restate-sdk';
import * as clients from '@restatedev/restate-sdk-clients';
import { createServer } from 'node:http2';
import { restateServer, registerDeployment, freePort } from '../test/harness.js';
const probe = restate.object({ name: 'probe', handlers: {
  boom: async (_ctx: restate.ObjectContext, _x: number) => { throw new restate.TerminalError('draw input rejected: bad', { errorCode: 500, metadata: { problem: 'permanent_failure' } }); },
  boom422: async (_ctx: restate.ObjectContext) => { throw new restate.TerminalError('nope', { errorCode: 422 }); },
  ok: async (_ctx: restate.ObjectContext, x: number) => x + 1,
} });
const rs = await restateServer();
const port = await freePort();
const srv = createServer(restate.createEndpointHandler({ services: [probe] }));
await new Promise<void>((r) => srv.listen(port, '127.0.0.1', r));
await registerDeployment(rs.adminUrl, `http://127.0.0.1:${port}`);
for (const h of ['boom', 'boom422']) {
  const res = await fetch(`${rs.ingressUrl}/probe/k/${h}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '1' });
  console.log(h, res.status, [...res.headers].filter(([k]) => k.startsWith('x-restate')), await res.text());
}
const res = await fetch(`${rs.ingressUrl}/nosuch/k/x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '1' });
console.log('nosuch', res.status, [...res.headers].filter(([k]) => k.startsWith('x-restate')), await res.text());
const ing = clients.connect({ url: rs.ingressUrl });
console.log(await ing.objectClient(probe, 'k').ok(1));
try { await ing.objectClient(probe, 'k').boom(1); } catch (e) { console.log('client', e?.constructor?.name, (e as any).status, (e as any).responseText); }
await rs.dispose(); srv.close(); process.exit(0);
