/**
 * Shopper email routes. Merchant (secret key): settings, and the notices of a drop or an entry.
 * Public: "tell me when it opens", and the confirm and unsubscribe links (no sign-in; the signed
 * token in the link names one merchant and one recipient).
 */
import { Hono, type Context } from 'hono';
import { createHash } from 'node:crypto';
import type { ApiDeps } from '../context.js';
import { readJson } from '../context.js';
import { emailSettingsInput, watchRequest } from '../email-schemas.js';
import { ownDrop, publishableKey, secretKey, shopper, type ApiEnv } from '../auth.js';
import { contactFor } from '../notify.js';
import { id } from '../schemas.js';
import { FairdropError } from '../../core/errors.js';
import { NOTICE_KINDS, type NoticeKind } from '../../core/notices/kinds.js';
import { seal, smtpPasswordAad } from '../../core/secret-box.js';
import { settingsView, sends, type StoredEmailSettings } from '../../core/notices/settings.js';
import { smtpHostProblem } from '../../core/notices/smtp-host.js';
import { checkConfirm, checkUnsubscribe, recipientKey } from '../../core/notices/links.js';
import { linkPage } from '../../core/notices/pages.js';

const iso = (ms: number) => new Date(ms).toISOString();
const html = (c: Context, page: string) => c.body(page, 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });

export function emailRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const { services } = deps;
  const sk = secretKey(services);
  const own = ownDrop(services);
  const notices = () => {
    if (!deps.notices || !deps.config.email) throw new FairdropError('unavailable', 'Shopper email is not available on this server.');
    return deps.notices;
  };
  const email = deps.config.email ?? { defaultRate: 50 };
  const settingsOf = (merchantId: string) => notices().outbox(merchantId).settings();

  app.get('/merchant/email', sk, async (c) => {
    const m = c.var.merchant;
    const s = await settingsOf(m.id);
    if (!s) throw new FairdropError('email_not_configured', 'Shopper email is not set up. PUT /v1/merchant/email with a sender and an SMTP relay.');
    return c.json(settingsView(s, email.defaultRate));
  });

  app.put('/merchant/email', sk, async (c) => {
    const m = c.var.merchant;
    const body = emailSettingsInput.parse(await readJson(c.req));
    const problem = smtpHostProblem(body.smtp.host, body.smtp.security, deps.config.webhookAllowPrivate);
    if (problem) throw new FairdropError('validation_failed', `This SMTP relay cannot be used: ${problem.message}.`, { errors: [problem] });
    const prev = await settingsOf(m.id);
    const { password, ...smtp } = body.smtp;
    const passwordSealed = password !== undefined ? seal(password, deps.config.secretKeys, smtpPasswordAad(m.id), deps.random(12)) : prev?.smtp.passwordSealed;
    const stored: StoredEmailSettings = {
      enabled: body.enabled, from: body.from, ...(body.replyTo ? { replyTo: body.replyTo } : {}),
      smtp: { ...smtp, ...(passwordSealed ? { passwordSealed } : {}) }, notices: (body.notices as NoticeKind[] | undefined) ?? [...NOTICE_KINDS],
      ...(body.brand ? { brand: body.brand } : {}), ...(body.siteUrl ? { siteUrl: body.siteUrl } : {}),
      reminderMinutesBefore: body.reminderMinutesBefore, ...(body.ratePerSecond ? { ratePerSecond: body.ratePerSecond } : {}),
      merchantName: m.name, updatedAt: deps.now(),
    };
    await notices().outbox(m.id).putSettings(stored);
    return c.json(settingsView(stored, email.defaultRate));
  });

  app.delete('/merchant/email', sk, async (c) => {
    const m = c.var.merchant;
    await notices().outbox(m.id).clearSettings();
    return c.body(null, 204);
  });

  app.get('/drops/:dropId/notices', sk, own, async (c) => {
    const m = c.var.merchant;
    const { config } = c.var.drop;
    const s = await settingsOf(m.id);
    return c.json({ dropId: config.id, ratePerSecond: s?.ratePerSecond ?? email.defaultRate, data: await notices().outbox(m.id).jobs(config.id) });
  });

  app.get('/drops/:dropId/entries/:entryId/notices', sk, own, async (c) => {
    const { config } = c.var.drop;
    const entryId = id.parse(c.req.param('entryId'));
    const recs = await notices().mailbox(`${config.id}:${entryId}`).list();
    return c.json({ dropId: config.id, entryId, data: recs.map((r) => ({ ...r, updatedAt: iso(r.updatedAt) })) });
  });

  app.post('/public/drops/:dropId/watch', publishableKey(services), own, shopper(deps.now), async (c) => {
    const { merchant, drop: info } = c.var;
    const who = c.var.shopper.id;
    const body = watchRequest.parse(await readJson(c.req));
    if (info.drop.phase !== 'scheduled') throw new FairdropError('invalid_state', 'Registration is open already (or over); there is nothing to wait for.');
    if (!sends(await settingsOf(merchant.id), 'opening_soon')) throw new FairdropError('email_not_configured', 'This shop does not send "registration opens soon" emails.');
    const contact = contactFor(c, who, body);
    if (!contact) throw new FairdropError('email_invalid', 'Give an email address (or sign in with one) to be told when registration opens.', { errors: [{ path: 'email', message: 'required' }] });
    const { config } = info;
    await notices().outbox(merchant.id).watch({
      dropId: config.id, dropName: config.name, opensAt: config.opensAt, contact, shards: config.shards,
      watcherId: `w_${createHash('sha256').update(who).digest('base64url').slice(0, 22).replace(/-/g, '_')}`,
      rkey: recipientKey(deps.config.serverSecret, merchant.id, contact.email),
      drop: { name: config.name, opensAt: config.opensAt, rollover: config.rollover, ...(config.checkoutUrl ? { checkoutUrl: config.checkoutUrl } : {}) },
    });
    return c.json({ dropId: config.id, watching: true, confirmationRequired: !contact.vouched }, 202);
  });

  const tokenOf = (c: Context) => {
    const t = c.req.query('t');
    if (!t || t.length > 1000) throw new FairdropError('email_token_invalid', 'This link is incomplete. Open it again from the email.');
    return t;
  };
  const badLink = (reason: string) => new FairdropError('email_token_invalid', reason === 'expired' ? 'This link has expired. Use the link in a newer email.' : 'This link is not valid. Open it again from the email, without changes.');

  app.get('/public/email/confirm', async (c) => {
    const check = checkConfirm(deps.config.serverSecret, tokenOf(c), deps.now());
    if (!check.ok) throw badLink(check.reason);
    await notices().outbox(check.payload.m).confirm(check.payload.r);
    return html(c, linkPage('Address confirmed', `Thank you. ${check.payload.e} will now get news about your drops.`));
  });

  app.get('/public/email/unsubscribe', (c) => {
    const t = tokenOf(c);
    const check = checkUnsubscribe(deps.config.serverSecret, t, deps.now());
    if (!check.ok) throw badLink(check.reason);
    return html(c, linkPage('Unsubscribe?', 'You will get no more emails about drops from this shop.', { action: `${c.req.path}?t=${encodeURIComponent(t)}`, button: 'Unsubscribe' }));
  });

  app.post('/public/email/unsubscribe', async (c) => {
    const check = checkUnsubscribe(deps.config.serverSecret, tokenOf(c), deps.now());
    if (!check.ok) throw badLink(check.reason);
    await notices().outbox(check.payload.m).unsubscribe(check.payload.r);
    return html(c, linkPage('Unsubscribed', 'You will get no more emails about drops from this shop.'));
  });

  return app;
}
