export { x } from '#sha256';
