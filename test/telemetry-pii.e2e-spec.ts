import './support/trace-outgoing-http';
import { spanExporter } from './support/telemetry';
import { SpanKind } from '@opentelemetry/api';
import type { tracing } from '@opentelemetry/sdk-node';
import type { Response } from 'supertest';
import { Client } from 'pg';
import { bearer, freshClientIp, type TokenPair } from './factories/accounts';
import { eventually, publishedInterview, type CandidateView, type InvitedSession } from './factories/sessions';
import { createWebhook, startReceiver, waitForDelivery, type Receiver } from './factories/webhooks';
import { createTestApp, type TestApp } from './support/test-app';

type Span = tracing.ReadableSpan;

/**
 * Everything personal or secret a full session puts through the API. Each is
 * distinctive, so finding it anywhere in telemetry can only mean a leak.
 */
const OWNER = { name: 'Octavia Quillfeather', email: 'octavia.quillfeather@pii-owner.test', password: 'Owner-passphrase-Xylophone-93' };
const REVIEWER = { name: 'Barnabas Wexleythorn', email: 'barnabas.wexleythorn@pii-reviewer.test', password: 'Reviewer-passphrase-Kumquat-27' };
const CANDIDATE = { candidateName: 'Zephyrine Marchbanks', candidateEmail: 'zephyrine.marchbanks@pii-candidate.test' };
const ANSWER_TOKEN = 'zebra-quasar-4711';
const ANSWER = `Zephyrine’s answer (${ANSWER_TOKEN}): a span is one timed operation with a start and an end; a trace is the tree of spans sharing one trace id.`;
const WRONG_PASSWORD = 'Not-the-passphrase-Pomegranate-58';
const OVERRIDE_REASON = 'Perihelion remark: the candidate named both halves in words the rubric lacks.';
const DECISION_NOTE = 'Aphelion note: advance to the systems round.';
const COMMENT = 'Solstice comment: strong on trace ids.';
/** Secrets the receiver asked to get back in its URL, in the path and the query (webhook-url.ts invites both). */
const RECEIVER_PATH_TOKEN = 'hook-path-token-Nougat-3141';
const RECEIVER_TOKEN = 'hook-query-token-Marzipan-6620';
/** Sent as baggage: the allow-listed key must arrive on spans, the personal ones must go nowhere. */
const TENANT = 'pii-spec-tenant';
const BAGGAGE = `tenant.id=${TENANT},user.email=${encodeURIComponent(OWNER.email)},candidate.name=${encodeURIComponent(CANDIDATE.candidateName)}`;

interface Needle {
  what: string;
  value: string;
}

/** Where a piece of exported telemetry came from, and its text. */
interface Exported {
  where: string;
  text: string;
}

const stringify = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Every span's name, attributes, events, links, status message and resource, one entry each. */
function spanTexts(spans: Span[]): Exported[] {
  const out: Exported[] = [];
  const resources = new Set<string>();
  for (const span of spans) {
    const id = `span "${span.name}" (${SpanKind[span.kind]}, ${span.instrumentationScope.name})`;
    out.push({ where: `${id}: name`, text: span.name });
    for (const [key, value] of Object.entries(span.attributes)) out.push({ where: `${id}: attribute ${key}`, text: `${key}=${stringify(value)}` });
    for (const event of span.events) {
      out.push({ where: `${id}: event name`, text: event.name });
      for (const [key, value] of Object.entries(event.attributes ?? {})) out.push({ where: `${id}: event "${event.name}" attribute ${key}`, text: `${key}=${stringify(value)}` });
    }
    for (const link of span.links) {
      for (const [key, value] of Object.entries(link.attributes ?? {})) out.push({ where: `${id}: link attribute ${key}`, text: `${key}=${stringify(value)}` });
    }
    if (span.status.message) out.push({ where: `${id}: status message`, text: span.status.message });
    const resource = JSON.stringify(span.resource.attributes);
    if (!resources.has(resource)) {
      resources.add(resource);
      out.push({ where: 'resource attributes', text: resource });
    }
  }
  return out;
}

