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
import { unseal } from '../../core/notices/seal.js';
import { notifierDeps } from './deps.js';

const transports = new Map<string, { transport: Transporter; at: number }>();
const TRANSPORT_TTL_MS = 60_000;

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
  const { emailKey } = notifierDeps();
  const pass = s.smtp.passwordSealed ? unseal(emailKey, merchantId, s.smtp.passwordSealed) : null;
  if (s.smtp.passwordSealed && pass === null) throw new restate.TerminalError('the stored SMTP password cannot be opened with this server\'s email key; set it again');
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

/** Send one composed notice; resolves with the Message-ID. */
export async function sendNotice(merchantId: string, s: StoredEmailSettings, m: ComposedNotice): Promise<string> {
  const t = await transportFor(merchantId, s);
  const e = m.envelope;
  try {
    const info = await t.sendMail({
      from: { name: e.from.name, address: e.from.address }, to: e.to, ...(e.replyTo ? { replyTo: e.replyTo } : {}),
      subject: e.subject, text: m.text, html: m.html, messageId: e.messageId, headers: Object.fromEntries(e.headers),
      disableFileAccess: true, disableUrlAccess: true,
    });
    return info.messageId;
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
