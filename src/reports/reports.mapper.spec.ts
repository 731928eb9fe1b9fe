import { reportFixture, REVIEWER_ID } from './testing/report-fixture';
import { toResultRowDto, toSessionReportDto } from './reports.mapper';
import { computeTotals } from './compute/totals';

describe('toSessionReportDto', () => {
  const source = reportFixture();
  const report = toSessionReportDto(source);
  const [first, second, third] = source.items;

  it('adds automatic and reviewed points, the override replacing its item’s automatic points', () => {
    const auto = first.score!.points + second.score!.points + third.score!.points;
    const reviewed = first.score!.points + 15 + third.score!.points;
    expect(report.totals.automaticPoints).toBeCloseTo(auto, 4);
    expect(report.totals.reviewedPoints).toBeCloseTo(reviewed, 4);
    expect(report.totals.maxPoints).toBe(40);
    expect(report.totals.fraction).toBeCloseTo(reviewed / 40, 4);
    expect(report.totals.automaticFraction).toBeCloseTo(auto / 40, 4);
    expect(report.totals.passed).toBe(reviewed / 40 >= 0.6);
    expect(report.totals).toMatchObject({ itemCount: 3, scoredItemCount: 3, overriddenItemCount: 1, passingThreshold: 0.6 });
  });

  it('shows the automatic score and the override side by side, with the reason and reviewer', () => {
    const item = report.items[1];
    expect(item.automatic.points).toBeCloseTo(second.score!.points, 4);
    expect(item.reviewed).toMatchObject({ points: 15, reason: 'Named a third cause <b>verbally</b>', reviewerId: REVIEWER_ID, reviewerName: 'Rita Reviewer', autoScoreChanged: false });
    expect(item.effectivePoints).toBe(15);
    expect(report.items[0].reviewed).toMatchObject({ points: null, reason: null, autoScoreChanged: false });
    expect(report.items[0].effectivePoints).toBeCloseTo(first.score!.points, 4);
  });

  it('passes on whether the automatic score moved under an override', () => {
    const moved = reportFixture({}, [
      { slug: 'what-is-a-span-what-is-a-trace', prompt: 'P', section: 'S', levels: [], points: 10, answer: 'A span is one timed operation.', override: { points: 9, reason: 'r', stale: true } },
      { slug: 'what-is-a-span-what-is-a-trace', prompt: 'P', section: 'S', levels: [], points: 10, answer: 'A span is one timed operation.', override: { points: 9, reason: 'r' } },
    ]);
    expect(toSessionReportDto(moved).items.map((i) => i.reviewed.autoScoreChanged)).toEqual([true, false]);
  });

  it('weights the fraction by item weight, points staying plain sums', () => {
    const weighted = toSessionReportDto(
      reportFixture({}, [
        { slug: 'what-is-a-span-what-is-a-trace', prompt: 'P', section: 'S', levels: [], points: 10, weight: 3, answer: 'x', override: { points: 10, reason: 'r' } },
        { slug: 'what-is-a-span-what-is-a-trace', prompt: 'P', section: 'S', levels: [], points: 10, weight: 1, answer: 'x', override: { points: 2, reason: 'r' } },
      ]),
    );
    expect(weighted.totals.reviewedPoints).toBe(12);
    expect(weighted.totals.fraction).toBeCloseTo(32 / 40, 4);
    expect(weighted.items[0].weight).toBe(3);
  });

  it('carries the engine’s evidence with offsets into the answer, missed concepts and misconceptions', () => {
    for (const item of report.items) {
      for (const concept of item.evidence) {
        for (const match of concept.matches) expect(item.answer!.slice(match.start, match.end)).toBe(match.text);
      }
    }
    const strong = report.items[0];
    const engineMatched = (first.score!.result as { concepts: { id: string; matched: boolean }[] }).concepts.filter((c) => c.matched).map((c) => c.id);
    expect(strong.evidence.map((e) => e.conceptId)).toEqual(engineMatched);
    expect(engineMatched.length).toBeGreaterThan(0);
    const partial = report.items[1];
    expect(partial.missedConcepts.map((m) => m.conceptId)).toEqual(expect.arrayContaining(['not-sampled', 'no-sdk-noop']));
    expect(partial.missedConcepts.every((m) => m.feedback.length > 0)).toBe(true);
    const wrong = report.items[2];
    expect(wrong.misconceptions.map((m) => m.misconceptionId)).toContain('end-did-not-run');
    expect(wrong.misconceptions[0].matches.length).toBeGreaterThan(0);
    source.items.forEach((item, index) => {
      const engineFlags = (item.score!.result as { flags: { code: string }[] }).flags.map((f) => f.code);
      expect(report.items[index].flags.map((f) => f.code)).toEqual(engineFlags);
    });
  });

  it('passes the engine’s flags through', () => {
    const r = toSessionReportDto(reportFixture({}, [{ slug: 'what-is-a-span-what-is-a-trace', prompt: 'P', section: 'S', levels: [], points: 5, answer: '   ' }]));
    expect(r.items[0].flags.map((f) => f.code)).toContain('empty');
    expect(r.items[0].flags[0].message.length).toBeGreaterThan(0);
    expect(r.items[0].automatic.points).toBe(0);
  });

  it('breaks points down by section and by level, a multi-level question counting in each level', () => {
    const points = source.items.map((i) => i.override?.points ?? i.score!.points);
    expect(report.breakdowns.sections).toEqual([
      expect.objectContaining({ key: 'Fundamentals', itemCount: 1, maxPoints: 10 }),
      expect.objectContaining({ key: 'Debugging', itemCount: 2, maxPoints: 30 }),
    ]);
    expect(report.breakdowns.sections[1].points).toBeCloseTo(points[1] + points[2], 4);
    expect(report.breakdowns.sections[1].fraction).toBeCloseTo((points[1] + points[2]) / 30, 4);
    expect(report.breakdowns.levels.map((l) => l.key)).toEqual(['junior', 'middle', 'senior']);
    const senior = report.breakdowns.levels[2];
    expect(senior).toMatchObject({ itemCount: 2, maxPoints: 30 });
    expect(senior.points).toBeCloseTo(points[1] + points[2], 4);
    expect(report.breakdowns.levels[1].points).toBeCloseTo(points[1], 4);
  });

  it('ranks the session among the graded sessions, itself included', () => {
    const own = report.totals.fraction!;
    const others = [0.2, 0.9];
    const lower = others.filter((f) => f < own).length;
    expect(report.percentile.gradedSessions).toBe(3);
    expect(report.percentile.value).toBe(Math.round((100 * (lower + 0.5)) / 3));
  });

  it('lists decisions oldest first with reviewer names, and the newest as latestDecision', () => {
    expect(report.decisions.map((d) => d.decision)).toEqual(['hold', 'advance']);
    expect(report.decisions[0].reviewerName).toBe('Rita Reviewer');
    expect(report.decisions[1].reviewerName).toBeNull();
    expect(report.latestDecision).toBe('advance');
  });

  it('leaves aggregates, pass/fail and percentile null until the session is graded', () => {
    const pending = toSessionReportDto(reportFixture({ session: { ...source.session, status: 'submitted', gradedAt: null } }));
    expect(pending.totals).toMatchObject({ automaticPoints: null, reviewedPoints: null, fraction: null, passed: null, maxPoints: 40 });
    expect(pending.percentile).toMatchObject({ value: null, gradedSessions: 2 });
    expect(pending.breakdowns.sections.every((s) => s.points === null && s.fraction === null)).toBe(true);
    expect(pending.items[0].automatic.points).not.toBeNull();
  });

  it('reports an unanswered, unscored item with nulls and no evidence', () => {
    const r = toSessionReportDto(
      reportFixture({}, [{ slug: 'what-is-a-span-what-is-a-trace', prompt: 'P', section: 'S', levels: [], points: 5, answer: null }]),
    );
    expect(r.items[0]).toMatchObject({ answer: null, answerRevision: null, effectivePoints: null, evidence: [], missedConcepts: [], flags: [] });
    expect(r.items[0].automatic).toMatchObject({ points: null, band: null, scoredAt: null });
    expect(r.totals).toMatchObject({ reviewedPoints: 0, fraction: 0, passed: false, scoredItemCount: 0 });
    expect(r.breakdowns.levels.map((l) => l.key)).toEqual(['unleveled']);
  });
});

describe('toResultRowDto', () => {
  const session = reportFixture().session;
  it('gives points and pass/fail for a graded session', () => {
    const totals = computeTotals([
      { maxPoints: 10, weight: 1, automaticPoints: 4, overridePoints: 7 },
      { maxPoints: 10, weight: 1, automaticPoints: 5, overridePoints: null },
    ]);
    const row = toResultRowDto({ session, totals, latestDecision: { decision: 'reject', createdAt: new Date('2025-03-03T00:00:00.000Z') } }, 0.6);
    expect(row).toMatchObject({ automaticPoints: 9, reviewedPoints: 12, maxPoints: 20, fraction: 0.6, passed: true, latestDecision: 'reject', latestDecisionAt: '2025-03-03T00:00:00.000Z' });
  });

  it('gives nulls before grading', () => {
    const row = toResultRowDto({ session: { ...session, status: 'in_progress' }, totals: computeTotals([{ maxPoints: 10, weight: 1, automaticPoints: null, overridePoints: null }]), latestDecision: null }, 0.5);
    expect(row).toMatchObject({ automaticPoints: null, reviewedPoints: null, fraction: null, passed: null, maxPoints: 10, latestDecision: null });
  });
});
