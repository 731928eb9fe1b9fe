import type { SessionReportDto } from '../src/reports/dto/session-report.dto';
import { csvRecords } from '../src/reports/testing/parse-csv';
import { Account, addMember, bearer, createApiKey, signUp } from './factories/accounts';
import { BuiltInterview, BuiltSession, createInterview, createSession, expectedFraction, expectedPercentile, TRACING_ITEMS } from './factories/reports';
import { createTestApp, TestApp } from './support/test-app';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const SCRIPT = '<script>alert("pwned")</script>';

describe('GET /v1/sessions/{id}/report', () => {
  let t: TestApp;
  let owner: Account;
  let reviewer: Account;
  let stranger: Account;
  let interview: BuiltInterview;
  let ada: BuiltSession;
  let bo: BuiltSession;
  let cy: BuiltSession;
  let dee: BuiltSession;
  let eve: BuiltSession;
  let foreign: BuiltSession;
  const tokens = new Map<string, string>();

  const get = (id: string, token: string, query: Record<string, string> = {}) => t.http().get(`/v1/sessions/${id}/report`).query(query).set(bearer(token));
  const report = async (id: string): Promise<SessionReportDto> => {
    const response = await get(id, owner.accessToken);
    expect(response.status).toBe(200);
    return response.body as SessionReportDto;
  };

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http, { name: 'Olive Owner' });
    reviewer = await addMember(t.http, owner, 'reviewer', { name: 'Rita Reviewer' });
    tokens.set('owner', owner.accessToken);
    tokens.set('reviewer', reviewer.accessToken);
    tokens.set('admin', (await addMember(t.http, owner, 'admin')).accessToken);
    tokens.set('interviewer', (await addMember(t.http, owner, 'interviewer')).accessToken);
    tokens.set('reviewer API key', (await createApiKey(t.http, owner, 'reviewer')).secret);
    tokens.set('interviewer API key', (await createApiKey(t.http, owner, 'interviewer')).secret);
    stranger = await signUp(t.http);

    interview = await createInterview(t, owner, { title: 'Tracing <senior> loop', passingThreshold: 0.6, items: TRACING_ITEMS });
    const strong = interview.items[0].rubric.tests!.find((test) => test.name === 'strong')!.answer;
    ada = await createSession(t, interview, {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.test',
      items: [
        { answer: `${strong}\n${SCRIPT} =1+1` },
        { answer: { testCase: 'partial' }, override: { points: 9, reason: 'Explained vendor keys out loud', reviewer } },
        { answer: { testCase: 'strong' }, override: { points: 12, reason: 'Rubric changed since; still fair', reviewer: owner, stale: true } },
        { answer: { testCase: 'misconception' } },
      ],
      decisions: [
        { decision: 'hold', note: 'Second opinion please', reviewer, at: new Date('2025-03-01T10:00:00.000Z') },
        { decision: 'advance', note: 'Agreed', reviewer: owner, at: new Date('2025-03-01T11:00:00.000Z') },
      ],
    });
    const partial = Array.from({ length: 4 }, () => ({ answer: { testCase: 'partial' } }));
    bo = await createSession(t, interview, { candidateName: 'Bo', items: partial });
    dee = await createSession(t, interview, { candidateName: 'Dee', items: partial });
    cy = await createSession(t, interview, { candidateName: 'Cy', items: Array.from({ length: 4 }, () => ({ answer: { testCase: 'misconception' } })) });
    eve = await createSession(t, interview, { candidateName: 'Eve', status: 'in_progress', items: [{ answer: 'A span is a draft answer' }, { answer: null }, { answer: null }, { answer: null }] });

    const foreignInterview = await createInterview(t, stranger, { items: TRACING_ITEMS.slice(0, 1) });
    foreign = await createSession(t, foreignInterview, { candidateName: 'Foreign' });
  });

  afterAll(() => t.close());

  describe('JSON', () => {
    it('totals automatic and reviewed points, with pass/fail against the interview’s threshold', async () => {
      const body = await report(ada.id);
      const automatic = ada.items.reduce((sum, item) => sum + (item.automaticPoints ?? 0), 0);
      const reviewed = ada.items.reduce((sum, item) => sum + (item.overridePoints ?? item.automaticPoints ?? 0), 0);
      const fraction = expectedFraction(ada.items);
      expect(body.totals.automaticPoints).toBeCloseTo(automatic, 4);
      expect(body.totals.reviewedPoints).toBeCloseTo(reviewed, 4);
      expect(body.totals.maxPoints).toBe(50);
      expect(body.totals.fraction).toBeCloseTo(fraction, 4);
      expect(body.totals.automaticFraction).toBeCloseTo(expectedFraction(ada.items, false), 4);
      expect(body.totals.passed).toBe(fraction >= 0.6);
      expect(body.totals).toMatchObject({ passingThreshold: 0.6, itemCount: 4, scoredItemCount: 4, overriddenItemCount: 2 });
      // Weight 2 on item 2 makes the weighted fraction differ from plain points / max.
      expect(Math.abs(fraction - reviewed / 50)).toBeGreaterThan(1e-6);
    });

    it('names the candidate and interview, with status, timestamps and decisions', async () => {
      const body = await report(ada.id);
      expect(body.candidate).toEqual({ name: 'Ada Lovelace', email: 'ada@example.test' });
      expect(body.interview).toEqual({ id: interview.id, title: 'Tracing <senior> loop', passingThreshold: 0.6 });
      expect(body.status).toBe('graded');
      expect(body.timestamps.submittedAt).not.toBeNull();
      expect(body.timestamps.gradedAt).not.toBeNull();
      expect(body.timestamps.submittedBy).toBe('candidate');
      expect(body.decisions.map((d) => [d.decision, d.reviewerName, d.note])).toEqual([
        ['hold', 'Rita Reviewer', 'Second opinion please'],
        ['advance', 'Olive Owner', 'Agreed'],
      ]);
      expect(body.latestDecision).toBe('advance');
    });

    it('shows automatic and reviewed points side by side per item, with the reason and a moved-score flag', async () => {
      const body = await report(ada.id);
      expect(body.items.map((i) => i.position)).toEqual([1, 2, 3, 4]);
      body.items.forEach((item, index) => {
        const built = ada.items[index];
        expect(item.automatic.points).toBeCloseTo(built.automaticPoints!, 4);
        expect(item.automatic.fraction).toBeCloseTo(built.result!.fraction, 4);
        expect(item.automatic.band).toBe(built.result!.band ?? null);
        expect(item.maxPoints).toBe(built.maxPoints);
        expect(item.answer).toBe(built.answer);
        expect(item.prompt).toBe(interview.items[index].prompt);
        expect(item.section).toBe(interview.items[index].section);
        expect(item.levels).toEqual(interview.items[index].levels);
      });
      expect(body.items[0].reviewed).toMatchObject({ points: null, reason: null, autoScoreChanged: false });
      expect(body.items[1].reviewed).toMatchObject({ points: 9, reason: 'Explained vendor keys out loud', reviewerName: 'Rita Reviewer', autoScoreChanged: false });
      expect(body.items[1].effectivePoints).toBe(9);
      expect(body.items[2].reviewed).toMatchObject({ points: 12, reviewerName: 'Olive Owner', autoScoreChanged: true });
      expect(body.items[3].effectivePoints).toBeCloseTo(ada.items[3].automaticPoints!, 4);
    });

    it('highlights evidence with offsets into the answer, and lists missed concepts, misconceptions and flags', async () => {
      const body = await report(ada.id);
      body.items.forEach((item, index) => {
        const result = ada.items[index].result!;
        expect(item.evidence.map((e) => e.conceptId)).toEqual(result.concepts.filter((c) => c.matched).map((c) => c.id));
        for (const concept of item.evidence) {
          expect(concept.matches.length).toBeGreaterThan(0);
          for (const match of concept.matches) expect(item.answer!.slice(match.start, match.end)).toBe(match.text);
        }
        expect(item.missedConcepts.map((m) => [m.conceptId, m.feedback])).toEqual(result.missed.map((m) => [m.id, m.feedback]));
        expect(item.misconceptions.map((m) => m.misconceptionId)).toEqual(result.misconceptions.map((m) => m.id));
        expect(item.flags.map((f) => f.code)).toEqual(result.flags.map((f) => f.code));
      });
      expect(body.items[0].evidence.length).toBeGreaterThanOrEqual(3);
      expect(body.items[1].missedConcepts.length).toBeGreaterThan(0);
      const misconception = body.items[3].misconceptions[0];
      expect(misconception.misconceptionId).toBe('end-did-not-run');
      expect(body.items[3].answer!.slice(misconception.matches[0].start, misconception.matches[0].end)).toBe(misconception.matches[0].text);
    });

    it('breaks the points down by section and by level', async () => {
      const body = await report(ada.id);
      const expectGroups = (keyOf: (i: (typeof ada.items)[number]) => string[]) => {
        const groups = new Map<string, typeof ada.items>();
        for (const item of ada.items) for (const key of keyOf(item)) groups.set(key, [...(groups.get(key) ?? []), item]);
        return groups;
      };
      const sections = expectGroups((i) => [i.section]);
      expect(body.breakdowns.sections.map((s) => s.key)).toEqual([...sections.keys()]);
      for (const row of body.breakdowns.sections) {
        const items = sections.get(row.key)!;
        expect(row.itemCount).toBe(items.length);
        expect(row.maxPoints).toBe(items.reduce((s, i) => s + i.maxPoints, 0));
        expect(row.points).toBeCloseTo(items.reduce((s, i) => s + (i.overridePoints ?? i.automaticPoints ?? 0), 0), 4);
        expect(row.fraction).toBeCloseTo(expectedFraction(items), 4);
      }
      const levels = expectGroups((i) => i.levels);
      const order = ['junior', 'middle', 'senior', 'staff'];
      expect(body.breakdowns.levels.map((l) => l.key)).toEqual([...levels.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      for (const row of body.breakdowns.levels) {
        const items = levels.get(row.key)!;
        expect(row.itemCount).toBe(items.length);
        expect(row.fraction).toBeCloseTo(expectedFraction(items), 4);
      }
      expect(body.breakdowns.levels.find((l) => l.key === 'senior')!.itemCount).toBe(3);
    });

    it('ranks the candidate among the interview’s graded sessions only', async () => {
      const population = [ada, bo, cy, dee].map((s) => expectedFraction(s.items));
      for (const session of [ada, bo, cy, dee]) {
        const body = await report(session.id);
        expect(body.percentile.gradedSessions).toBe(4);
        expect(body.percentile.value).toBe(expectedPercentile(expectedFraction(session.items), population));
      }
      // Bo and Dee answered identically: a tie, each counting half of the other.
      expect((await report(bo.id)).percentile.value).toBe((await report(dee.id)).percentile.value);
      expect((await report(ada.id)).percentile.definition).toMatch(/strictly lower/);
    });

    it('reports a session in progress with its drafts, and no totals, pass/fail or percentile yet', async () => {
      const body = await report(eve.id);
      expect(body.status).toBe('in_progress');
      expect(body.items[0]).toMatchObject({ answer: 'A span is a draft answer', evidence: [], effectivePoints: null });
      expect(body.items[0].automatic.points).toBeNull();
      expect(body.items[1].answer).toBeNull();
      expect(body.totals).toMatchObject({ automaticPoints: null, reviewedPoints: null, fraction: null, passed: null, maxPoints: 50, scoredItemCount: 0 });
      expect(body.percentile).toMatchObject({ value: null, gradedSessions: 4 });
      expect(body.breakdowns.sections.every((s) => s.fraction === null)).toBe(true);
    });
  });

  describe('other formats', () => {
    it('CSV: one row per item and a totals row, RFC 4180 and formula-safe', async () => {
      const response = await get(ada.id, reviewer.accessToken, { format: 'csv' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="assay-report-${ada.id}.csv"`);
      const records = csvRecords(response.text);
      expect(records.map((r) => r.row)).toEqual(['item', 'item', 'item', 'item', 'total']);
      expect(records[0].answer).toBe(ada.items[0].answer);
      expect(Number(records[1].automatic_points)).toBeCloseTo(ada.items[1].automaticPoints!, 4);
      expect(records[1]).toMatchObject({ reviewed_points: '9', override_reason: 'Explained vendor keys out loud', auto_score_changed: 'false' });
      expect(records[2].auto_score_changed).toBe('true');
      const total = records[4];
      expect(Number(total.reviewed_points)).toBeCloseTo(ada.items.reduce((s, i) => s + (i.overridePoints ?? i.automaticPoints ?? 0), 0), 4);
      expect(Number(total.fraction)).toBeCloseTo(expectedFraction(ada.items), 4);
      expect(total.max_points).toBe('50');
      expect(total.passed).toBe(String(expectedFraction(ada.items) >= 0.6));
    });

    it('CSV defuses an answer that starts like a formula', async () => {
      const formula = await createSession(t, interview, { items: [{ answer: '=HYPERLINK("http://evil.test","click")' }, {}, {}, {}] });
      const records = csvRecords((await get(formula.id, owner.accessToken, { format: 'csv' })).text);
      expect(records[0].answer).toBe(`'=HYPERLINK("http://evil.test","click")`);
    });

    it('Markdown: headings, tables, evidence in bold, user text escaped', async () => {
      const response = await get(ada.id, owner.accessToken, { format: 'md' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/markdown; charset=utf-8/);
      const md = response.text;
      expect(md).toContain('# Interview report: Tracing \\<senior\\> loop');
      expect(md).toContain('## Breakdown by section');
      expect(md).toContain('## Breakdown by level');
      expect(md.match(/^### \d\. /gm)).toHaveLength(4);
      expect(md).toContain('Explained vendor keys out loud');
      expect(md).toContain('**advance** by Olive Owner');
      const quoted = (await report(ada.id)).items[0].evidence[0].matches[0].text;
      expect(md).toContain(`**${quoted}**`);
      expect(md).toContain('\\<script\\>');
      expect(md).not.toMatch(/(^|[^\\])<script/m);
    });

    it('HTML: a self-contained page with the chart, totals and questions, the answer’s <script> escaped', async () => {
      const response = await get(ada.id, owner.accessToken, { format: 'html' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      const html = response.text;
      expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
      expect(html).not.toContain(SCRIPT);
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('Tracing &lt;senior&gt; loop');
      expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="chart"');
      expect(html.match(/<tr class="question-row"/g)).toHaveLength(4);
    });

    it('negotiates the format from Accept, and ?format= wins over it', async () => {
      const byAccept = async (accept: string) => t.http().get(`/v1/sessions/${ada.id}/report`).set(bearer(owner.accessToken)).set('Accept', accept);
      expect((await byAccept('text/csv')).headers['content-type']).toMatch(/^text\/csv/);
      expect((await byAccept('text/markdown')).headers['content-type']).toMatch(/^text\/markdown/);
      expect((await byAccept('text/html,application/xhtml+xml,*/*;q=0.8')).headers['content-type']).toMatch(/^text\/html/);
      const json = await byAccept('application/json');
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(json.headers.vary).toMatch(/Accept/);
      const wins = await t.http().get(`/v1/sessions/${ada.id}/report?format=json`).set(bearer(owner.accessToken)).set('Accept', 'text/csv');
      expect(wins.headers['content-type']).toMatch(/^application\/json/);
      expect((wins.body as SessionReportDto).sessionId).toBe(ada.id);
    });
  });

  describe('access', () => {
    it.each(['owner', 'admin', 'interviewer', 'reviewer', 'reviewer API key', 'interviewer API key'])('%s reads the report in every format', async (caller) => {
      for (const format of ['json', 'csv', 'md', 'html']) {
        const response = await get(ada.id, tokens.get(caller)!, { format });
        expect(response.status).toBe(200);
      }
    });

    it('refuses candidates’ tokens (their own session included), missing and garbage credentials with 401', async () => {
      for (const token of [ada.token, eve.token, 'garbage']) {
        const response = await get(ada.id, token);
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(JSON.stringify(response.body)).not.toContain('Ada Lovelace');
      }
      expect((await t.http().get(`/v1/sessions/${ada.id}/report`)).status).toBe(401);
      expect((await t.http().get(`/v1/sessions/${ada.id}/report?format=html`)).status).toBe(401);
    });

    it('answers 404 for another organization’s session, in every format, and for an unknown id', async () => {
      for (const format of ['json', 'csv', 'md', 'html']) {
        const theirs = await get(foreign.id, owner.accessToken, { format });
        expect(theirs.status).toBe(404);
        expect(theirs.body.type).toBe('https://assay.dev/problems/not-found');
        expect((await get(ada.id, stranger.accessToken, { format })).status).toBe(404);
      }
      expect((await get(NO_SUCH_ID, owner.accessToken)).status).toBe(404);
    });
  });

  describe('malformed input', () => {
    it.each([
      ['an unknown format', { format: 'pdf' }],
      ['an empty format', { format: '' }],
      ['a repeated format', 'format=csv&format=md'],
      ['an unknown query parameter', { sort: 'fraction' }],
    ])('rejects %s with a 400 problem', async (_name, query) => {
      const response = await t.http().get(`/v1/sessions/${ada.id}/report`).query(query).set(bearer(owner.accessToken));
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('https://assay.dev/problems/validation-failed');
    });

    it('rejects an id that is not a UUID with a 400 problem', async () => {
      for (const id of ['not-a-uuid', '1', `${NO_SUCH_ID}x`]) {
        const response = await get(id, owner.accessToken);
        expect(response.status).toBe(400);
        expect(response.body.detail).toContain('UUID');
      }
    });
  });
});
