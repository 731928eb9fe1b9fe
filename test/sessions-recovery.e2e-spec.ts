import { PrismaService } from '../src/database/prisma.service';
import { SessionRecovery } from '../src/sessions/session-recovery';
import { bearer, signUp, type Account } from './factories/accounts';
import { eventually, passDeadline, saveAnswer, startedSession } from './factories/sessions';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * A crash between a commit and its enqueue must not strand a session: the
 * recovery sweep finds submitted sessions nobody graded and overdue sessions
 * nobody finalised.
 */
describe('session recovery sweep', () => {
  let t: TestApp;
  let owner: Account;
  let prisma: PrismaService;

  beforeAll(async () => {
    t = await createTestApp({ SESSION_GRACE_SECONDS: '0' });
    owner = await signUp(t.http);
    prisma = t.app.get(PrismaService);
  });
  afterAll(() => t.close());

  const statusOf = async (id: string) => (await t.http().get(`/v1/sessions/${id}`).set(bearer(owner.accessToken)).expect(200)).body.status as string;

  it('grades a submitted session whose grading job was lost', async () => {
    const { invited } = await startedSession(t, owner);
    await saveAnswer(t.http, invited.accessToken, 1, { text: 'A span is one timed operation; a trace is the tree of spans sharing a trace ID.' });
    // Simulate the crash: the session was marked submitted but no job was ever enqueued.
    const submittedAt = new Date(Date.now() - 5 * 60_000);
    await prisma.session.update({ where: { id: invited.id }, data: { status: 'submitted', submittedAt, submittedBy: 'candidate' } });

    const result = await t.app.get(SessionRecovery).sweep();
    expect(result.regradeQueued).toBeGreaterThanOrEqual(1);
    await eventually(async () => ((await statusOf(invited.id)) === 'graded' ? true : undefined), 'the recovered session to be graded');
    const answers = await prisma.answer.findMany({ where: { sessionId: invited.id } });
    expect(answers).toHaveLength(1); // the saved draft was kept and graded
  });

  it('finalises and grades an overdue session whose deadline job was lost', async () => {
    const { invited } = await startedSession(t, owner);
    await saveAnswer(t.http, invited.accessToken, 1, { text: 'Spans share the trace ID.' });
    await passDeadline(t, invited.id);
    await prisma.$executeRaw`DELETE FROM pgboss.job WHERE singleton_key = ${invited.id} AND name = 'finalise-session'`;

    const result = await t.app.get(SessionRecovery).sweep();
    expect(result.finalised).toBeGreaterThanOrEqual(1);
    await eventually(async () => ((await statusOf(invited.id)) === 'graded' ? true : undefined), 'the finalised session to be graded');
    const session = await prisma.session.findUniqueOrThrow({ where: { id: invited.id } });
    expect(session.submittedBy).toBe('deadline');
  });

  it('leaves sessions that are on time alone', async () => {
    const { invited } = await startedSession(t, owner);
    await t.app.get(SessionRecovery).sweep();
    expect(await statusOf(invited.id)).toBe('in_progress');
  });
});
