/**
 * The acceptance journey of issue 4, through the public HTTP API only: an
 * organization builds an interview from the tracing bank, two candidates take
 * it (one submits, one runs out of time), grading completes in the background,
 * a reviewer overrides and decides, reports and results are exported, signed
 * webhooks arrive on a real loopback server, and nobody reaches what is not
 * theirs. The database is only read, at the end, to prove secrets are stored
 * hashed or encrypted.
 *
 * Time: the shortest time limit is one minute and the API has no way to move
 * a deadline, so the journey waits it out (bounded): candidate B starts first,
 * everything else happens during B's minute, and B's refused save and
 * finalisation come right after it. SESSION_GRACE_SECONDS=0 makes the deadline
 * the moment saves close.
 */
import { createHash } from 'node:crypto';
import { PrismaService } from '../src/database/prisma.service';
import { addMember, bearer, createApiKey, signUp, uniqueEmail, type Account } from './factories/accounts';
import {
  csvRecords,
  expectedPercentile,
  expectStatus,
  headerOf,
  leaksIn,
  pollFor,
  secretTextsOf,
  shownPoints,
  signatureIsValid,
  sleep,
  type CandidateView,
  type LibraryQuestion,
  type Report,
  type ReportItem,
  type RubricTestCase,
  type RubricView,
} from './factories/journey';
import { startReceiver, type ReceivedRequest, type Receiver } from './factories/webhooks';
import { createTestApp, type TestApp } from './support/test-app';

const FOUNDATIONS = 'Conceptual / Foundational';
const SAMPLING = 'Sampling';
const THRESHOLD = 0.6;
/** Everything after B's deadline (grading, webhooks) must settle within this. */
const SETTLE_MS = 30_000;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const byBand = (rubric: RubricView, band: string, predicate: (test: RubricTestCase) => boolean = () => true): RubricTestCase => {
  const found = (rubric.rubric.tests ?? []).find((test) => test.expect.band === band && predicate(test));
  if (!found) throw new Error(`The rubric of ${rubric.rubric.question} has no ${band} test case`);
  return found;
};

