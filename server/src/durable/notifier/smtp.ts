/**
 * SMTP delivery through the merchant's relay (nodemailer, pooled per merchant and settings
 * version). The relay's address is resolved and checked before connecting (no private addresses
 * outside development) and the connection is pinned to the checked address, so DNS cannot move it.
 * A 5xx answer is permanent (TerminalError: recorded as failed); anything else is retried.
 */
import * as restate from '@restatedev/restate-sdk';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type { ComposedNotice } from '../../core/notices/compose.js';
import type { StoredEmailSettings } from '../../core/notices/settings.js';
import { resolvesPrivate } from '../../core/notices/smtp-host.js';
import { openOrNull, smtpPasswordAad } from '../../core/secret-box.js';
import { notifierDeps } from './deps.js';

const transports = new Map<string, { transport: Transporter; at: number }>();
const TRANSPORT_TTL_MS = 60_000;
/**
 * Message-IDs this process handed to a relay. A step whose result did not reach Restate's journal
 * (e.g. the restate-server restarted mid-send) runs again on replay; when it runs in this same
 * process, the repeat is recognised here and not sent twice. Bounded; the oldest are forgotten.
 */
const sentHere = new Map<string, string>();
const SENT_MEMORY = 200_000;
/** Tries per Message-ID in this process (Restate retries a failed step by replaying the invocation). */
const tries = new Map<string, number>();

async function address(host: string): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, '');
  const all = isIP(bare) ? [bare] : (await lookup(bare, { all: true, verbatim: true })).map((a) => a.address);
  if (!notifierDeps().allowPrivate && resolvesPrivate(all)) throw new restate.TerminalError(`SMTP host ${host} resolves to a private address; not sent`);
  return all[0]!;
}

async function transportFor(merchantId: string, s: StoredEmailSettings): Promise<Transporter> {
  const key = `${merchantId}:${s.updatedAt}`;
  const hit = transports.get(key);
  if (hit && Date.now() - hit.at < TRANSPORT_TTL_MS) return hit.transport;
  hit?.transport.close();
  const { secretKeys } = notifierDeps();
  const pass = s.smtp.passwordSealed ? openOrNull(s.smtp.passwordSealed, secretKeys, smtpPasswordAad(merchantId)) : null;
  if (s.smtp.passwordSealed && pass === null) throw new restate.TerminalError('the stored SMTP password cannot be opened with this server\'s FAIRDROP_SECRET_KEYS; set it again');
  const transport = nodemailer.createTransport({
    host: await address(s.smtp.host), port: s.smtp.port, secure: s.smtp.security === 'tls',
    requireTLS: s.smtp.security === 'starttls', ignoreTLS: s.smtp.security === 'none', tls: { servername: s.smtp.host.replace(/^\[|\]$/g, '') },
    ...(s.smtp.username ? { auth: { user: s.smtp.username, pass: pass ?? '' } } : {}),
    pool: true, maxConnections: 4, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
  });
  for (const [k, v] of transports) if (k.startsWith(`${merchantId}:`)) { v.transport.close(); transports.delete(k); }
  transports.set(key, { transport, at: Date.now() });
  return transport;
}

/** Send one composed notice; resolves with the Message-ID and how many tries it took here. */
export async function sendNotice(merchantId: string, s: StoredEmailSettings, m: ComposedNotice): Promise<{ messageId: string; attempts: number; at: number }> {
  const e = m.envelope;
  const key = `${merchantId}:${e.messageId}`;
  const seen = sentHere.get(key);
  if (seen) return { messageId: seen, attempts: tries.get(key) ?? 1, at: Date.now() };
  const attempts = (tries.get(key) ?? 0) + 1;
  tries.set(key, attempts);
  if (tries.size > SENT_MEMORY) tries.delete(tries.keys().next().value!);
  const t = await transportFor(merchantId, s);
  try {
    const info = await t.sendMail({
      from: { name: e.from.name, address: e.from.address }, to: e.to, ...(e.replyTo ? { replyTo: e.replyTo } : {}),
      subject: e.subject, text: m.text, html: m.html, messageId: e.messageId, headers: Object.fromEntries(e.headers),
      disableFileAccess: true, disableUrlAccess: true,
    });
    sentHere.set(key, info.messageId);
    if (sentHere.size > SENT_MEMORY) sentHere.delete(sentHere.keys().next().value!);
    return { messageId: info.messageId, attempts, at: Date.now() };
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    if (code && code >= 500 && code < 600) throw new restate.TerminalError(`the SMTP relay refused the message for good (${code})`);
    throw err;
  }
}

/** Close every pooled connection (tests, shutdown). */
export function closeTransports(): void {
  for (const v of transports.values()) v.transport.close();
  transports.clear();
}

/** How many tries this process made for a message (for the record of a failed notice). */
export const triesOf = (merchantId: string, messageId: string) => tries.get(`${merchantId}:${messageId}`) ?? 0;
