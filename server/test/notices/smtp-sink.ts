/**
 * A real SMTP server for tests (smtp-server on a free 127.0.0.1 port) that parses every accepted
 * message with mailparser. `refuseFirst` answers 451 (try again later) to the first n attempts per
 * recipient, so senders must retry; envelopes are kept to check who a message really went to.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { freePort } from '../harness.js';

export interface Received { mail: ParsedMail; rcptTo: string[]; raw: string; at: number; messageId: string }

export interface SmtpSink {
  port: number;
  got: Received[];
  refused: Map<string, number>;
  to(address: string): Received[];
  waitFor(pred: (r: Received[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** `parse: false` skips mailparser (bulk runs): `mail` is then an empty object and `raw` the header block. */
export async function smtpSink(opts: { refuseFirst?: number; parse?: boolean } = {}): Promise<SmtpSink> {
  const got: Received[] = [];
  const refused = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, size: 1_000_000,
    onRcptTo(addr, _session, cb) {
      const n = refused.get(addr.address) ?? 0;
      if (n < (opts.refuseFirst ?? 0)) {
        refused.set(addr.address, n + 1);
        return cb(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (d: Buffer) => chunks.push(d));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const at = Date.now();
        const rcptTo = session.envelope.rcptTo.map((r) => r.address);
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '';
        if (opts.parse === false) { got.push({ mail: {} as ParsedMail, raw: raw.split(/\r?\n\r?\n/)[0]!, rcptTo, at, messageId }); return cb(); }
        simpleParser(raw).then((mail) => { got.push({ mail, raw, rcptTo, at, messageId }); cb(); }, cb);
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    port, got, refused,
    to: (a) => got.filter((r) => r.rcptTo.includes(a)),
    async waitFor(pred, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (!pred(got)) {
        if (Date.now() > until) throw new Error(`timed out waiting for mail (have ${got.length}: ${got.map((g) => `${g.rcptTo.join(',')} "${g.mail.subject}"`).join('; ')})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