/** Each needle as sent, percent-encoded (baggage, URLs) and JSON-escaped, compared case-insensitively. */
function leaks(needles: Needle[], exported: Exported[]): string[] {
  const found: string[] = [];
  for (const needle of needles) {
    const forms = [...new Set([needle.value, encodeURIComponent(needle.value), JSON.stringify(needle.value).slice(1, -1)].map((form) => form.toLowerCase()))];
    for (const item of exported) {
      const text = item.text.toLowerCase();
      if (forms.some((form) => text.includes(form))) found.push(`${needle.what} in ${item.where}: ${item.text.slice(0, 300)}`);
    }
  }
  return found;
}

/** The value and, for long tokens, their tail too: a truncated or re-prefixed copy is still a leak. */
function secretNeedles(what: string, value: string): Needle[] {
  return value.length > 24 ? [{ what, value }, { what: `${what} (last 16 characters)`, value: value.slice(-16) }] : [{ what, value }];
}

function expectStatus(response: Response, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what} answered ${response.status} instead of ${status}: ${JSON.stringify(response.body)}`);
}

/**
 * A whole session through the public API, then a scan of everything exported
 * (spans, events, links, resource, status messages, log lines) and of what
 * travels on as trace context (webhook headers, job carriers): no answer
 * text, no names or e-mails, no passwords, tokens or secrets anywhere.
 */
describe('no PII in telemetry', () => {
  let t: TestApp;
  let receiver: Receiver;
  let db: Client;

  beforeAll(async () => {
    t = await createTestApp();
    receiver = await startReceiver();
    db = new Client({ connectionString: t.config.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await receiver.close();
    await t.close();
  });

  it('runs a full session and exports none of its personal or secret data', async () => {
    spanExporter.reset();
    t.logs.length = 0;
    const http = t.http;
    const withBaggage = <T extends { set(name: string, value: string): T }>(pending: T) => pending.set('baggage', BAGGAGE);

    // Accounts: an owner signs up, fails one login, logs in, refreshes; a reviewer is invited and accepts.
    const signup = await withBaggage(http().post('/v1/auth/signup').set('X-Forwarded-For', freshClientIp())).send({ organizationName: 'Pii Spec Hiring', ...OWNER });
    expectStatus(signup, 201, 'signup');
    const wrong = await http().post('/v1/auth/login').set('X-Forwarded-For', freshClientIp()).send({ email: OWNER.email, password: WRONG_PASSWORD });
    expectStatus(wrong, 401, 'a wrong password');
    const login = await http().post('/v1/auth/login').set('X-Forwarded-For', freshClientIp()).send({ email: OWNER.email, password: OWNER.password });
    expectStatus(login, 200, 'login');
    const refreshed = await http().post('/v1/auth/refresh').set('X-Forwarded-For', freshClientIp()).send({ refreshToken: (login.body as TokenPair).refreshToken });
    expectStatus(refreshed, 200, 'refresh');
    const owner = refreshed.body as TokenPair;

    const invited = await withBaggage(http().post('/v1/members').set(bearer(owner.accessToken))).send({ email: REVIEWER.email, name: REVIEWER.name, role: 'reviewer' });
    expectStatus(invited, 202, 'inviting the reviewer');
    const invitationToken = (invited.body as { token: string }).token;
    const accepted = await http().post('/v1/auth/accept-invitation').set('X-Forwarded-For', freshClientIp()).send({ token: invitationToken, password: REVIEWER.password });
    expectStatus(accepted, 201, 'accepting the invitation');
    const reviewer = accepted.body as TokenPair;

    const key = await http().post('/v1/api-keys').set(bearer(owner.accessToken)).send({ name: 'pii spec key', role: 'interviewer' });
    expectStatus(key, 201, 'creating an API key');
    const apiKey = (key.body as { secret: string }).secret;

    // A webhook whose URL carries a receiver-chosen token, subscribed to every event.
    const hook = await createWebhook(http, owner, { url: `${receiver.url}/${RECEIVER_PATH_TOKEN}?token=${RECEIVER_TOKEN}` });
    const ping = await http().post(`/v1/webhooks/${hook.id}/test`).set(bearer(owner.accessToken));
    expectStatus(ping, 202, 'pinging the webhook');

    // The candidate: invited with the API key, starts, saves a distinctive answer, submits.
    const interview = await publishedInterview(t, owner, { questions: 1 });
    const invitation = await withBaggage(http().post(`/v1/interviews/${interview.id}/sessions`).set(bearer(apiKey))).send(CANDIDATE);
    expectStatus(invitation, 201, 'inviting the candidate');
    const session = invitation.body as InvitedSession;
    const started = await http().post('/v1/candidate/session/start').set(bearer(session.accessToken));
    expectStatus(started, 200, 'starting');
    const saved = await withBaggage(http().put('/v1/candidate/session/answers/1').set(bearer(session.accessToken))).send({ text: ANSWER });
    expectStatus(saved, 200, 'saving the answer');
    const submitted = await withBaggage(http().post('/v1/candidate/session/submit').set(bearer(session.accessToken)));
    expectStatus(submitted, 200, 'submitting');
    const view = await http().get('/v1/candidate/session').set(bearer(session.accessToken));
    expectStatus(view, 200, 'the candidate reading the session back');
    expect((view.body as CandidateView).items[0].answer.text).toBe(ANSWER);

    await eventually(
      async () => {
        const response = await http().get(`/v1/sessions/${session.id}`).set(bearer(owner.accessToken));
        return (response.body as { status: string }).status === 'graded' ? true : undefined;
      },
      'the session to be graded',
    );

    // Review: override with a reason, a comment, a decision; then the report and the results.
    const override = await withBaggage(http().put(`/v1/sessions/${session.id}/items/1/override`).set(bearer(reviewer.accessToken))).send({ points: 5, reason: OVERRIDE_REASON });
    expectStatus(override, 200, 'overriding');
    expectStatus(await http().post(`/v1/sessions/${session.id}/comments`).set(bearer(reviewer.accessToken)).send({ body: COMMENT, itemPosition: 1 }), 201, 'commenting');
    const decision = await withBaggage(http().post(`/v1/sessions/${session.id}/decisions`).set(bearer(reviewer.accessToken))).send({ decision: 'advance', note: DECISION_NOTE });
    expectStatus(decision, 201, 'deciding');
    const report = await http().get(`/v1/sessions/${session.id}/report`).set(bearer(reviewer.accessToken));
    expectStatus(report, 200, 'reading the report');
    expect((report.body as { candidate: { name: string; email: string } }).candidate).toEqual({ name: CANDIDATE.candidateName, email: CANDIDATE.candidateEmail });
    expectStatus(await http().get(`/v1/sessions/${session.id}/report`).query({ format: 'csv' }).set(bearer(reviewer.accessToken)), 200, 'the CSV report');
    expectStatus(await http().get(`/v1/interviews/${interview.id}/results`).set(bearer(owner.accessToken)), 200, 'the results');

    // Every event reached the receiver (ping, submitted, graded, decided).
    for (const event of ['ping', 'session.submitted', 'session.graded', 'review.decided']) {
      await waitForDelivery(http, owner, hook.id, (delivery) => delivery.event === event && delivery.status === 'succeeded');
    }
    // The consumer span of the last delivery ends after its row is settled: give the exporter a moment to catch up.
    await eventually(async () => (spanExporter.getFinishedSpans().filter((s) => s.name === 'deliver-webhook process').length >= 4 ? true : undefined), 'the delivery spans');

    const needles: Needle[] = [
      { what: 'the answer text', value: ANSWER },
      { what: 'the answer’s marker token', value: ANSWER_TOKEN },
      { what: 'the candidate’s name', value: CANDIDATE.candidateName },
      { what: 'the candidate’s surname', value: 'Marchbanks' },
      { what: 'the candidate’s e-mail', value: CANDIDATE.candidateEmail },
      { what: 'the owner’s name', value: OWNER.name },
      { what: 'the owner’s surname', value: 'Quillfeather' },
      { what: 'the owner’s e-mail', value: OWNER.email },
      { what: 'the reviewer’s name', value: REVIEWER.name },
      { what: 'the reviewer’s surname', value: 'Wexleythorn' },
      { what: 'the reviewer’s e-mail', value: REVIEWER.email },
      { what: 'the owner’s password', value: OWNER.password },
      { what: 'the reviewer’s password', value: REVIEWER.password },
      { what: 'a wrong password', value: WRONG_PASSWORD },
      { what: 'the override reason', value: OVERRIDE_REASON },
      { what: 'the decision note', value: DECISION_NOTE },
      { what: 'the comment', value: COMMENT },
      { what: 'the receiver’s URL path token', value: RECEIVER_PATH_TOKEN },
      { what: 'the receiver’s URL query token', value: RECEIVER_TOKEN },
      ...secretNeedles('the candidate access token', session.accessToken),
      ...secretNeedles('the API key secret', apiKey),
      ...secretNeedles('the webhook signing secret', hook.secret),
      ...secretNeedles('the member invitation token', invitationToken),
      ...secretNeedles('the first access token', (signup.body as TokenPair).accessToken),
      ...secretNeedles('the first refresh token', (signup.body as TokenPair).refreshToken),
      ...secretNeedles('a used refresh token', (login.body as TokenPair).refreshToken),
      ...secretNeedles('the owner’s access token', owner.accessToken),
      ...secretNeedles('the owner’s refresh token', owner.refreshToken),
      ...secretNeedles('the reviewer’s access token', reviewer.accessToken),
      ...secretNeedles('the reviewer’s refresh token', reviewer.refreshToken),
    ];

    // The receiver is another service in real life: its own SERVER spans (which record the URL it was called with) are not assay's.
    const receiverPort = Number(new URL(receiver.url).port);
    const spans = spanExporter.getFinishedSpans().filter((s) => !(s.kind === SpanKind.SERVER && s.attributes['server.port'] === receiverPort));
    const logs = t.logs.map((line, index) => ({ where: `log line ${index} (${stringify(line.msg)})`, text: JSON.stringify(line) }));
    // Trace context that travels on: the delivery's headers (traceparent, b3, baggage) and body, and each job's carrier.
    const outgoing = receiver.requests.flatMap((request, index) => [
      { where: `webhook request ${index} headers`, text: JSON.stringify(request.headers) },
      { where: `webhook request ${index} body`, text: request.body.toString('utf8') },
    ]);
    const carriers = await db.query<{ name: string; carrier: string }>(
      `SELECT name, (data -> '_trace')::text AS carrier FROM pgboss.job WHERE data ? '_trace'
       UNION ALL SELECT name, (data -> '_trace')::text FROM pgboss.archive WHERE data ? '_trace'`,
    );
    const jobCarriers = carriers.rows.map((row) => ({ where: `trace carrier of a "${row.name}" job`, text: row.carrier }));

    // The scan must have had something to scan: a control value that belongs there is found, and the paths a leak would take exist.
    const exported = [...spanTexts(spans), ...logs];
    expect(leaks([{ what: 'the session id', value: session.id }], exported).length).toBeGreaterThan(0);
    expect(spans.some((s) => s.kind === SpanKind.SERVER && s.attributes['http.route'] === '/v1/candidate/session/answers/:position')).toBe(true);
    expect(spans.some((s) => s.kind === SpanKind.SERVER && s.attributes['baggage.tenant.id'] === TENANT)).toBe(true);
    const deliveryClient = spans.find((s) => s.kind === SpanKind.CLIENT && String(s.attributes['url.full'] ?? '').startsWith(`http://127.0.0.1:${receiverPort}/`));
    expect(deliveryClient).toBeDefined();
    const statements = spans.map((s) => String(s.attributes['db.query.text'] ?? s.attributes['db.statement'] ?? '')).filter(Boolean);
    expect(statements.some((sql) => sql.includes('"candidate_email"') && /\$\d/.test(sql))).toBe(true);
    expect(statements.some((sql) => /"answers"/.test(sql) && /\$\d/.test(sql))).toBe(true);
    expect(logs.some((line) => line.text.includes('"route":"/v1/candidate/session/answers/:position"'))).toBe(true);
    expect(jobCarriers.length).toBeGreaterThan(0);
    expect(outgoing.length).toBeGreaterThanOrEqual(8);

    expect(leaks(needles, [...exported, ...outgoing, ...jobCarriers])).toEqual([]);
    // No statement parameters on database spans (instrumentation-pg's enhancedDatabaseReporting stays off).
    expect(spans.flatMap((s) => Object.keys(s.attributes)).filter((key) => /^db\.(query\.parameter|postgresql\.values)/.test(key))).toEqual([]);
    // Only allow-listed baggage reaches spans.
    expect(spans.flatMap((s) => Object.keys(s.attributes)).filter((key) => key.startsWith('baggage.') && key !== 'baggage.tenant.id')).toEqual([]);
  }, 90_000);
});
