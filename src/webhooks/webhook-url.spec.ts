import { checkWebhookUrl, WEBHOOK_URL_MAX_LENGTH } from './webhook-url';

const PROD = { allowHttp: false };
const DEV = { allowHttp: true };

describe('webhook URLs', () => {
  it.each([
    ['https://hooks.example.com/assay', 'https://hooks.example.com/assay'],
    ['  https://hooks.example.com/assay?token=abc  ', 'https://hooks.example.com/assay?token=abc'],
    ['HTTPS://Hooks.Example.com:8443/a', 'https://hooks.example.com:8443/a'],
    ['https://[2001:db8::1]/hook', 'https://[2001:db8::1]/hook'],
  ])('accepts %p in production as %p', (raw, normalised) => {
    expect(checkWebhookUrl(raw, PROD)).toEqual({ ok: true, url: normalised });
  });

  it('accepts http (e.g. a loopback receiver) only when allowed', () => {
    expect(checkWebhookUrl('http://127.0.0.1:4321/hook', DEV)).toEqual({ ok: true, url: 'http://127.0.0.1:4321/hook' });
    expect(checkWebhookUrl('http://127.0.0.1:4321/hook', PROD)).toEqual({ ok: false, detail: expect.stringContaining('must use https') });
  });

  const TOO_LONG = `https://example.com/${'a'.repeat(WEBHOOK_URL_MAX_LENGTH)}`;

  it.each([
    ['an empty string', '', 'must not be empty'],
    ['blanks', '   ', 'must not be empty'],
    ['words', 'not a url', 'absolute http or https URL'],
    ['a relative path', '/relative/path', 'absolute http or https URL'],
    ['ftp', 'ftp://example.com/hook', 'must use http or https'],
    ['javascript:', 'javascript:alert(1)', 'must use http or https'],
    ['file:', 'file:///etc/passwd', 'must use http or https'],
    ['user and password', 'https://user:pass@example.com/hook', 'must not contain credentials'],
    ['a user name alone', 'https://token@example.com/hook', 'must not contain credentials'],
    ['a fragment', 'https://example.com/hook#section', 'must not contain a #fragment'],
    ['an overlong URL', TOO_LONG, `at most ${WEBHOOK_URL_MAX_LENGTH} characters`],
  ])('refuses %s', (_name, raw, detail) => {
    const result = checkWebhookUrl(raw, DEV);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.detail).toContain(detail);
  });
});
