/** How SMTP steps retry: backoff from 1 s, doubling, at most 2 min apart, then recorded as failed. */
export const SMTP_RETRY = { maxRetryAttempts: 10, initialRetryInterval: { seconds: 1 }, retryIntervalFactor: 2, maxRetryInterval: { minutes: 2 } };
