/** Human-readable numbers for the Markdown and HTML reports. */

export function formatPoints(points: number | null): string {
  if (points === null) return '—';
  return String(Math.round(points * 100) / 100);
}

export function formatPercent(fraction: number | null): string {
  if (fraction === null) return '—';
  return `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;
}

export function formatDate(iso: string | null): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC') : '—';
}

export function formatPassed(passed: boolean | null): string {
  if (passed === null) return 'not graded';
  return passed ? 'pass' : 'fail';
}
