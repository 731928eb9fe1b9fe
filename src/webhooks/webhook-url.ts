export const WEBHOOK_URL_MAX_LENGTH = 2048;

export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; detail: string };

/**
 * Where assay may POST deliveries. http(s) only; credentials in the URL are
 * refused (they would be stored and shown in lists in clear text — put a
 * secret in the path or query if the receiver needs one, and verify the
 * signature anyway). Plain http is for local receivers in development and
 * tests; production needs https unless WEBHOOKS_ALLOW_HTTP=true.
 */
export function checkWebhookUrl(raw: string, options: { allowHttp: boolean }): WebhookUrlCheck {
  const value = raw.trim();
  if (value.length === 0) return { ok: false, detail: 'url must not be empty' };
  if (value.length > WEBHOOK_URL_MAX_LENGTH) return { ok: false, detail: `url must be at most ${WEBHOOK_URL_MAX_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, detail: 'url must be an absolute http or https URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, detail: 'url must use http or https' };
  if (url.protocol === 'http:' && !options.allowHttp) return { ok: false, detail: 'url must use https (plain http is refused in production unless WEBHOOKS_ALLOW_HTTP=true)' };
  if (url.hostname === '') return { ok: false, detail: 'url must name a host' };
  if (url.username !== '' || url.password !== '') return { ok: false, detail: 'url must not contain credentials (user:password@)' };
  if (url.hash !== '') return { ok: false, detail: 'url must not contain a #fragment (it is never sent to the server)' };
  return { ok: true, url: url.href };
}
