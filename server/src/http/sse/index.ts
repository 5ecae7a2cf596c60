export { createSseApp, type SseApp } from './app.js';
export type { EntrySnapshot, SseDeps } from './deps.js';
export { SseProblem, toProblem, type ProblemDocument, type ProblemLike } from './problem.js';
