import type { BreakdownRowDto, ReportItemDto, SessionReportDto } from '../dto/session-report.dto';
import { escapeHtml as e } from './escape';
import { formatDate, formatPassed, formatPercent, formatPoints } from './format';
import { highlightsOf, segmentAnswer } from './highlight';
import { barChartSvg } from './svg-chart';

/**
 * The report as one self-contained, printable HTML page: inline CSS (with
 * print styles), an inline SVG chart, no scripts and no external assets.
 * Answers and every other user-supplied text are escaped.
 */

/** Served with the page: nothing may load or run, only the inline styles apply. */
export const REPORT_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STYLES = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a202c; margin: 0 auto; max-width: 1040px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #e2e8f0; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 0 0 6px; }
.muted { color: #4a5568; }
.summary { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid #e2e8f0; border-radius: 6px; padding: 10px 14px; min-width: 150px; }
.card .value { font-size: 20px; font-weight: 600; }
.verdict.pass .value { color: #2f855a; }
.verdict.fail .value { color: #c05621; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid #e2e8f0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f7fafc; }
td.num, th.num { text-align: right; white-space: nowrap; }
.chart svg { max-width: 100%; height: auto; }
.item { border: 1px solid #e2e8f0; border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
.answer { white-space: pre-wrap; background: #f7fafc; border-left: 3px solid #a0aec0; margin: 8px 0; padding: 8px 12px; font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: 13px; overflow-wrap: anywhere; }
mark.concept { background: #c6f6d5; }
mark.misconception { background: #fed7d7; }
mark.concept.misconception { background: #fefcbf; }
.changed { color: #c05621; font-weight: 600; }
.flag { display: inline-block; border: 1px solid #cbd5e0; border-radius: 4px; padding: 0 6px; margin: 2px 4px 2px 0; font-size: 12px; }
footer { margin-top: 32px; font-size: 12px; color: #4a5568; }
@page { margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .item, table, .chart { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}`;

function card(label: string, value: string, extraClass = '', id = ''): string {
  return `<div class="card ${extraClass}"${id ? ` id="${id}"` : ''}><div class="muted">${e(label)}</div><div class="value">${e(value)}</div></div>`;
}

function breakdownTable(heading: string, rows: BreakdownRowDto[], className: string): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td>${e(r.key)}</td><td class="num">${r.itemCount}</td><td class="num">${formatPoints(r.automaticPoints)}</td><td class="num">${formatPoints(r.points)}</td><td class="num">${formatPoints(r.maxPoints)}</td><td class="num">${formatPercent(r.fraction)}</td></tr>`,
    )
    .join('');
  return `<table class="${className}"><thead><tr><th>${e(heading)}</th><th class="num">Items</th><th class="num">Automatic</th><th class="num">Reviewed</th><th class="num">Max</th><th class="num">Fraction</th></tr></thead><tbody>${body}</tbody></table>`;
}

function answerHtml(item: ReportItemDto): string {
  if (item.answer === null) return '<div class="answer muted">(no answer)</div>';
  const body = segmentAnswer(item.answer, highlightsOf(item))
    .map((segment) => {
      if (segment.highlights.length === 0) return e(segment.text);
      const kinds = [...new Set(segment.highlights.map((h) => h.kind))].join(' ');
      const title = [...new Set(segment.highlights.map((h) => `${h.kind === 'concept' ? '+' : '−'} ${h.label}`))].join('; ');
      return `<mark class="${kinds}" title="${e(title)}">${e(segment.text)}</mark>`;
    })
    .join('');
  return `<div class="answer">${body}</div>`;
}

function questionRow(item: ReportItemDto): string {
  const reviewed = item.reviewed.points === null ? '—' : `${formatPoints(item.reviewed.points)}${item.reviewed.autoScoreChanged ? ' <span class="changed" title="The automatic score changed after this override">⚠</span>' : ''}`;
  return `<tr class="question-row" data-position="${item.position}"><td class="num">${item.position}</td><td><a href="#item-${item.position}">${e(item.prompt)}</a></td><td>${e(item.section)}</td><td>${e(item.levels.join(', '))}</td><td class="num">${formatPoints(item.automatic.points)}</td><td class="num">${reviewed}</td><td class="num">${formatPoints(item.maxPoints)}</td><td>${e(item.reviewed.reason ?? '')}</td></tr>`;
}

const quote = (text: string): string => `<q>${e(text)}</q>`;

function itemDetails(item: ReportItemDto): string {
  const parts = [
    `<section class="item" id="item-${item.position}">`,
    `<h3>${item.position}. ${e(item.prompt)}</h3>`,
    `<div class="muted">${e(item.section)} · ${e(item.levels.join(', ') || 'no level')}${item.probeIndex === null ? '' : ` · follow-up probe ${item.probeIndex + 1}`}</div>`,
    `<table class="scores"><thead><tr><th class="num">Automatic</th><th class="num">Reviewed</th><th class="num">Max</th><th>Band</th><th>Override reason</th></tr></thead><tbody><tr>`,
    `<td class="num">${formatPoints(item.automatic.points)}</td>`,
    `<td class="num">${formatPoints(item.reviewed.points)}${item.reviewed.autoScoreChanged ? ' <span class="changed">(automatic score changed since)</span>' : ''}</td>`,
    `<td class="num">${formatPoints(item.maxPoints)}</td><td>${e(item.automatic.band ?? '—')}</td>`,
    `<td>${item.reviewed.reason === null ? '—' : `${e(item.reviewed.reason)}${item.reviewed.reviewerName ? ` <span class="muted">— ${e(item.reviewed.reviewerName)}</span>` : ''}`}</td>`,
    '</tr></tbody></table>',
    answerHtml(item),
  ];
  if (item.evidence.length) {
    parts.push(
      '<h4>Evidence</h4><ul class="evidence">',
      ...item.evidence.map(
        (c) => `<li data-concept="${e(c.conceptId)}"><strong>${e(c.label)}</strong> (+${c.earned}): ${c.matches.map((m) => `${quote(m.text)} <span class="muted">@${m.start}–${m.end}</span>`).join(', ')}</li>`,
      ),
      '</ul>',
    );
  }
  if (item.missedConcepts.length) {
    parts.push(
      '<h4>Missed concepts</h4><ul class="missed">',
      ...item.missedConcepts.map((m) => `<li><strong>${e(m.label)}</strong>${m.required ? ' (required)' : ''}: ${e(m.feedback)}</li>`),
      '</ul>',
    );
  }
  if (item.misconceptions.length) {
    parts.push(
      '<h4>Misconceptions</h4><ul class="misconceptions">',
      ...item.misconceptions.map((m) => `<li><strong>${e(m.label)}</strong> (−${m.penalty}): ${m.matches.map((x) => quote(x.text)).join(', ')}${m.feedback ? ` — ${e(m.feedback)}` : ''}</li>`),
      '</ul>',
    );
  }
  if (item.flags.length) {
    parts.push(`<div class="flags">${item.flags.map((f) => `<span class="flag" title="${e(f.message)}">${e(f.code)}</span>`).join('')}</div>`);
  }
  parts.push('</section>');
  return parts.join('');
}

export function renderReportHtml(report: SessionReportDto): string {
  const { totals, timestamps } = report;
  const verdict = formatPassed(totals.passed);
  const chart = barChartSvg(
    [
      { title: 'By section', bars: report.breakdowns.sections.map((r) => ({ label: r.key, fraction: r.fraction, caption: `${formatPoints(r.points)} / ${formatPoints(r.maxPoints)}` })) },
      { title: 'By level', bars: report.breakdowns.levels.map((r) => ({ label: r.key, fraction: r.fraction, caption: `${formatPoints(r.points)} / ${formatPoints(r.maxPoints)}` })) },
    ],
    { title: 'Reviewed score by section and level', threshold: totals.passingThreshold },
  );
  const decisions = report.decisions.length
    ? `<table class="decisions"><thead><tr><th>When</th><th>Decision</th><th>Reviewer</th><th>Note</th></tr></thead><tbody>${report.decisions
        .map((d) => `<tr><td>${formatDate(d.createdAt)}</td><td><strong>${e(d.decision)}</strong></td><td>${e(d.reviewerName ?? '—')}</td><td>${e(d.note)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="muted">No decision yet.</p>';

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(report.candidate.name)} — ${e(report.interview.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header>
<h1>${e(report.interview.title)}</h1>
<div class="candidate"><strong>${e(report.candidate.name)}</strong> <span class="muted">${e(report.candidate.email)}</span></div>
<div class="muted">Status ${e(report.status)} · invited ${formatDate(timestamps.invitedAt)} · submitted ${formatDate(timestamps.submittedAt)}${timestamps.submittedBy ? ` (${e(timestamps.submittedBy)})` : ''} · graded ${formatDate(timestamps.gradedAt)}</div>
</header>
<section class="summary" id="totals">
${card('Automatic', `${formatPoints(totals.automaticPoints)} / ${formatPoints(totals.maxPoints)}`, '', 'total-automatic')}
${card('Reviewed', `${formatPoints(totals.reviewedPoints)} / ${formatPoints(totals.maxPoints)}`, '', 'total-reviewed')}
${card('Fraction', formatPercent(totals.fraction), '', 'total-fraction')}
${card(`Result (threshold ${formatPercent(totals.passingThreshold)})`, verdict, `verdict ${totals.passed === null ? '' : verdict}`, 'total-verdict')}
${card(`Percentile (${report.percentile.gradedSessions} graded)`, report.percentile.value === null ? '—' : String(report.percentile.value), '', 'total-percentile')}
</section>
<h2>Breakdown</h2>
<div class="chart">${chart}</div>
${breakdownTable('Section', report.breakdowns.sections, 'breakdown-sections')}
${breakdownTable('Level', report.breakdowns.levels, 'breakdown-levels')}
<h2>Decisions</h2>
${decisions}
<h2>Questions</h2>
<table class="questions"><thead><tr><th class="num">#</th><th>Question</th><th>Section</th><th>Levels</th><th class="num">Automatic</th><th class="num">Reviewed</th><th class="num">Max</th><th>Override reason</th></tr></thead>
<tbody>${report.items.map(questionRow).join('')}</tbody></table>
${report.items.map(itemDetails).join('\n')}
<footer>Generated ${formatDate(report.generatedAt)}. Percentile: ${e(report.percentile.definition)} Highlights: <mark class="concept">earned a concept</mark> <mark class="misconception">triggered a misconception</mark>.</footer>
</body>
</html>
`;
}
