import { compareCallIdentity, protocolOf } from './call-identity';

describe('protocolOf', () => {
  it.each([
    [{ 'http.request.method': 'GET' }, 'http'],
    [{ 'http.method': 'GET' }, 'http'],
    [{ 'url.full': 'https://pricing/price' }, 'http'],
    [{ 'db.system.name': 'postgresql' }, 'db'],
    [{ 'db.system': 'redis' }, 'db'],
    [{ 'rpc.system': 'grpc' }, 'rpc'],
    [{ 'messaging.system': 'kafka' }, 'messaging'],
    [{ 'peer.service': 'pricing' }, undefined],
    [{}, undefined],
  ])('%j → %s', (attributes, protocol) => {
    expect(protocolOf(attributes)).toBe(protocol);
  });
});

describe('compareCallIdentity', () => {
  it('matches old and new convention names as one attribute', () => {
    expect(compareCallIdentity({ 'db.system': 'postgresql', 'db.statement': 'SELECT 1' }, { 'db.system.name': 'postgresql', 'db.query.text': 'SELECT 1' })).toEqual({
      shared: ['db.system.name', 'db.query.text'],
      conflicting: [],
    });
  });

  it('reports disagreeing values', () => {
    expect(compareCallIdentity({ 'url.full': 'https://a/x' }, { 'http.url': 'https://b/x' })).toEqual({ shared: [], conflicting: ['url.full'] });
  });

  it('ignores attributes only one side has', () => {
    expect(compareCallIdentity({ 'server.address': 'db' }, { 'db.namespace': 'orders' })).toEqual({ shared: [], conflicting: [] });
  });
});
