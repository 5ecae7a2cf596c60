export { createSseApp, type SseApp } from './app.js';
export type { SseDeps, DrawIndex, EntrySnapshot } from './deps.js';
