import type { Evidence, ScoreResult } from '../../scoring/engine';

/**
 * The human-readable explanation of a score: what earned points (quoting the
 * words), what was missed and how to fix it, what cost points, and why a
 * reviewer should look (flags).
 */
export function formatScore(heading: string, result: ScoreResult): string {
  const percent = Math.round(result.fraction * 100);
  const lines = [heading, `Score: ${formatNumber(result.score)} / ${formatNumber(result.maxScore)} (${percent}%)${result.band ? `, band: ${result.band}` : ''}  [engine ${result.engineVersion}]`];

  const matched = result.concepts.filter((concept) => concept.matched);
  lines.push('', section('Matched concepts', matched.length));
  for (const concept of matched) {
    lines.push(`  + ${concept.id}: ${concept.label} (+${formatNumber(concept.earned)})`);
    lines.push(...concept.evidence.map(quote));
  }

  lines.push('', section('Missed concepts', result.missed.length));
  for (const missed of result.missed) {
    const concept = result.concepts.find((candidate) => candidate.id === missed.id);
    const detail = concept ? ` (weight ${formatNumber(concept.weight)}${concept.required ? ', required' : ''})` : '';
    lines.push(`  - ${missed.id}: ${missed.label}${detail}`, `      ${missed.feedback}`);
  }

  lines.push('', section('Misconceptions', result.misconceptions.length));
  for (const misconception of result.misconceptions) {
    lines.push(`  ! ${misconception.id}: ${misconception.label} (-${formatNumber(misconception.penalty)})`);
    lines.push(...misconception.evidence.map(quote));
    if (misconception.feedback) lines.push(`      ${misconception.feedback}`);
  }

  lines.push('', section('Flags', result.flags.length));
  for (const flag of result.flags) lines.push(`  ${flag.code}: ${flag.message}`);
  return `${lines.join('\n')}\n`;
}

function section(title: string, count: number): string {
  return count === 0 ? `${title}: none` : `${title}:`;
}

function quote(evidence: Evidence): string {
  return `      "${evidence.text.replace(/\s+/g, ' ')}" (characters ${evidence.start}–${evidence.end})`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}
