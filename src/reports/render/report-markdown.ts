import type { BreakdownRowDto, ReportItemDto, SessionReportDto } from '../dto/session-report.dto';
import { escapeMarkdownInline, markdownCell } from './escape';
import { formatDate, formatPassed, formatPercent, formatPoints } from './format';
import { highlightsOf, segmentAnswer } from './highlight';

/**
 * The report as Markdown: headings, tables, the answer as a quote with the
 * words that earned points in bold, evidence as quoted text. Every piece of
 * user text is escaped, so an answer cannot inject markup or raw HTML.
 */

/** Rubric ids and flag codes go into code spans, which cannot be escaped: keep only identifier characters. */
const identifier = (id: string): string => id.replace(/[^A-Za-z0-9_.:-]/g, '');

const quoted = (text: string): string => `“${escapeMarkdownInline(text.replace(/\s+/g, ' '))}”`;

function breakdownTable(heading: string, rows: BreakdownRowDto[]): string[] {
  return [
    `| ${heading} | Items | Automatic | Reviewed | Max | Fraction |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) => `| ${markdownCell(r.key)} | ${r.itemCount} | ${formatPoints(r.automaticPoints)} | ${formatPoints(r.points)} | ${formatPoints(r.maxPoints)} | ${formatPercent(r.fraction)} |`,
    ),
  ];
}

/** Bold runs cannot cross lines or start/end with spaces in CommonMark, so each is trimmed and split by line. */
function answerQuote(item: ReportItemDto): string[] {
  if (item.answer === null) return ['> *(no answer)*'];
  if (item.answer.trim() === '') return ['> *(empty answer)*'];
  const lines: string[] = [''];
  for (const segment of segmentAnswer(item.answer, highlightsOf(item))) {
    segment.text.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push('');
      if (segment.highlights.length === 0 || piece.trim() === '') {
        lines[lines.length - 1] += escapeMarkdownInline(piece);
        return;
      }
      const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(piece) ?? ['', '', piece, ''];
      lines[lines.length - 1] += `${lead}**${escapeMarkdownInline(core)}**${trail}`;
    });
  }
  return lines.map((line) => {
    const safe = line.replace(/\r/g, '').replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)(\.)/, '$1\\$2');
    return safe.trim() === '' ? '>' : `> ${safe}`;
  });
}

function itemSection(item: ReportItemDto): string[] {
  const lines = [
    `### ${item.position}. ${escapeMarkdownInline(item.prompt.replace(/\s+/g, ' '))}`,
    '',
    `*Section:* ${escapeMarkdownInline(item.section)} · *Levels:* ${item.levels.join(', ') || '—'}${item.probeIndex === null ? '' : ` · *Follow-up probe ${item.probeIndex + 1}*`}`,
    '',
    '| Automatic | Reviewed | Max | Band | Override reason |',
    '| ---: | ---: | ---: | --- | --- |',
    `| ${formatPoints(item.automatic.points)} | ${formatPoints(item.reviewed.points)}${item.reviewed.autoScoreChanged ? ' ⚠ automatic score changed since' : ''} | ${formatPoints(item.maxPoints)} | ${markdownCell(item.automatic.band ?? '—')} | ${markdownCell(item.reviewed.reason ?? '—')} |`,
    '',
    ...answerQuote(item),
    '',
  ];
  if (item.evidence.length) {
    lines.push('**Evidence**', '');
    for (const concept of item.evidence) {
      lines.push(`- **${escapeMarkdownInline(concept.label)}** (\`${identifier(concept.conceptId)}\`, +${concept.earned}): ${concept.matches.map((m) => `${quoted(m.text)} @${m.start}–${m.end}`).join(', ')}`);
    }
    lines.push('');
  }
  if (item.missedConcepts.length) {
    lines.push('**Missed concepts**', '');
    for (const missed of item.missedConcepts) {
      lines.push(`- ${escapeMarkdownInline(missed.label)}${missed.required ? ' *(required)*' : ''}: ${escapeMarkdownInline(missed.feedback)}`);
    }
    lines.push('');
  }
  if (item.misconceptions.length) {
    lines.push('**Misconceptions**', '');
    for (const m of item.misconceptions) {
      const feedback = m.feedback ? ` — ${escapeMarkdownInline(m.feedback)}` : '';
      lines.push(`- **${escapeMarkdownInline(m.label)}** (−${m.penalty}): ${m.matches.map((e) => quoted(e.text)).join(', ')}${feedback}`);
    }
    lines.push('');
  }
  if (item.flags.length) {
    lines.push('**Flags**', '');
    for (const flag of item.flags) lines.push(`- \`${identifier(flag.code)}\`: ${escapeMarkdownInline(flag.message)}`);
    lines.push('');
  }
  return lines;
}

export function renderReportMarkdown(report: SessionReportDto): string {
  const { totals, timestamps } = report;
  const lines = [
    `# Interview report: ${escapeMarkdownInline(report.interview.title)}`,
    '',
    `**Candidate:** ${escapeMarkdownInline(report.candidate.name)} (${escapeMarkdownInline(report.candidate.email)})  `,
    `**Status:** ${report.status} · invited ${formatDate(timestamps.invitedAt)} · submitted ${formatDate(timestamps.submittedAt)}${timestamps.submittedBy ? ` (by ${timestamps.submittedBy})` : ''} · graded ${formatDate(timestamps.gradedAt)}  `,
    `**Result:** ${formatPassed(totals.passed)} (threshold ${formatPercent(totals.passingThreshold)}) · **percentile:** ${report.percentile.value ?? '—'} of ${report.percentile.gradedSessions} graded session(s)`,
    '',
    '## Totals',
    '',
    '| | Automatic | Reviewed | Max |',
    '| --- | ---: | ---: | ---: |',
    `| Points | ${formatPoints(totals.automaticPoints)} | ${formatPoints(totals.reviewedPoints)} | ${formatPoints(totals.maxPoints)} |`,
    `| Fraction | ${formatPercent(totals.automaticFraction)} | ${formatPercent(totals.fraction)} | 100.0% |`,
    '',
    `${totals.itemCount} item(s), ${totals.scoredItemCount} scored, ${totals.overriddenItemCount} overridden by a reviewer.`,
    '',
    '## Decisions',
    '',
    ...(report.decisions.length
      ? report.decisions.map(
          (d) => `- ${formatDate(d.createdAt)}: **${d.decision}** by ${escapeMarkdownInline(d.reviewerName ?? 'an API key or former member')}${d.note ? ` — ${escapeMarkdownInline(d.note.replace(/\s+/g, ' '))}` : ''}`,
        )
      : ['No decision yet.']),
    '',
    '## Breakdown by section',
    '',
    ...breakdownTable('Section', report.breakdowns.sections),
    '',
    '## Breakdown by level',
    '',
    ...breakdownTable('Level', report.breakdowns.levels),
    '',
    '## Questions',
    '',
    ...report.items.flatMap(itemSection),
    '---',
    '',
    `*Generated ${formatDate(report.generatedAt)}. Percentile: ${escapeMarkdownInline(report.percentile.definition)}*`,
    '',
  ];
  return lines.join('\n');
}
