import http from 'node:http';
import https from 'node:https';

export interface PostResponse {
  statusCode: number;
}

/** The request never got an HTTP answer: refused, reset, unresolvable, timed out. */
export class PostFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostFailedError';
  }
}

/**
 * POSTs a body and resolves with the status once the response has been read
 * (and discarded) completely, or rejects with PostFailedError.
 *
 * node:http(s) rather than global fetch on purpose: the OpenTelemetry HTTP
 * instrumentation patches these modules (not undici), so every delivery gets
 * an HTTP CLIENT span and a `traceparent` header without extra code here.
 * Redirects are not followed: a 3xx counts as a failed attempt.
 */
export function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostResponse> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  const controller = new AbortController();
  return new Promise<PostResponse>((resolve, reject) => {
    // One deadline for the whole exchange, so a receiver that trickles its answer cannot hold a worker.
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(controller.signal.aborted ? new PostFailedError(`No response within ${timeoutMs} ms`) : new PostFailedError(error.message || (error as NodeJS.ErrnoException).code || error.name));
    };
    const request = transport.request(
      target,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, signal: controller.signal },
      (response) => {
        response.on('error', fail);
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ statusCode: response.statusCode ?? 0 });
        });
        response.resume();
      },
    );
    request.on('error', fail);
    request.end(body);
  });
}
