/**
 * POST /v1/traces/review over HTTP: one broken fixture per finding, a clean
 * one, malformed input and authentication.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseInterviewDocument } from '../src/questions/parser/parse-interview-document';
import type { FindingCode } from '../src/traces/review/finding';
import { Account, addMember, bearer, createApiKey, signUp } from './factories/accounts';
import { createTestApp, TestApp } from './support/test-app';

const FIXTURES = path.join(__dirname, 'fixtures/traces');
const PROMPTS = new Map(
  parseInterviewDocument(readFileSync(path.join(__dirname, '../seed/tracing-interview-questions.txt'), 'utf8')).questions.map((q) => [q.slug, q.prompt]),
);

/** Each fixture is named after the one finding it must produce; this is the bank question it must cite. */
const EXPECTED: Record<FindingCode, { slug: string; spanIds: string[] }> = {
  'missing-service-name': { slug: 'what-is-the-resource-and-whats-the-single-most-important', spanIds: ['a1a1a1a1a1a10001', 'a1a1a1a1a1a10002'] },
  'all-internal': { slug: 'what-is-span-kind-and-why-does-it-matter', spanIds: ['b2b2b2b2b2b20003', 'b2b2b2b2b2b20004'] },
  'orphan-spans': { slug: 'a-span-never-shows-up-but-span-end-definitely-ran-name-three', spanIds: ['c3c3c3c3c3c30003'] },
  'multiple-roots': { slug: 'what-is-context-propagation-in-one-sentence', spanIds: ['d4d4d4d4d4d40001', 'd4d4d4d4d4d40003'] },
  'consumer-parented-to-producer': { slug: 'a-request-crosses-from-http-into-kafka-and-the-trace-breaks', spanIds: ['e5e5e5e5e5e50002', 'e5e5e5e5e5e50003'] },
  'exception-without-error-status': { slug: 'why-pair-recordexception-with-setstatus-error-isnt-one', spanIds: ['f6f6f6f6f6f60002'] },
  'high-cardinality-span-name': { slug: 'a-services-traces-are-present-but-useless-every-span-is', spanIds: ['a7a7a7a7a7a70001'] },
  'per-iteration-span-explosion': {
    slug: 'you-turned-on-auto-instrumentation-and-now-have-thousands-of',
    spanIds: Array.from({ length: 25 }, (_, i) => `b8b8b8b8b8b8${(i + 2).toString(16).padStart(4, '0')}`),
  },
  'client-server-gap': { slug: 'your-client-span-says-500ms-but-the-downstream-server-span', spanIds: ['c9c9c9c9c9c90003', 'c9c9c9c9c9c90004'] },
  'child-before-parent': { slug: 'your-traces-spans-have-wildly-inconsistent-timestamps-a', spanIds: ['d0d0d0d0d0d00002', 'd0d0d0d0d0d00003'] },
  'double-wrapped-client': { slug: 'two-engineers-each-instrumented-the-http-call-to-a', spanIds: ['e1e1e1e1e1e10002', 'e1e1e1e1e1e10003'] },
};

interface Finding {
  code: string;
  severity: string;
  title: string;
  detail: string;
  spanIds: string[];
  question: { slug: string; prompt: string };
}

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
}

/** The names of the spans a fixture holds, by span id, to check details name them. */
function spanNames(body: unknown): Map<string, string> {
  const { resourceSpans } = body as { resourceSpans: { scopeSpans: { spans: { spanId: string; name: string }[] }[] }[] };
  return new Map(resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((span) => [span.spanId, span.name] as const))));
}

