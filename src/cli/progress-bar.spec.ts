import { createProgressBar } from './progress-bar';

describe('createProgressBar', () => {
  it('redraws one line in place with the count and a proportional bar', () => {
    const writes: string[] = [];
    const bar = createProgressBar((text) => writes.push(text), 'Importing');
    bar.update(0, 4);
    bar.update(1, 4);
    bar.update(4, 4);
    expect(writes[0]).toBe(`\rImporting [${'·'.repeat(30)}] 0/4`);
    expect(writes[1]).toBe(`\rImporting [${'#'.repeat(8)}${'·'.repeat(22)}] 1/4`);
    expect(writes[2]).toBe(`\rImporting [${'#'.repeat(30)}] 4/4`);
    expect(writes.every((text) => !text.includes('\n'))).toBe(true);
  });

  it('clears the line once when finished, and only if it drew something', () => {
    const writes: string[] = [];
    const bar = createProgressBar((text) => writes.push(text), 'x');
    bar.finish();
    expect(writes).toEqual([]);
    bar.update(1, 2);
    bar.finish();
    bar.finish();
    expect(writes.slice(1)).toEqual(['\r\x1b[2K']);
  });

  it('stays within bounds for odd totals', () => {
    const writes: string[] = [];
    const bar = createProgressBar((text) => writes.push(text), 'x');
    bar.update(5, 0);
    bar.update(9, 3);
    for (const text of writes) expect(text).toContain(`[${'#'.repeat(30)}]`);
  });
});