describe('acceptance journey: build, take, grade, review, report, notify', () => {
  let t: TestApp;
  let receiver: Receiver;

  beforeAll(async () => {
    t = await createTestApp({ SESSION_GRACE_SECONDS: '0' });
    receiver = await startReceiver(() => 200);
  });

  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  it('runs one interview end to end through the public API', async () => {
    const http = t.http;
    const get = (url: string, token: string) => http().get(url).set(bearer(token));

    // ── 1. An organization: its owner, a reviewer who accepted an invitation, a reviewer API key.
    const owner = await signUp(http, { name: 'Olive Owner' });
    const reviewer = await addMember(http, owner, 'reviewer', { name: 'Rita Reviewer' });
    expect(reviewer.organization.id).toBe(owner.organization.id);
    const reviewerKey = await createApiKey(http, owner, 'reviewer', 'ATS reviewer key');

    // ── 2. A webhook endpoint on a real loopback server, for every event.
    const hookResponse = await http()
      .post('/v1/webhooks')
      .set(bearer(owner.accessToken))
      .send({ url: receiver.url, events: ['session.submitted', 'session.graded', 'review.decided'], description: 'journey receiver' });
    expectStatus(hookResponse, 201, 'registering the webhook');
    const hook = hookResponse.body as { id: string; secret: string; secretPrefix: string; url: string };
    expect(hook.url).toBe(receiver.url);
    expect(hook.secret.startsWith(hook.secretPrefix)).toBe(true);
    const listedHooks = await get('/v1/webhooks', owner.accessToken);
    expectStatus(listedHooks, 200, 'listing webhooks');
    expect(listedHooks.text).not.toContain(hook.secret); // shown once

    // ── 3. Questions from the tracing bank, found by section and search, and their rubrics.
    const search = async (query: Record<string, string | number>): Promise<LibraryQuestion[]> => {
      const response = await http().get('/v1/questions').query(query).set(bearer(owner.accessToken));
      expectStatus(response, 200, `searching questions ${JSON.stringify(query)}`);
      return (response.body as { items: LibraryQuestion[] }).items;
    };
    const spanAndTrace = (await search({ section: FOUNDATIONS, q: 'span trace' })).find((q) => q.slug === 'what-is-a-span-what-is-a-trace');
    const idSizes = (await search({ section: FOUNDATIONS, q: 'trace ID span ID how big' })).find((q) => q.slug === 'what-are-the-trace-id-and-span-id-and-how-big-are-they');
    if (!spanAndTrace || !idSizes) throw new Error('the search did not find the two foundational questions');
    expect(idSizes.probes).toHaveLength(1);
    const library = [...(await search({ section: FOUNDATIONS, limit: 100 })), ...(await search({ section: SAMPLING, limit: 100 }))];
    const samplingDrawable = library.filter((q) => q.section === SAMPLING && q.levels.some((level) => level === 'senior' || level === 'staff'));
    expect(samplingDrawable.length).toBeGreaterThanOrEqual(1);

    const rubrics = new Map<string, RubricView>();
    for (const question of library) {
      const response = await get(`/v1/questions/${question.id}/rubric`, owner.accessToken);
      expectStatus(response, 200, `reading the rubric of ${question.slug}`);
      rubrics.set(question.id, response.body as RubricView);
    }
    const rubricOf = (question: LibraryQuestion): RubricView => rubrics.get(question.id)!;
    // What no candidate response may ever contain.
    const secretTexts = library.flatMap((question) => secretTextsOf(question, rubrics.get(question.id)));
    const versionIds = library.map((question) => question.versionId);

    // ── 4. The interview: two explicit questions (one with its probe) and one draw rule; published.
    const created = await http()
      .post('/v1/interviews')
      .set(bearer(owner.accessToken))
      .send({
        title: 'Tracing fundamentals — journey',
        description: 'Answer in your own words; drafts are saved as you go.',
        timeLimitMinutes: 1,
        passingThreshold: THRESHOLD,
        items: [
          { kind: 'question', questionId: spanAndTrace.id, points: 10, weight: 2 },
          { kind: 'question', questionId: idSizes.id, points: 10, weight: 1, includeProbes: true },
          { kind: 'draw', count: 1, section: SAMPLING, levels: ['senior', 'staff'], points: 10, weight: 1 },
        ],
      });
    expectStatus(created, 201, 'creating the interview');
    const interviewId = (created.body as { id: string }).id;
    const published = await http().post(`/v1/interviews/${interviewId}/publish`).set(bearer(owner.accessToken));
    expectStatus(published, 200, 'publishing');
    const interview = published.body as { status: string; items: { kind: string; questionVersionId: string | null }[] };
    expect(interview.status).toBe('published');
    expect(interview.items.map((item) => item.questionVersionId)).toEqual([spanAndTrace.versionId, idSizes.versionId, null]);

    // ── 5. Two candidates in one bulk invitation.
    const candidateA = { candidateName: 'Ada Achiever', candidateEmail: uniqueEmail('ada') };
    const candidateB = { candidateName: 'Bob Belated', candidateEmail: uniqueEmail('bob') };
    const invited = await http()
      .post(`/v1/interviews/${interviewId}/sessions`)
      .set(bearer(owner.accessToken))
      .send({ candidates: [candidateA, candidateB] });
    expectStatus(invited, 201, 'inviting two candidates');
    const [sessionA, sessionB] = (invited.body as { items: { id: string; candidateName: string; accessToken: string; drawSeed: string; itemCount: number; status: string }[] }).items;
    expect([sessionA.candidateName, sessionB.candidateName]).toEqual([candidateA.candidateName, candidateB.candidateName]);
    expect(sessionA.accessToken).toMatch(/^assay_cs_/);
    expect(sessionA.accessToken).not.toBe(sessionB.accessToken);
    expect([sessionA.itemCount, sessionB.itemCount]).toEqual([4, 4]); // question, question + probe, one drawn
    const tokenA = sessionA.accessToken;
    const tokenB = sessionB.accessToken;
    const listed = await get(`/v1/interviews/${interviewId}/sessions`, owner.accessToken);
    expectStatus(listed, 200, 'listing sessions');
    expect(listed.text).not.toContain(tokenA); // tokens are shown once
    expect(listed.text).not.toContain(tokenB);

    /** The candidate's view, checked for leaks every time it is read. */
    const candidateView = async (token: string, otherSessionId: string, ownAnswers: string[] = []): Promise<CandidateView> => {
      const response = await get('/v1/candidate/session', token);
      expectStatus(response, 200, 'reading the candidate session');
      expect(leaksIn(response.body, secretTexts, [...versionIds, otherSessionId], ownAnswers)).toEqual([]);
      return response.body as CandidateView;
    };
    const start = async (token: string, otherSessionId: string): Promise<CandidateView> => {
      const response = await http().post('/v1/candidate/session/start').set(bearer(token));
      expectStatus(response, 200, 'starting');
      // Nothing is saved yet, so every string in it is server-provided: scan it all.
      expect(leaksIn(response.body, secretTexts, [...versionIds, otherSessionId])).toEqual([]);
      return response.body as CandidateView;
    };
    const save = (token: string, position: number, body: { text: string; baseRevision?: number }) =>
      http().put(`/v1/candidate/session/answers/${position}`).set(bearer(token)).send(body);

    // ── 6. Candidate B starts first (the one-minute clock starts now), saves weak drafts, and never submits.
    const invitedViewB = await candidateView(tokenB, sessionA.id);
    expect(invitedViewB).toMatchObject({ id: sessionB.id, status: 'invited', deadlineAt: null, itemCount: 4, items: [] }); // prompts only once started
    const viewB = await start(tokenB, sessionA.id);
    expect(viewB.status).toBe('in_progress');
    expect(viewB.graceSeconds).toBe(0);
    const deadlineB = new Date(viewB.deadlineAt!).getTime();
    expect(deadlineB - new Date(viewB.startedAt!).getTime()).toBe(60_000);
    expect(viewB.items.map((item) => [item.position, item.isProbe, item.points])).toEqual([
      [1, false, 10],
      [2, false, 5],
      [3, true, 5],
      [4, false, 10],
    ]);
    expect(viewB.items.slice(0, 3).map((item) => item.prompt)).toEqual([spanAndTrace.prompt, idSizes.prompt, idSizes.probes[0].question]);
    const drawnB = samplingDrawable.find((q) => q.prompt === viewB.items[3].prompt);
    if (!drawnB) throw new Error(`B's fourth item is not a senior/staff Sampling question: ${viewB.items[3].prompt}`);
    // The draw is reproducible: previewing with B's seed shows exactly B's items.
    const previewB = await http().get(`/v1/interviews/${interviewId}/preview`).query({ seed: sessionB.drawSeed }).set(bearer(owner.accessToken));
    expectStatus(previewB, 200, 'previewing with B’s seed');
    expect((previewB.body as { items: unknown[] }).items).toEqual(viewB.items.map(({ answer: _answer, ...item }) => item));

    const weakB = {
      1: byBand(rubricOf(spanAndTrace), 'weak', (test) => (test.expect.misconceptions ?? []).length > 0).answer,
      2: byBand(rubricOf(idSizes), 'weak', (test) => (test.expect.misconceptions ?? []).length > 0).answer,
      4: byBand(rubricOf(drawnB), 'weak').answer,
    };
    const firstDraftB = 'A span is a log line.';
    expectStatus(await save(tokenB, 1, { text: firstDraftB }), 200, 'B saving a first draft');
    const secondB = await save(tokenB, 1, { text: weakB[1], baseRevision: 1 });
    expectStatus(secondB, 200, 'B revising item 1');
    expect(secondB.body).toMatchObject({ position: 1, revision: 2, changed: true });
    const retryB = await save(tokenB, 1, { text: weakB[1] }); // an autosave retry stores nothing
    expect(retryB.body).toMatchObject({ revision: 2, changed: false });
    const staleB = await save(tokenB, 1, { text: 'typed in an old tab', baseRevision: 1 }); // never overwrites a newer draft
    expect(staleB.status).toBe(409);
    expect(staleB.body).toMatchObject({ type: 'https://assay.dev/problems/revision-conflict', currentRevision: 2 });
    expectStatus(await save(tokenB, 2, { text: weakB[2] }), 200, 'B saving item 2');
    expectStatus(await save(tokenB, 4, { text: weakB[4] }), 200, 'B saving item 4');
    // Item 3 (the probe) B never answers.

    // ── 7. Candidate A starts, revises, answers strongly, and submits (twice: idempotent).
    const viewA = await start(tokenA, sessionB.id);
    expect(viewA.id).toBe(sessionA.id);
    const drawnA = samplingDrawable.find((q) => q.prompt === viewA.items[3].prompt);
    if (!drawnA) throw new Error(`A's fourth item is not a senior/staff Sampling question: ${viewA.items[3].prompt}`);
    const strongA = {
      1: byBand(rubricOf(spanAndTrace), 'strong'),
      2: byBand(rubricOf(idSizes), 'strong'),
      4: byBand(rubricOf(drawnA), 'strong'),
    };
    const partialA1 = byBand(rubricOf(spanAndTrace), 'partial').answer;
    const probeA = 'You end up with two separate traces for one request: the downstream service started a new root instead of extracting the incoming traceparent first.';
    const answersA: Record<number, string> = { 1: strongA[1].answer, 2: strongA[2].answer, 3: probeA, 4: strongA[4].answer };

    const firstA = await save(tokenA, 1, { text: partialA1, baseRevision: 0 });
    expectStatus(firstA, 200, 'A saving a first draft');
    expect(firstA.body).toMatchObject({ position: 1, revision: 1, changed: true, deadlineAt: viewA.deadlineAt });
    const secondA = await save(tokenA, 1, { text: answersA[1], baseRevision: 1 });
    expectStatus(secondA, 200, 'A revising item 1');
    expect(secondA.body).toMatchObject({ revision: 2, changed: true });
    for (const position of [2, 3, 4]) expectStatus(await save(tokenA, position, { text: answersA[position] }), 200, `A saving item ${position}`);

    const draftsA = await candidateView(tokenA, sessionB.id, Object.values(answersA));
    expect(draftsA.items.map((item) => [item.answer.text, item.answer.revision])).toEqual([
      [answersA[1], 2],
      [answersA[2], 1],
      [answersA[3], 1],
      [answersA[4], 1],
    ]);

    const submittedA = await http().post('/v1/candidate/session/submit').set(bearer(tokenA));
    expectStatus(submittedA, 200, 'A submitting');
    expect(submittedA.body).toMatchObject({ status: 'submitted', submittedBy: 'candidate' });
    const againA = await http().post('/v1/candidate/session/submit').set(bearer(tokenA));
    expectStatus(againA, 200, 'A submitting again');
    expect((againA.body as CandidateView).submittedAt).toBe((submittedA.body as CandidateView).submittedAt);
    const lateEditA = await save(tokenA, 2, { text: 'one more thought' });
    expect(lateEditA.status).toBe(409);
    expect(lateEditA.body).toMatchObject({ type: 'https://assay.dev/problems/session-submitted' });

    const sessionStatus = async (id: string) => {
      const response = await get(`/v1/sessions/${id}`, owner.accessToken);
      expectStatus(response, 200, `reading session ${id}`);
      return response.body as { status: string; submittedBy: string | null; gradedAt: string | null };
    };
    const gradedSession = (id: string, timeoutMs: number) =>
      pollFor(`session ${id} to be graded`, async () => {
        const session = await sessionStatus(id);
        return session.status === 'graded' ? session : undefined;
      }, timeoutMs);
    await gradedSession(sessionA.id, SETTLE_MS);

    // ── 8. B's deadline passes (no submit). A save then is refused, clearly; the drafts stay.
    expect((await sessionStatus(sessionB.id)).status).toBe('in_progress');
    const waitMs = deadlineB - Date.now() + 50;
    expect(waitMs).toBeLessThan(61_000);
    await sleep(waitMs);
    const tooLate = await save(tokenB, 4, { text: byBand(rubricOf(drawnB), 'strong').answer });
    expect(tooLate.status).toBe(409);
    const refusal = tooLate.body as { type: string; detail: string; deadlineAt?: string; savesClosedAt?: string };
    // Saves close at the deadline; the deadline worker may already have finalised the session
    // in the same instant, in which case the refusal says so instead. Both keep the drafts.
    if (refusal.type.endsWith('/deadline-passed')) {
      expect(refusal).toMatchObject({ deadlineAt: viewB.deadlineAt, savesClosedAt: viewB.deadlineAt });
      expect(refusal.detail).toMatch(/drafts you saved before then are kept and will be graded/);
    } else {
      expect(refusal.type).toBe('https://assay.dev/problems/session-submitted');
      expect(refusal.detail).toMatch(/saved drafts are what will be graded/);
    }
    const gradedB = await gradedSession(sessionB.id, SETTLE_MS);
    expect(gradedB.submittedBy).toBe('deadline');
    const afterB = await candidateView(tokenB, sessionA.id, [weakB[1], weakB[2], weakB[4]]);
    expect(afterB).toMatchObject({ status: 'graded', submittedBy: 'deadline' });
    expect(afterB.items.map((item) => item.answer.text)).toEqual([weakB[1], weakB[2], '', weakB[4]]);

    // ── 9. Review: the reviewer overrides one of A's items (a reason is required), comments and advances A; the key rejects B.
    const report = async (id: string, token = reviewer.accessToken): Promise<Report> => {
      const response = await get(`/v1/sessions/${id}/report`, token);
      expectStatus(response, 200, `reading the report of ${id}`);
      return response.body as Report;
    };
    const beforeReview = await report(sessionA.id);
    const probeItem = beforeReview.items.find((item) => item.position === 3)!;
    expect(probeItem.probeIndex).toBe(0);
    const probeAuto = probeItem.automatic.points!;
    const overridePoints = probeAuto < probeItem.maxPoints ? probeItem.maxPoints : probeItem.maxPoints / 2;
    const reason = 'Names both halves of the bug (no extract, a fresh root) in words the rubric does not list.';

    const noReason = await http().put(`/v1/sessions/${sessionA.id}/items/3/override`).set(bearer(reviewer.accessToken)).send({ points: overridePoints });
    expect(noReason.status).toBe(400);
    const override = await http().put(`/v1/sessions/${sessionA.id}/items/3/override`).set(bearer(reviewer.accessToken)).send({ points: overridePoints, reason });
    expectStatus(override, 200, 'overriding A’s probe item');
    expect(override.body).toMatchObject({ itemPosition: 3, points: overridePoints, itemPoints: 5, reason, reviewerId: reviewer.user.id, current: true, automaticPoints: probeAuto });
    const comment = await http().post(`/v1/sessions/${sessionA.id}/comments`).set(bearer(reviewer.accessToken)).send({ body: 'Clear on IDs; the probe answer deserved full marks.', itemPosition: 3 });
    expectStatus(comment, 201, 'commenting');
    const advance = await http().post(`/v1/sessions/${sessionA.id}/decisions`).set(bearer(reviewer.accessToken)).send({ decision: 'advance', note: 'Strong fundamentals.' });
    expectStatus(advance, 201, 'advancing A');
    const reject = await http().post(`/v1/sessions/${sessionB.id}/decisions`).set(bearer(reviewerKey.secret)).send({ decision: 'reject', note: 'Ran out of time; weak answers.' });
    expectStatus(reject, 201, 'rejecting B with the API key');
    expect(reject.body).toMatchObject({ decision: 'reject', reviewerId: null, current: true });

    const auditA = await get(`/v1/sessions/${sessionA.id}/audit`, reviewer.accessToken);
    expectStatus(auditA, 200, 'reading A’s audit trail');
    const trailA = (auditA.body as { items: { action: string; actor: { kind: string; id: string | null }; itemPosition: number | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[] }).items;
    expect(trailA.find((entry) => entry.action === 'override.set')).toMatchObject({
      actor: { kind: 'user', id: reviewer.user.id },
      itemPosition: 3,
      before: { points: probeAuto, overridden: false },
      after: { points: overridePoints, reason },
    });
    expect(trailA.find((entry) => entry.action === 'decision.recorded')).toMatchObject({ actor: { kind: 'user', id: reviewer.user.id }, after: { decision: 'advance' } });
    const auditB = await get(`/v1/sessions/${sessionB.id}/audit`, owner.accessToken);
    expectStatus(auditB, 200, 'reading B’s audit trail');
    const trailB = (auditB.body as { items: { action: string; actor: { kind: string; id: string | null }; after: Record<string, unknown> | null }[] }).items;
    expect(trailB.find((entry) => entry.action === 'session.submitted')).toMatchObject({ actor: { kind: 'system' }, after: { submittedBy: 'deadline' } });
    expect(trailB.find((entry) => entry.action === 'decision.recorded')).toMatchObject({ actor: { kind: 'api_key', id: reviewerKey.id }, after: { decision: 'reject' } });

    // ── 10. Reports: numbers, evidence, missed concepts, percentile.
    const reportA = await report(sessionA.id);
    const reportB = await report(sessionB.id, owner.accessToken);
    const weighted = (items: ReportItem[], points: (item: ReportItem) => number) =>
      items.reduce((sum, item) => sum + item.weight * points(item), 0) / items.reduce((sum, item) => sum + item.weight * item.maxPoints, 0);
    const sum = (items: ReportItem[], points: (item: ReportItem) => number) => items.reduce((total, item) => total + points(item), 0);

    for (const [r, session, candidate] of [
      [reportA, sessionA, candidateA],
      [reportB, sessionB, candidateB],
    ] as const) {
      expect(r).toMatchObject({ sessionId: session.id, status: 'graded', interview: { id: interviewId, passingThreshold: THRESHOLD }, candidate: { name: candidate.candidateName, email: candidate.candidateEmail } });
      expect(r.items.map((item) => [item.position, item.weight, item.maxPoints])).toEqual([
        [1, 2, 10],
        [2, 1, 5],
        [3, 1, 5],
        [4, 1, 10],
      ]);
      expect(r.totals).toMatchObject({ maxPoints: 30, itemCount: 4, scoredItemCount: 4 });
      // Automatic and reviewed side by side: plain sums, weighted fractions, pass against the threshold.
      // Points and fractions leave the API rounded to 4 decimals; sums of rounded items may differ by those roundings.
      expect(Math.abs(r.totals.automaticPoints! - sum(r.items, (item) => item.automatic.points!))).toBeLessThanOrEqual(3e-4);
      expect(Math.abs(r.totals.reviewedPoints! - sum(r.items, (item) => item.effectivePoints!))).toBeLessThanOrEqual(3e-4);
      expect(Math.abs(r.totals.automaticFraction! - weighted(r.items, (item) => item.automatic.points!))).toBeLessThanOrEqual(6e-5);
      expect(Math.abs(r.totals.fraction! - weighted(r.items, (item) => item.effectivePoints!))).toBeLessThanOrEqual(6e-5);
      expect(r.totals.passed).toBe(r.totals.fraction! >= THRESHOLD);
      for (const item of r.items) {
        expect(item.automatic.engineVersion).toEqual(expect.any(String));
        // Every highlighted span points at the candidate's own words.
        for (const span of [...item.evidence.flatMap((e) => e.matches), ...item.misconceptions.flatMap((m) => m.matches), ...item.flags.flatMap((f) => f.matches)]) {
          expect(item.answer!.slice(span.start, span.end)).toBe(span.text);
        }
      }
      expect(r.breakdowns.sections.map((row) => row.key)).toEqual([FOUNDATIONS, SAMPLING]);
      expect(r.percentile.gradedSessions).toBe(2);
    }

    // A: the answers as saved (latest revision), the rubric's strong answers earn what its tests promise, the override counts.
    expect(reportA.items.map((item) => [item.answer, item.answerRevision])).toEqual([
      [answersA[1], 2],
      [answersA[2], 1],
      [answersA[3], 1],
      [answersA[4], 1],
    ]);
    for (const [position, test] of [[1, strongA[1]], [2, strongA[2]], [4, strongA[4]]] as const) {
      const item = reportA.items[position - 1];
      expect(item.automatic.band).toBe('strong');
      expect(item.evidence.map((e) => e.conceptId)).toEqual(expect.arrayContaining(test.expect.concepts ?? []));
    }
    const overridden = reportA.items[2];
    expect(overridden.automatic.points).toBe(probeAuto);
    expect(overridden.reviewed).toMatchObject({ points: overridePoints, reason, reviewerId: reviewer.user.id, reviewerName: 'Rita Reviewer', autoScoreChanged: false });
    expect(overridden.effectivePoints).toBe(overridePoints);
    expect(reportA.totals.overriddenItemCount).toBe(1);
    expect(Math.abs(reportA.totals.reviewedPoints! - reportA.totals.automaticPoints! - (overridePoints - probeAuto))).toBeLessThanOrEqual(2e-4);
    expect(reportA.totals.passed).toBe(true);
    expect(reportA.decisions).toEqual([expect.objectContaining({ decision: 'advance', reviewerId: reviewer.user.id, reviewerName: 'Rita Reviewer', note: 'Strong fundamentals.' })]);
    expect(reportA.latestDecision).toBe('advance');
    expect(reportA.timestamps.submittedBy).toBe('candidate');

    // B: the drafts saved in time were graded (not the refused one); weak answers show what they missed.
    expect(reportB.items.map((item) => [item.answer, item.answerRevision])).toEqual([
      [weakB[1], 2],
      [weakB[2], 1],
      [null, null],
      [weakB[4], 1],
    ]);
    expect(reportB.timestamps.submittedBy).toBe('deadline');
    expect(reportB.totals.overriddenItemCount).toBe(0);
    expect(reportB.totals.reviewedPoints).toBe(reportB.totals.automaticPoints);
    expect(reportB.totals.passed).toBe(false);
    for (const position of [1, 2]) {
      const item = reportB.items[position - 1];
      const rubric = rubricOf(position === 1 ? spanAndTrace : idSizes);
      expect(item.automatic.band).toBe('weak');
      expect(item.missedConcepts.length).toBeGreaterThan(0);
      const labels = new Map(rubric.rubric.concepts.map((c) => [c.id, c.label]));
      for (const missed of item.missedConcepts) expect(missed.label).toBe(labels.get(missed.conceptId));
      expect(item.missedConcepts.some((missed) => missed.required)).toBe(true);
      expect(item.misconceptions.length).toBeGreaterThan(0);
    }
    expect(reportB.items[2]).toMatchObject({ answer: null, automatic: { points: 0 } });
    expect(reportB.decisions).toEqual([expect.objectContaining({ decision: 'reject', reviewerId: null })]);

    // Percentiles agree with the two reviewed fractions.
    expect(reportA.totals.fraction!).toBeGreaterThan(reportB.totals.fraction!);
    const fractions = [reportA.totals.fraction!, reportB.totals.fraction!];
    expect(reportA.percentile.value).toBe(expectedPercentile(fractions[0], fractions));
    expect(reportB.percentile.value).toBe(expectedPercentile(fractions[1], fractions));
    expect([reportA.percentile.value, reportB.percentile.value]).toEqual([75, 25]);

    // ── 11. The same report as CSV, Markdown and HTML.
    const document = async (id: string, format: 'csv' | 'md' | 'html') => {
      const response = await http().get(`/v1/sessions/${id}/report`).query({ format }).set(bearer(reviewer.accessToken));
      expectStatus(response, 200, `the ${format} report of ${id}`);
      return response;
    };
    const csvA = await document(sessionA.id, 'csv');
    expect(csvA.headers['content-type']).toMatch(/^text\/csv/);
    const rowsA = csvRecords(csvA.text);
    expect(rowsA.map((row) => row.row)).toEqual(['item', 'item', 'item', 'item', 'total']);
    expect(rowsA[2]).toMatchObject({
      position: '3',
      automatic_points: String(probeAuto),
      reviewed_points: String(overridePoints),
      effective_points: String(overridePoints),
      max_points: '5',
      override_reason: reason,
    });
    expect(rowsA[0].answer).toBe(answersA[1]);
    expect(rowsA[4]).toMatchObject({
      automatic_points: String(reportA.totals.automaticPoints),
      reviewed_points: String(reportA.totals.reviewedPoints),
      max_points: '30',
      fraction: String(reportA.totals.fraction),
      passed: 'true',
      percentile: '75',
    });
    const csvB = csvRecords((await document(sessionB.id, 'csv')).text);
    expect(csvB[4]).toMatchObject({ automatic_points: String(reportB.totals.automaticPoints), passed: 'false', percentile: '25' });
    expect(csvB[0].missed_concepts).toContain(reportB.items[0].missedConcepts[0].label);

    const markdown = await document(sessionA.id, 'md');
    expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
    expect(markdown.text).toContain('# Interview report: Tracing fundamentals — journey');
    expect(markdown.text).toContain(`| Points | ${shownPoints(reportA.totals.automaticPoints)} | ${shownPoints(reportA.totals.reviewedPoints)} | 30 |`);
    expect(markdown.text).toContain('**Result:** pass');
    expect(markdown.text).toContain('**advance** by Rita Reviewer');
    expect(markdown.text).toContain(`| ${shownPoints(probeAuto)} | ${shownPoints(overridePoints)} | 5 |`);
    const markdownB = await document(sessionB.id, 'md');
    expect(markdownB.text).toContain('**Result:** fail');
    expect(markdownB.text).toContain('**Missed concepts**');

    const html = await document(sessionA.id, 'html');
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.text).toMatch(/^<!doctype html>/);
    expect(html.text).toContain('<svg');
    expect(html.text).not.toMatch(/<script/i);
    expect(html.text).toContain(`id="total-reviewed"><div class="muted">Reviewed</div><div class="value">${shownPoints(reportA.totals.reviewedPoints)} / 30</div>`);
    expect(html.text).toContain('<tr class="question-row" data-position="3">');
    expect(html.text).toContain('Names both halves of the bug');

    // ── 12. The interview's results, as JSON and as RFC 4180 CSV.
    const results = await http().get(`/v1/interviews/${interviewId}/results`).query({ sort: '-fraction' }).set(bearer(reviewer.accessToken));
    expectStatus(results, 200, 'reading the results');
    const resultRows = (results.body as { items: { sessionId: string; reviewedPoints: number; latestDecision: string }[] }).items;
    expect(resultRows.map((row) => [row.sessionId, row.latestDecision])).toEqual([
      [sessionA.id, 'advance'],
      [sessionB.id, 'reject'],
    ]);
    const resultsCsv = await http().get(`/v1/interviews/${interviewId}/results`).query({ format: 'csv', sort: 'candidateName' }).set(bearer(owner.accessToken));
    expectStatus(resultsCsv, 200, 'exporting the results');
    expect(resultsCsv.headers['content-type']).toMatch(/^text\/csv/);
    const records = csvRecords(resultsCsv.text);
    expect(records).toHaveLength(2);
    for (const [record, r, candidate, decision] of [
      [records[0], reportA, candidateA, 'advance'],
      [records[1], reportB, candidateB, 'reject'],
    ] as const) {
      expect(record).toMatchObject({
        session_id: r.sessionId,
        candidate_name: candidate.candidateName,
        candidate_email: candidate.candidateEmail,
        status: 'graded',
        automatic_points: String(r.totals.automaticPoints),
        reviewed_points: String(r.totals.reviewedPoints),
        max_points: '30',
        fraction: String(r.totals.fraction),
        passed: String(r.totals.passed),
        latest_decision: decision,
      });
    }

    // ── 13. Webhooks: six signed deliveries, ids and outcomes only.
    const requests = await receiver.waitForRequests(6, SETTLE_MS);
    await sleep(500); // anything beyond the six would be a duplicate event
    const bodies = receiver.requests.map((request) => JSON.parse(request.body.toString('utf8')) as { id: string; type: string; createdAt: string; data: Record<string, unknown> });
    const unique = new Map(bodies.map((body) => [body.id, body]));
    expect(unique.size).toBe(6);
    const ofType = (type: string) => [...unique.values()].filter((body) => body.type === type);
    const bySession = (type: string) => new Map(ofType(type).map((body) => [body.data.sessionId, body.data]));
    expect(ofType('session.submitted')).toHaveLength(2);
    expect(ofType('session.graded')).toHaveLength(2);
    expect(ofType('review.decided')).toHaveLength(2);
    expect(bySession('session.submitted').get(sessionA.id)).toMatchObject({ interviewId, submittedBy: 'candidate' });
    expect(bySession('session.submitted').get(sessionB.id)).toMatchObject({ interviewId, submittedBy: 'deadline' });
    for (const r of [reportA, reportB]) {
      const graded = bySession('session.graded').get(r.sessionId) as { points: number; maxPoints: number; passed: boolean };
      // Sent when grading finished, before any override: the automatic figures.
      expect(graded.points).toBeCloseTo(r.totals.automaticPoints!, 4);
      expect(graded.maxPoints).toBe(30);
      expect(graded.passed).toBe(r.totals.automaticFraction! >= THRESHOLD);
    }
    expect(bySession('review.decided').get(sessionA.id)).toMatchObject({ interviewId, decision: 'advance', reviewerId: reviewer.user.id });
    expect(bySession('review.decided').get(sessionB.id)).toMatchObject({ interviewId, decision: 'reject', reviewerId: null });

    const personal = [candidateA.candidateEmail, candidateB.candidateEmail, candidateA.candidateName, candidateB.candidateName, ...Object.values(answersA), weakB[1], weakB[2], weakB[4], reason];
    for (const request of requests as ReceivedRequest[]) {
      expect(request.method).toBe('POST');
      expect(headerOf(request, 'content-type')).toMatch(/^application\/json/);
      expect(signatureIsValid(hook.secret, request)).toBe(true);
      expect(signatureIsValid(`${hook.secret}x`, request)).toBe(false); // the check can fail
      const body = request.body.toString('utf8');
      expect(headerOf(request, 'assay-webhook-id')).toBe((JSON.parse(body) as { id: string }).id);
      for (const text of personal) expect(body).not.toContain(text.slice(0, 40));
    }
    const deliveries = await get(`/v1/webhooks/${hook.id}/deliveries`, owner.accessToken);
    expectStatus(deliveries, 200, 'reading the delivery log');
    const log = (deliveries.body as { items: { status: string; attempts: number }[] }).items;
    expect(log).toHaveLength(6);
    expect(log.every((delivery) => delivery.status === 'succeeded' && delivery.attempts === 1)).toBe(true);

    // ── 14. Isolation: another organization reaches nothing; a candidate reaches only their own session.
    const stranger: Account = await signUp(http);
    const strangerRoutes: [method: 'get' | 'post' | 'put', url: string, body?: object][] = [
      ['get', `/v1/interviews/${interviewId}`],
      ['get', `/v1/interviews/${interviewId}/preview`],
      ['get', `/v1/interviews/${interviewId}/sessions`],
      ['post', `/v1/interviews/${interviewId}/sessions`, { candidateName: 'Eve', candidateEmail: uniqueEmail('eve') }],
      ['get', `/v1/interviews/${interviewId}/results`],
      ['get', `/v1/interviews/${interviewId}/results?format=csv`],
      ['get', `/v1/webhooks/${hook.id}`],
      ...[sessionA.id, sessionB.id].flatMap((id): [method: 'get' | 'post' | 'put', url: string, body?: object][] => [
        ['get', `/v1/sessions/${id}`],
        ['get', `/v1/sessions/${id}/report`],
        ['get', `/v1/sessions/${id}/report?format=html`],
        ['get', `/v1/sessions/${id}/overrides`],
        ['get', `/v1/sessions/${id}/decisions`],
        ['get', `/v1/sessions/${id}/audit`],
        ['put', `/v1/sessions/${id}/items/1/override`, { points: 1, reason: 'not my session' }],
        ['post', `/v1/sessions/${id}/decisions`, { decision: 'advance' }],
      ]),
    ];
    for (const [method, url, body] of strangerRoutes) {
      const response = await http()[method](url).set(bearer(stranger.accessToken)).send(body);
      expect({ url, method, status: response.status }).toEqual({ url, method, status: 404 });
      expect(response.text).not.toContain(candidateA.candidateName);
    }

    const ownA = await candidateView(tokenA, sessionB.id, Object.values(answersA));
    expect(ownA).toMatchObject({ id: sessionA.id, status: 'graded' });
    expect(ownA.items.map((item) => item.answer.text)).toEqual([answersA[1], answersA[2], answersA[3], answersA[4]]);
    const ownAText = JSON.stringify(ownA);
    for (const text of [weakB[1], weakB[2], weakB[4], candidateB.candidateName]) expect(ownAText).not.toContain(text);
    for (const url of [`/v1/sessions/${sessionB.id}`, `/v1/sessions/${sessionA.id}`, `/v1/sessions/${sessionB.id}/report`, `/v1/interviews/${interviewId}`, `/v1/interviews/${interviewId}/results`]) {
      const response = await get(url, tokenA);
      expect({ url, status: response.status }).toEqual({ url, status: 401 });
    }

    // ── 15. Secrets at rest (read-only): candidate tokens and the API key are SHA-256 hashes, the webhook secret is encrypted.
    const prisma = t.app.get(PrismaService);
    const stored = await prisma.session.findMany({ where: { id: { in: [sessionA.id, sessionB.id] } }, select: { id: true, tokenHash: true } });
    expect(new Map(stored.map((s) => [s.id, s.tokenHash]))).toEqual(new Map([
      [sessionA.id, sha256(tokenA)],
      [sessionB.id, sha256(tokenB)],
    ]));
    const key = await prisma.apiKey.findUniqueOrThrow({ where: { id: reviewerKey.id }, select: { secretHash: true } });
    expect(key.secretHash).toBe(sha256(reviewerKey.secret));
    const endpoint = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id }, select: { secretEncrypted: true, secretPrefix: true } });
    expect(endpoint.secretEncrypted).not.toContain(hook.secret.slice(hook.secretPrefix.length));
    expect(endpoint.secretPrefix).toBe(hook.secretPrefix);
  }, 180_000);
});
