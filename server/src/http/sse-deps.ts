/** The SSE role's view of the system: the same cached services and auth the API uses. */
import type { SseDeps } from './sse/index.js';
import type { ApiDeps } from './context.js';
import { checkOrigin, shopperId } from './auth.js';
import { FairdropError } from '../core/errors.js';
import { entryIdFor, shardOf } from '../core/ids.js';
import { myEntry } from './my-entry.js';

const PK = /^pk_([A-Za-z0-9]{1,40})_[A-Za-z0-9]{10,64}$/;

export function sseDeps(deps: ApiDeps): SseDeps {
  const { services } = deps;
  return {
    bus: services.bus,
    now: deps.now,
    onError: (e) => deps.log('sse error', { error: String(e) }),
    getDrop: async (dropId) => {
      const info = await services.drop(dropId);
      return info && { merchantId: info.merchantId, drop: info.drop };
    },
    activeDrops: (merchantId) => services.activeDrops(merchantId),
    drawIndex: (dropId) => services.record(dropId),
    authPublishable: async (key, origin) => {
      const m = key ? PK.exec(key) : null;
      const merchant = m ? await services.merchant(m[1]!) : null;
      if (!merchant || merchant.publishableKey !== key) throw new FairdropError('unauthorized', 'Pass the publishable key (pk_…) as the "key" query parameter.');
      checkOrigin(merchant, origin);
      return { merchantId: merchant.id };
    },
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
