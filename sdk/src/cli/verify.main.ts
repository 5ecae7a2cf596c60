/** Process entry point of `fairdrop-verify` (see verify.ts); bin/fairdrop-verify.js starts it. */
import { run } from './verify.js';

const tty = Boolean(process.stderr.isTTY);
process.exitCode = await run(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (text) => process.stderr.write(text),
  progress: tty,
  tty,
});
