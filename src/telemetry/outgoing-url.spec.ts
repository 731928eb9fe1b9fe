import { outgoingUrlAttributes, redactedUrl } from './outgoing-url';

describe('outgoing URLs in telemetry', () => {
  it('keeps scheme, host and port, and replaces the path and every query value', () => {
    expect(redactedUrl(new URL('https://hooks.example.com:8443/services/T0/B1/s3cr3t?token=abc&token=def&mode=x'))).toBe(
      'https://hooks.example.com:8443/REDACTED?token=REDACTED&token=REDACTED&mode=REDACTED',
    );
  });

  it('leaves a bare origin as it is, and drops credentials and fragments', () => {
    expect(redactedUrl(new URL('http://127.0.0.1:3000'))).toBe('http://127.0.0.1:3000/');
    expect(redactedUrl(new URL('https://user:pass@example.com/?#frag'))).toBe('https://example.com/');
  });

  it('builds the URL from request options as node:http receives them', () => {
    expect(outgoingUrlAttributes({ protocol: 'http:', hostname: '127.0.0.1', port: 4000, path: '/hook/secret?token=t0k3n' })).toEqual({
      'url.full': 'http://127.0.0.1:4000/REDACTED?token=REDACTED',
    });
    expect(outgoingUrlAttributes({ protocol: 'https:', hostname: '::1', port: '8443', path: '/x' })).toEqual({ 'url.full': 'https://[::1]:8443/REDACTED' });
    expect(outgoingUrlAttributes({ host: 'example.com:8080', path: '/' })).toEqual({ 'url.full': 'http://example.com:8080/' });
    expect(outgoingUrlAttributes({ hostname: 'example.com' })).toEqual({ 'url.full': 'http://example.com/' });
  });

  it('never falls back to the raw URL when the options cannot be parsed', () => {
    expect(outgoingUrlAttributes({ protocol: 'http:', hostname: 'bad host', path: '/secret?token=x' })).toEqual({ 'url.full': 'http://REDACTED' });
  });
});
