import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PostFailedError, postJson } from './post-json';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** A loopback receiver whose behaviour each test sets. */
describe('postJson', () => {
  let server: Server;
  let url: string;
  let handler: Handler;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => handler(request, Buffer.concat(chunks).toString('utf8'), response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('POSTs the body with the given headers and a content-length, and reports the status', async () => {
    let seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string } | undefined;
    handler = (request, body, response) => {
      seen = { method: request.method, url: request.url, headers: request.headers, body };
      response.writeHead(204).end();
    };
    const body = '{"type":"ping","note":"café"}';
    await expect(postJson(`${url}?a=1`, body, { 'content-type': 'application/json', 'x-extra': 'yes' }, 1000)).resolves.toEqual({ statusCode: 204 });
    expect(seen).toEqual({
      method: 'POST',
      url: '/hook?a=1',
      headers: expect.objectContaining({ 'content-type': 'application/json', 'x-extra': 'yes', 'content-length': String(Buffer.byteLength(body)) }),
      body,
    });
  });

  it('reports error statuses instead of throwing, and does not follow redirects', async () => {
    handler = (_request, _body, response) => response.writeHead(500).end('boom');
    await expect(postJson(url, '{}', {}, 1000)).resolves.toEqual({ statusCode: 500 });
    handler = (_request, _body, response) => response.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
    await expect(postJson(url, '{}', {}, 1000)).resolves.toEqual({ statusCode: 302 });
  });

  it('reads a large answer to the end before resolving', async () => {
    handler = (_request, _body, response) => response.writeHead(200).end('x'.repeat(1_000_000));
    await expect(postJson(url, '{}', {}, 2000)).resolves.toEqual({ statusCode: 200 });
  });

  it('gives up after the timeout, also when the answer started but never finished', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    await expect(postJson(url, '{}', {}, 200)).rejects.toThrow(new PostFailedError('No response within 200 ms'));
    expect(Date.now() - started).toBeLessThan(2000);

    handler = (_request, _body, response) => {
      response.writeHead(200);
      response.write('partial'); // headers and some body, then silence
    };
    await expect(postJson(url, '{}', {}, 200)).rejects.toThrow('No response within 200 ms');
  });

  it('fails with the network error when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(postJson(`http://127.0.0.1:${port}/`, '{}', {}, 1000)).rejects.toThrow(/ECONNREFUSED/);
  });
});