describe('POST /v1/traces/review', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
  });
  afterAll(() => t.close());

  const review = (body: unknown, token = owner.accessToken) => t.http().post('/v1/traces/review').set(bearer(token)).send(body as object);

  it('has a fixture for every finding and an expectation for every fixture', () => {
    const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...Object.keys(EXPECTED), 'clean'].sort());
  });

  describe.each(Object.entries(EXPECTED))('%s.json', (code, expected) => {
    it('produces exactly that finding, naming its spans and citing the bank question', async () => {
      const body = fixture(code);
      const response = await review(body);
      expect(response.status).toBe(200);
      const findings = response.body.findings as Finding[];
      expect(findings.map((finding) => finding.code)).toEqual([code]);
      const [finding] = findings;
      expect(finding.question).toEqual({ slug: expected.slug, prompt: PROMPTS.get(expected.slug) });
      expect(finding.spanIds).toEqual(expected.spanIds);
      const names = spanNames(body);
      expect(finding.detail).toContain(`'${names.get(expected.spanIds[0])}' (${expected.spanIds[0]})`);
      expect(finding.title.length).toBeGreaterThan(10);
    });
  });

  it('finds nothing wrong with the clean fixture and summarises it', async () => {
    const response = await review(fixture('clean'));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ summary: { traces: 2, spans: 7, services: 3, rootSpans: 1, durationMs: 3100 }, findings: [] });
  });

  it('gives the numbers of a client/server gap in its detail', async () => {
    const response = await review(fixture('client-server-gap'));
    const [finding] = response.body.findings as Finding[];
    expect(finding.detail).toContain("CLIENT span 'GET' (c9c9c9c9c9c90003) in service 'gateway' took 700 ms");
    expect(finding.detail).toContain("'GET /price' (c9c9c9c9c9c90004) in service 'pricing', took 40 ms: 660 ms (94% of the call)");
    expect(finding.severity).toBe('warning');
  });

  it('lets any member of the organization call it, people and API keys alike', async () => {
    const reviewer = await addMember(t.http, owner, 'reviewer');
    const key = await createApiKey(t.http, owner, 'interviewer');
    for (const token of [reviewer.accessToken, key.secret]) {
      const response = await review(fixture('orphan-spans'), token);
      expect(response.status).toBe(200);
      expect((response.body.findings as Finding[]).map((f) => f.code)).toEqual(['orphan-spans']);
    }
  });

  describe('malformed input', () => {
    const expectProblem = (response: { status: number; headers: Record<string, string>; body: { type: string } }, status: number, type: string) => {
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.type).toBe(`https://assay.dev/problems/${type}`);
    };

    it('answers a body that is not JSON with 400 malformed-json', async () => {
      const response = await t.http().post('/v1/traces/review').set(bearer(owner.accessToken)).set('Content-Type', 'application/json').send('{"resourceSpans": [');
      expectProblem(response, 400, 'malformed-json');
    });

    it('answers a missing resourceSpans with 400 naming the field', async () => {
      const response = await review({ resourceSpans_: [] });
      expectProblem(response, 400, 'validation-failed');
      expect(response.body.errors).toEqual([{ pointer: '/resourceSpans', detail: 'is required' }]);
    });

    it('answers a bad span kind with 400 pointing at it', async () => {
      const body = fixture('double-wrapped-client') as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
      body.resourceSpans[0].scopeSpans[0].spans[1].kind = 'SPAN_KIND_SIDEWAYS';
      const response = await review(body);
      expectProblem(response, 400, 'validation-failed');
      expect(response.body.errors).toEqual([{ pointer: '/resourceSpans/0/scopeSpans/0/spans/1/kind', detail: expect.stringContaining('must be one of 0 (SPAN_KIND_UNSPECIFIED)') }]);
      expect(response.body.detail).toContain('/resourceSpans/0/scopeSpans/0/spans/1/kind');
    });

    it('answers several bad fields with one error each', async () => {
      const response = await review({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'nope', spanId: '00f067aa0ba902b7', startTimeUnixNano: 'soon', endTimeUnixNano: '2' }] }] }] });
      expectProblem(response, 400, 'validation-failed');
      expect((response.body.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual([
        '/resourceSpans/0/scopeSpans/0/spans/0/traceId',
        '/resourceSpans/0/scopeSpans/0/spans/0/name',
        '/resourceSpans/0/scopeSpans/0/spans/0/startTimeUnixNano',
      ]);
    });

    it.each([
      ['no body', undefined],
      ['an array', '[]'],
      ['null', 'null'],
      ['a string', '"spans"'],
      ['no spans', '{"resourceSpans":[]}'],
    ])('answers %s with 400', async (_label, raw) => {
      const request = t.http().post('/v1/traces/review').set(bearer(owner.accessToken));
      const response = raw === undefined ? await request : await request.set('Content-Type', 'application/json').send(raw);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('answers a body over the size limit with 413', async () => {
      const body = fixture('clean') as Record<string, unknown>;
      body.padding = 'x'.repeat(t.config.bodyLimitBytes + 1);
      const response = await review(body);
      expectProblem(response, 413, 'payload-too-large');
    });

    it('answers a non-JSON media type with 415', async () => {
      const response = await t.http().post('/v1/traces/review').set(bearer(owner.accessToken)).set('Content-Type', 'text/plain').send('resourceSpans');
      expectProblem(response, 415, 'unsupported-media-type');
    });

    it('survives deeply nested attribute values with a 400, not a crash', async () => {
      // Built as text: JSON.stringify itself would overflow the stack on an object this deep.
      const depth = 20_000;
      const value = `${'{"arrayValue":{"values":['.repeat(depth)}{"stringValue":"deep"}${']}}'.repeat(depth)}`;
      const span = `{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7","name":"x","startTimeUnixNano":"1","endTimeUnixNano":"2","attributes":[{"key":"deep","value":${value}}]}`;
      const raw = `{"resourceSpans":[{"scopeSpans":[{"spans":[${span}]}]}]}`;
      expect(raw.length).toBeLessThan(t.config.bodyLimitBytes);
      const response = await t.http().post('/v1/traces/review').set(bearer(owner.accessToken)).set('Content-Type', 'application/json').send(raw);
      expectProblem(response, 400, 'validation-failed');
      expect(response.body.errors).toEqual([{ pointer: expect.stringMatching(/^\/resourceSpans\/0\/scopeSpans\/0\/spans\/0\/attributes\/0\/value\/arrayValue/), detail: 'nests deeper than 8 levels' }]);
    });
  });

  describe('authentication', () => {
    it('answers without credentials with 401', async () => {
      const response = await t.http().post('/v1/traces/review').send(fixture('clean') as object);
      expect(response.status).toBe(401);
      expect(response.body.type).toBe('https://assay.dev/problems/unauthenticated');
      expect(response.headers['www-authenticate']).toBe('Bearer realm="assay"');
    });

    it('answers a bad token with 401', async () => {
      const response = await review(fixture('clean'), 'not-a-token');
      expect(response.status).toBe(401);
    });
  });
});
