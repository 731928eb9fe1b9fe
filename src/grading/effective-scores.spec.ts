import { combineItemScores, type OverrideRow, type ScoreRow } from './effective-scores';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
const item = (id: string) => ({ id, points: 10, weight: 1 });
const score = (id: string, sessionItemId: string, points: number, current: boolean, seconds: number): ScoreRow => ({ id, sessionItemId, points, current, createdAt: at(seconds) });
const override = (id: string, sessionItemId: string, points: number, basedOnScoreId: string | null, current = true, seconds = 30): OverrideRow => ({
  id,
  sessionItemId,
  points,
  basedOnScoreId,
  current,
  createdAt: at(seconds),
});

describe('combineItemScores', () => {
  it('gives an ungraded item no automatic score and 0 effective points', () => {
    const [only] = combineItemScores([item('a')], [], []);
    expect(only.automatic).toBeNull();
    expect(only.override).toBeNull();
    expect(only.effectivePoints).toBe(0);
    expect(only.autoScoreChanged).toBe(false);
    expect(only.history).toEqual([]);
  });

  it('picks the current automatic score and lists the history newest first', () => {
    const old = score('s1', 'a', 4, false, 1);
    const live = score('s2', 'a', 6, true, 2);
    const [only] = combineItemScores([item('a')], [old, live], []);
    expect(only.automatic).toBe(live);
    expect(only.effectivePoints).toBe(6);
    expect(only.history.map((s) => s.id)).toEqual(['s2', 's1']);
  });

  it('keeps items apart and in the given order', () => {
    const result = combineItemScores([item('b'), item('a')], [score('sa', 'a', 1, true, 1), score('sb', 'b', 2, true, 1)], []);
    expect(result.map((r) => [r.item.id, r.automatic?.id])).toEqual([
      ['b', 'sb'],
      ['a', 'sa'],
    ]);
  });

  it('lets the current override stand over the automatic points, ignoring past overrides', () => {
    const scores = [score('s1', 'a', 4, true, 1)];
    const overrides = [override('o1', 'a', 9, 's1', false, 10), override('o2', 'a', 7, 's1', true, 20)];
    const [only] = combineItemScores([item('a')], scores, overrides);
    expect(only.override?.id).toBe('o2');
    expect(only.effectivePoints).toBe(7);
    expect(only.autoScoreChanged).toBe(false);
  });

  it('ignores an override that was removed (no current one)', () => {
    const [only] = combineItemScores([item('a')], [score('s1', 'a', 4, true, 1)], [override('o1', 'a', 9, 's1', false)]);
    expect(only.override).toBeNull();
    expect(only.effectivePoints).toBe(4);
  });

  it('flags the override when re-grading moved the automatic points', () => {
    const scores = [score('s1', 'a', 4, false, 1), score('s2', 'a', 8, true, 40)];
    const [only] = combineItemScores([item('a')], scores, [override('o1', 'a', 6, 's1')]);
    expect(only.autoScoreChanged).toBe(true);
    // The override still stands: re-grading never silently discards a reviewer's judgement.
    expect(only.effectivePoints).toBe(6);
  });

  it('does not flag the override when re-grading produced a new score worth the same points', () => {
    const scores = [score('s1', 'a', 4, false, 1), score('s2', 'a', 4.0000000001, true, 40)];
    const [only] = combineItemScores([item('a')], scores, [override('o1', 'a', 6, 's1')]);
    expect(only.autoScoreChanged).toBe(false);
  });

  it('flags an override whose base score is unknown, but only once there is an automatic score', () => {
    expect(combineItemScores([item('a')], [score('s2', 'a', 4, true, 1)], [override('o1', 'a', 6, null)])[0].autoScoreChanged).toBe(true);
    expect(combineItemScores([item('a')], [score('s2', 'a', 4, true, 1)], [override('o1', 'a', 6, 'gone')])[0].autoScoreChanged).toBe(true);
    expect(combineItemScores([item('a')], [], [override('o1', 'a', 6, null)])[0].autoScoreChanged).toBe(false);
  });

  it('orders scores of the same millisecond deterministically', () => {
    const scores = [score('x1', 'a', 1, false, 5), score('x2', 'a', 2, true, 5)];
    const first = combineItemScores([item('a')], scores, [])[0].history.map((s) => s.id);
    const second = combineItemScores([item('a')], [...scores].reverse(), [])[0].history.map((s) => s.id);
    expect(first).toEqual(second);
  });
});
