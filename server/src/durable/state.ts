/**
 * Concurrent durable reads. Restate's promises must be combined with RestatePromise.all: awaiting
 * several with the native Promise.all makes the SDK fail with "awaitNext already pending" (and the
 * invocation retries). ctx.get and client calls return RestatePromises at run time, typed as
 * Promise — so pass them here directly, never wrapped in an async function.
 */
import { RestatePromise } from '@restatedev/restate-sdk';

export function all<const T extends readonly Promise<unknown>[]>(promises: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  if (promises.length === 0) return Promise.resolve([]) as never;
  return RestatePromise.all(promises as unknown as RestatePromise<unknown>[]) as never;
}
