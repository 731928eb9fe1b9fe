import type { InterviewResultsDto, ResultRowDto } from '../src/reports/dto/interview-results.dto';
import { csvRecords } from '../src/reports/testing/parse-csv';
import { Account, addMember, bearer, createApiKey, signUp } from './factories/accounts';
import { BuiltInterview, BuiltSession, createInterview, createSession, expectedFraction, TRACING_ITEMS } from './factories/reports';
import { createTestApp, TestApp } from './support/test-app';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const minutes = (n: number) => new Date(Date.UTC(2025, 2, 1, 9, n));

describe('GET /v1/interviews/{id}/results', () => {
  let t: TestApp;
  let owner: Account;
  let reviewer: Account;
  let stranger: Account;
  let interview: BuiltInterview;
  let foreignInterview: BuiltInterview;
  const sessions = new Map<string, BuiltSession>();
  const tokens = new Map<string, string>();

  const get = (id: string, token: string, query: Record<string, string> = {}) => t.http().get(`/v1/interviews/${id}/results`).query(query).set(bearer(token));
  const names = (body: InterviewResultsDto) => body.items.map((row) => row.candidateName);
  const results = async (query: Record<string, string> = {}): Promise<InterviewResultsDto> => {
    const response = await get(interview.id, owner.accessToken, query);
    expect(response.status).toBe(200);
    return response.body as InterviewResultsDto;
  };

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    reviewer = await addMember(t.http, owner, 'reviewer');
    tokens.set('owner', owner.accessToken);
    tokens.set('reviewer', reviewer.accessToken);
    tokens.set('admin', (await addMember(t.http, owner, 'admin')).accessToken);
    tokens.set('interviewer', (await addMember(t.http, owner, 'interviewer')).accessToken);
    tokens.set('reviewer API key', (await createApiKey(t.http, owner, 'reviewer')).secret);
    stranger = await signUp(t.http);

    interview = await createInterview(t, owner, { passingThreshold: 0.5, items: TRACING_ITEMS });
    const all = (testCase: string) => Array.from({ length: 4 }, () => ({ answer: { testCase } }));
    const add = async (key: string, spec: Parameters<typeof createSession>[2]) => sessions.set(key, await createSession(t, interview, spec));
    await add('strong', { candidateName: 'bea Strong', status: 'graded', items: all('strong'), invitedAt: minutes(1), submittedAt: minutes(40), decisions: [{ decision: 'hold', reviewer }, { decision: 'advance', reviewer }] });
    await add('partial', { candidateName: 'Al Partial', status: 'graded', items: all('partial'), invitedAt: minutes(2), submittedAt: minutes(30) });
    await add('wrong', { candidateName: 'Cy Wrong', status: 'graded', items: all('misconception'), invitedAt: minutes(3), submittedAt: minutes(50), decisions: [{ decision: 'reject', reviewer }] });
    // The reviewer lifted Dee's weak answers to full marks.
    await add('lifted', {
      candidateName: 'Dee Lifted',
      status: 'graded',
      items: TRACING_ITEMS.map((item) => ({ answer: { testCase: 'misconception' }, override: { points: item.points!, reason: 'Interview showed far more', reviewer } })),
      invitedAt: minutes(4),
      submittedAt: minutes(20),
    });
    await add('waiting', { candidateName: 'Eve Waiting', status: 'submitted', items: all('partial'), invitedAt: minutes(5), submittedAt: minutes(45) });
    await add('working', { candidateName: 'Fay Working', status: 'in_progress', invitedAt: minutes(6) });
    await add('invited', { candidateName: '=cmd|" /C calc"!A0', candidateEmail: 'formula@example.test', status: 'invited', invitedAt: minutes(7) });

    foreignInterview = await createInterview(t, stranger, { items: TRACING_ITEMS.slice(0, 1) });
    await createSession(t, foreignInterview, { candidateName: 'Foreign Candidate' });
  });

  afterAll(() => t.close());

  it('lists every session with status, points, pass/fail and the latest decision', async () => {
    const body = await results();
    expect(body).toMatchObject({ interviewId: interview.id, title: interview.title, passingThreshold: 0.5, sort: 'createdAt' });
    expect(body.items).toHaveLength(7);
    const byId = new Map(body.items.map((row) => [row.sessionId, row]));
    for (const [key, built] of sessions) {
      const row = byId.get(built.id)!;
      expect(row.candidateName).toBe(built.candidateName);
      expect(row.candidateEmail).toBe(built.candidateEmail);
      expect(row.status).toBe(built.status);
      expect(row.maxPoints).toBe(50);
      if (built.status === 'graded') {
        const fraction = expectedFraction(built.items);
        expect(row.automaticPoints).toBeCloseTo(built.items.reduce((s, i) => s + (i.automaticPoints ?? 0), 0), 4);
        expect(row.reviewedPoints).toBeCloseTo(built.items.reduce((s, i) => s + (i.overridePoints ?? i.automaticPoints ?? 0), 0), 4);
        expect(row.fraction).toBeCloseTo(fraction, 4);
        expect(row.passed).toBe(fraction >= 0.5);
        expect(row.gradedAt).not.toBeNull();
      } else {
        expect(row).toMatchObject({ automaticPoints: null, reviewedPoints: null, fraction: null, passed: null, gradedAt: null });
      }
      expect(row.submittedAt === null).toBe(!['graded', 'submitted'].includes(built.status));
      expect(key).toBeTruthy();
    }
    expect(byId.get(sessions.get('strong')!.id)!.latestDecision).toBe('advance');
    expect(byId.get(sessions.get('wrong')!.id)!.latestDecision).toBe('reject');
    expect(byId.get(sessions.get('partial')!.id)!).toMatchObject({ latestDecision: null, latestDecisionAt: null });
    expect(byId.get(sessions.get('lifted')!.id)!).toMatchObject({ reviewedPoints: 50, fraction: 1, passed: true });
    expect(byId.get(sessions.get('lifted')!.id)!.automaticPoints).toBeLessThan(25);
    expect(body.items.some((row) => row.candidateName === 'Foreign Candidate')).toBe(false);
  });

  it('sorts by reviewed fraction, best first, ungraded sessions last', async () => {
    const body = await results({ sort: '-fraction' });
    expect(body.sort).toBe('-fraction');
    const graded = body.items.filter((row) => row.fraction !== null);
    const expected = [...graded].sort((a, b) => b.fraction! - a.fraction! || a.candidateName.localeCompare(b.candidateName)).map((r) => r.candidateName);
    expect(names(body).slice(0, 4)).toEqual(expected);
    expect(body.items[0].fraction).toBe(1);
    expect(body.items.filter((row) => row.fraction === 1).map((row) => row.candidateName)).toContain('Dee Lifted');
    expect(names(body).indexOf('Cy Wrong')).toBe(3);
    expect(body.items.slice(4).every((row) => row.fraction === null)).toBe(true);
    expect(names(await results({ sort: 'fraction' })).slice(0, 4)).toEqual([...expected].reverse());
  });

  it('sorts by submission time, candidate name, status and invitation time', async () => {
    expect(names(await results({ sort: 'submittedAt' }))).toEqual(['Dee Lifted', 'Al Partial', 'bea Strong', 'Eve Waiting', 'Cy Wrong', '=cmd|" /C calc"!A0', 'Fay Working']);
    expect(names(await results({ sort: '-submittedAt' })).slice(0, 5)).toEqual(['Cy Wrong', 'Eve Waiting', 'bea Strong', 'Al Partial', 'Dee Lifted']);
    expect(names(await results({ sort: 'candidateName' }))).toEqual(['=cmd|" /C calc"!A0', 'Al Partial', 'bea Strong', 'Cy Wrong', 'Dee Lifted', 'Eve Waiting', 'Fay Working']);
    expect((await results({ sort: 'status' })).items.map((row) => row.status)).toEqual(['invited', 'in_progress', 'submitted', 'graded', 'graded', 'graded', 'graded']);
    expect(names(await results())).toEqual(['bea Strong', 'Al Partial', 'Cy Wrong', 'Dee Lifted', 'Eve Waiting', 'Fay Working', '=cmd|" /C calc"!A0']);
  });

  it('exports CSV (RFC 4180, formula-safe) in the requested order, by ?format= or Accept', async () => {
    const response = await get(interview.id, reviewer.accessToken, { format: 'csv', sort: '-fraction' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="assay-results-${interview.id}.csv"`);
    const records = csvRecords(response.text);
    const json = await results({ sort: '-fraction' });
    expect(records.map((r) => r.session_id)).toEqual(json.items.map((row) => row.sessionId));
    json.items.forEach((row: ResultRowDto, index) => {
      const record = records[index];
      expect(record.status).toBe(row.status);
      expect(record.fraction).toBe(row.fraction === null ? '' : String(row.fraction));
      expect(record.reviewed_points).toBe(row.reviewedPoints === null ? '' : String(row.reviewedPoints));
      expect(record.passed).toBe(row.passed === null ? '' : String(row.passed));
      expect(record.latest_decision).toBe(row.latestDecision ?? '');
    });
    expect(records.find((r) => r.candidate_email === 'formula@example.test')!.candidate_name).toBe(`'=cmd|" /C calc"!A0`);
    expect(response.text).toContain(`"'=cmd|"" /C calc""!A0"`);

    const byAccept = await t.http().get(`/v1/interviews/${interview.id}/results`).set(bearer(owner.accessToken)).set('Accept', 'text/csv');
    expect(byAccept.headers['content-type']).toMatch(/^text\/csv/);
    expect(csvRecords(byAccept.text)).toHaveLength(7);
  });

  describe('access', () => {
    it.each(['owner', 'admin', 'interviewer', 'reviewer', 'reviewer API key'])('%s reads the results, as JSON and CSV', async (caller) => {
      expect((await get(interview.id, tokens.get(caller)!)).status).toBe(200);
      expect((await get(interview.id, tokens.get(caller)!, { format: 'csv' })).status).toBe(200);
    });

    it('refuses candidates’ tokens and missing credentials with 401', async () => {
      for (const token of [sessions.get('strong')!.token, sessions.get('invited')!.token]) {
        const response = await get(interview.id, token);
        expect(response.status).toBe(401);
        expect(JSON.stringify(response.body)).not.toContain('bea Strong');
      }
      expect((await t.http().get(`/v1/interviews/${interview.id}/results?format=csv`)).status).toBe(401);
    });

    it('answers 404 for another organization’s interview and for an unknown one', async () => {
      for (const format of ['json', 'csv']) {
        const theirs = await get(foreignInterview.id, owner.accessToken, { format });
        expect(theirs.status).toBe(404);
        expect(theirs.body.type).toBe('https://assay.dev/problems/not-found');
        expect((await get(interview.id, stranger.accessToken, { format })).status).toBe(404);
      }
      expect((await get(NO_SUCH_ID, owner.accessToken)).status).toBe(404);
      // A session id is not an interview id.
      expect((await get(sessions.get('strong')!.id, owner.accessToken)).status).toBe(404);
    });
  });

  describe('malformed input', () => {
    it.each([
      ['an unknown sort field', { sort: 'answer' }],
      ['a doubled minus', { sort: '--fraction' }],
      ['an empty sort', { sort: '' }],
      ['a repeated sort', 'sort=fraction&sort=status'],
      ['a format results do not offer', { format: 'html' }],
      ['an unknown format', { format: 'xlsx' }],
      ['an unknown parameter', { limit: '10' }],
    ])('rejects %s with a 400 problem', async (_name, query) => {
      const response = await t.http().get(`/v1/interviews/${interview.id}/results`).query(query).set(bearer(owner.accessToken));
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('https://assay.dev/problems/validation-failed');
    });

    it('rejects an id that is not a UUID', async () => {
      const response = await get('interview-1', owner.accessToken);
      expect(response.status).toBe(400);
      expect(response.body.detail).toContain('UUID');
    });
  });
});
