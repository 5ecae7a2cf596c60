/** The SSE role's view of the system: the same cached services and auth the API uses. */
import type { SseDeps } from './sse/index.js';
import type { ApiDeps } from './context.js';
import { verifyPublishableKey, shopperId } from './auth.js';
import { entryIdFor, shardOf } from '../core/ids.js';
import { myEntry } from './my-entry.js';


export function sseDeps(deps: ApiDeps): SseDeps {
  const { services } = deps;
  return {
    bus: services.bus,
    now: deps.now,
    onError: (e) => deps.log('sse error', { error: String(e) }),
    log: deps.log,
    getDrop: async (dropId) => {
      const info = await services.drop(dropId);
      return info && { merchantId: info.merchantId, drop: info.drop };
    },
    activeDrops: (merchantId) => services.activeDrops(merchantId),
    drawIndex: (dropId) => services.record(dropId),
    authPublishable: async (key, origin) => ({ merchantId: (await verifyPublishableKey(services, key, origin)).id }),
    shopperEntry: async (dropId, merchantId, who) => {
      if (!who.shopperToken && !who.anonymousId) return null;
      const [merchant, info] = await Promise.all([services.merchant(merchantId), services.dropOf(merchantId, dropId)]);
      const shopper = await shopperId(merchant!, info.config, { token: who.shopperToken, anonymousId: who.anonymousId }, deps.now());
      const shard = shardOf(merchantId, shopper, info.config.shards);
      const entryId = entryIdFor(deps.config.serverSecret, dropId, shopper, shard);
      return { entryId, state: async () => (await myEntry(services, (await services.drop(dropId)) ?? info, shopper, shard)).state };
    },
  };
}
