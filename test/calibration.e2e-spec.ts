import { addMember, bearer, signUp, type Account } from './factories/accounts';
import { createQuestion, libraryQuestion } from './factories/questions';
import { createReviewSession, regradeItem, removeOverride, rubricAnswer, setOverride, SPAN_QUESTION, SAMPLING_QUESTION, type ReviewItem } from './factories/reviews';
import { createTestApp, type TestApp } from './support/test-app';

interface Movement {
  count: number;
  meanDifference: number | null;
}
interface ConceptRow {
  conceptId: string;
  label: string;
  overriddenItems: number;
  matched: { count: number; movedUp: Movement; movedDown: Movement; unchanged: number };
  missed: { count: number; movedUp: Movement; movedDown: Movement; unchanged: number };
  disagreements: number;
}

describe('GET /v1/questions/{id}/calibration', () => {
  let t: TestApp;
  let owner: Account;
  let reviewer: Account;
  let spanQuestionId: string;
  const matchedIn = (item: ReviewItem) => item.result!.concepts.filter((c) => c.matched).map((c) => c.id);

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    reviewer = await addMember(t.http, owner, 'reviewer');
    spanQuestionId = (await libraryQuestion(t.http, owner, SPAN_QUESTION)).id;
  });

  afterAll(async () => {
    await t.close();
  });

  const calibration = (who: Account, id: string, query: Record<string, string> = {}) => t.http().get(`/v1/questions/${id}/calibration`).query(query).set(bearer(who.accessToken));

  /**
   * Four overridden span answers (10 points each) with automatic points fixed at 8, 5, 2, 3 and reviewed points 7, 8, 2, 6:
   * differences −1, +3, 0, +3. One more graded answer nobody overrode, one override later removed, and one overridden
   * probe sub-item (probes have rubrics of their own) that must not count.
   */
  async function buildOrganizationData(org: Account, rater: Account) {
    const answers = await Promise.all(['strong', 'partial', 'misconception', 'span-only'].map((name) => rubricAnswer(t, SPAN_QUESTION, name)));
    const fractions = [0.8, 0.5, 0.2, 0.3];
    const reviewed = [7, 8, 2, 6];
    const items: ReviewItem[] = [];
    for (const [index, answer] of answers.entries()) {
      const session = await createReviewSession(t, org, { items: [{ slug: SPAN_QUESTION, answer, automaticFraction: fractions[index] }, { slug: SAMPLING_QUESTION, answer: 'Head sampling decides up front.' }] });
      await setOverride(t.http, rater, session.id, 1, { points: reviewed[index], reason: `Calibration case ${index}` });
      // An override of another question in the same session stays out of this question's figures.
      await setOverride(t.http, rater, session.id, 2, { points: 10, reason: 'Other question.' });
      items.push(session.items[0]);
    }
    await createReviewSession(t, org, { items: [{ slug: SPAN_QUESTION, answer: answers[0] }] });
    const withdrawn = await createReviewSession(t, org, { items: [{ slug: SPAN_QUESTION, answer: answers[1], automaticFraction: 0.1 }] });
    await setOverride(t.http, rater, withdrawn.id, 1, { points: 10, reason: 'Withdrawn later.' });
    await removeOverride(t.http, rater, withdrawn.id, 1);
    const probe = await createReviewSession(t, org, { items: [{ slug: SPAN_QUESTION, answer: answers[0] }, { slug: SPAN_QUESTION, answer: 'Probe answer.', probeIndex: 0 }] });
    await setOverride(t.http, rater, probe.id, 2, { points: 10, reason: 'Probe override.' });
    return items;
  }

  it('computes count, mean differences, correlation and concept disagreements over the organization’s overrides', async () => {
    const items = await buildOrganizationData(owner, reviewer);
    const [strong, partial, misconception, spanOnly] = items;
    // What the curated rubric's own tests guarantee about these answers.
    expect(matchedIn(strong)).toEqual(expect.arrayContaining(['span-timed-operation', 'trace-tree-of-spans']));
    expect(matchedIn(partial)).toEqual(expect.arrayContaining(['span-timed-operation', 'trace-tree-of-spans']));
    expect(matchedIn(misconception)).not.toContain('span-timed-operation');
    expect(matchedIn(spanOnly)).toContain('span-timed-operation');
    expect(matchedIn(spanOnly)).not.toContain('trace-tree-of-spans');

    const response = await calibration(reviewer, spanQuestionId);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.questionId).toBe(spanQuestionId);
    expect(body.version).toBeNull();
    // 4 overridden + 1 never overridden + 1 whose override was removed + the question item beside the probe;
    // the probe sub-item itself is not the question's own.
    expect(body.gradedItems).toBe(7);
    expect(body.overriddenItems).toBe(4);
    // |−1| + 3 + 0 + 3 = 7 over 4 items
    expect(body.meanAbsoluteDifference).toEqual({ points: 1.75, fraction: 0.175 });
    // (−1 + 3 + 0 + 3) / 4
    expect(body.meanSignedDifference).toEqual({ points: 1.25, fraction: 0.125 });
    // x×10 = 8,5,2,3 (mean 4.5), y×10 = 7,8,2,6 (mean 5.75): Σdxdy = 14.5, Σdx² = 21, Σdy² = 20.75
    expect(body.correlation).toBeCloseTo(14.5 / Math.sqrt(21 * 20.75), 4);

    const concepts = body.concepts as ConceptRow[];
    expect(concepts.length).toBeGreaterThan(0);
    expect(concepts.length).toBeLessThanOrEqual(10);
    // Ranked by disagreements, most first.
    const keys = concepts.map((c) => c.disagreements);
    expect([...keys].sort((a, b) => b - a)).toEqual(keys);

    // span-timed-operation: matched in strong (−0.1), partial (+0.3), span-only (+0.3); missed in misconception (0).
    expect(concepts.find((c) => c.conceptId === 'span-timed-operation')).toEqual({
      conceptId: 'span-timed-operation',
      label: expect.stringContaining('timed operation'),
      overriddenItems: 4,
      matched: { count: 3, movedUp: { count: 2, meanDifference: 0.3 }, movedDown: { count: 1, meanDifference: -0.1 }, unchanged: 0 },
      missed: { count: 1, movedUp: { count: 0, meanDifference: null }, movedDown: { count: 0, meanDifference: null }, unchanged: 1 },
      disagreements: 1,
    });
    // trace-tree-of-spans: missed in span-only while the reviewer added 0.3 — the "reviewers add points when X is missed" signal.
    const traceTree = concepts.find((c) => c.conceptId === 'trace-tree-of-spans')!;
    expect(traceTree.missed.movedUp).toEqual({ count: 1, meanDifference: 0.3 });
    expect(traceTree.matched.movedDown).toEqual({ count: 1, meanDifference: -0.1 });
    expect(traceTree.disagreements).toBe(2);
  });

  it('never counts another organization’s overrides of the same library question', async () => {
    const ours = await signUp(t.http);
    const theirs = await signUp(t.http);
    const answer = await rubricAnswer(t, SPAN_QUESTION, 'partial');
    // Ours: one override, +2 points.
    const mine = await createReviewSession(t, ours, { items: [{ slug: SPAN_QUESTION, answer, automaticFraction: 0.5 }] });
    await setOverride(t.http, ours, mine.id, 1, { points: 7, reason: 'Ours.' });
    // Theirs: three overrides far from the automatic score.
    for (const fraction of [0.1, 0.2, 0.3]) {
      const session = await createReviewSession(t, theirs, { items: [{ slug: SPAN_QUESTION, answer, automaticFraction: fraction }] });
      await setOverride(t.http, theirs, session.id, 1, { points: 10, reason: 'Theirs.' });
    }

    const our = await calibration(ours, SPAN_QUESTION);
    expect(our.status).toBe(200);
    expect(our.body).toMatchObject({ questionId: spanQuestionId, gradedItems: 1, overriddenItems: 1, meanAbsoluteDifference: { points: 2, fraction: 0.2 }, correlation: null });
    const their = await calibration(theirs, spanQuestionId);
    expect(their.body).toMatchObject({ gradedItems: 3, overriddenItems: 3, meanAbsoluteDifference: { points: 8, fraction: 0.8 } });
  });

  it('has no figures before any override, and lets any member read it', async () => {
    const fresh = await signUp(t.http);
    const interviewer = await addMember(t.http, fresh, 'interviewer');
    await createReviewSession(t, fresh, { items: [{ slug: SPAN_QUESTION, answer: 'A span is a timed operation.' }] });
    const response = await calibration(interviewer, spanQuestionId);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      questionId: spanQuestionId,
      version: null,
      gradedItems: 1,
      overriddenItems: 0,
      meanAbsoluteDifference: null,
      meanSignedDifference: null,
      correlation: null,
      concepts: [],
    });
  });

  it('compares an override with the automatic score the reviewer saw, not a later re-grade', async () => {
    const fresh = await signUp(t.http);
    const session = await createReviewSession(t, fresh, { items: [{ slug: SPAN_QUESTION, answer: 'A span is one unit of work.', automaticFraction: 0.2 }] });
    await setOverride(t.http, fresh, session.id, 1, { points: 6, reason: 'Four points more.' });
    await regradeItem(t, session.items[0], session.id, 0.6);
    const response = await calibration(fresh, spanQuestionId);
    expect(response.body).toMatchObject({ gradedItems: 1, overriddenItems: 1, meanSignedDifference: { points: 4, fraction: 0.4 } });
  });

  it('filters by the rubric version of the automatic scores', async () => {
    const fresh = await signUp(t.http);
    const session = await createReviewSession(t, fresh, { items: [{ slug: SPAN_QUESTION, answer: 'A span is one unit of work.', automaticFraction: 0.4 }] });
    await setOverride(t.http, fresh, session.id, 1, { points: 5, reason: 'One more point.' });
    const current = (await libraryQuestion(t.http, fresh, SPAN_QUESTION)).version;
    const filtered = await calibration(fresh, spanQuestionId, { version: String(current) });
    expect(filtered.status).toBe(200);
    expect(filtered.body).toMatchObject({ version: current, overriddenItems: 1, meanSignedDifference: { points: 1, fraction: 0.1 } });
    const unknown = await calibration(fresh, spanQuestionId, { version: String(current + 1) });
    expect(unknown.status).toBe(404);
  });

  it('answers 404 for unknown questions and other organizations’ own questions', async () => {
    const other = await signUp(t.http);
    const theirs = await createQuestion(t.http, other);
    expect((await calibration(owner, theirs.id)).status).toBe(404);
    expect((await calibration(owner, theirs.slug)).status).toBe(404);
    expect((await calibration(owner, '6f1c1f4e-8f5d-4a57-9d1e-2a6a3d1b9c00')).status).toBe(404);
    expect((await calibration(owner, 'no-such-question')).status).toBe(404);
    // Their own question is theirs to calibrate.
    expect((await calibration(other, theirs.id)).status).toBe(200);
  });

  it('refuses a malformed version or question reference with 400', async () => {
    for (const version of ['0', '-1', '1.5', 'abc', '99999999999']) {
      const response = await calibration(owner, spanQuestionId, { version });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/version');
    }
    // Ids that are neither a UUID nor a slug never reach the database (a NUL byte would break the query).
    for (const id of ['%00', 'a%20b', 'spans%3Bdrop', '-leading-dash']) {
      const response = await calibration(owner, id);
      expect({ id, status: response.status }).toEqual({ id, status: 400 });
      expect(response.body.errors).toEqual([{ pointer: 'path:id', detail: 'id must be a question id (UUID) or slug' }]);
    }
    const unknownParam = await calibration(owner, spanQuestionId, { since: '2020' });
    expect(unknownParam.status).toBe(400);
  });
});
