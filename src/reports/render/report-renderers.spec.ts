import { toSessionReportDto } from '../reports.mapper';
import { csvRecords } from '../testing/parse-csv';
import { reportFixture } from '../testing/report-fixture';
import { renderSessionReport } from '.';
import { REPORT_CSV_HEADER, renderReportCsv } from './report-csv';
import { renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';

const HOSTILE_ANSWER = '=cmd|\' /C calc\'!A0 <script>alert("x")</script> | **not bold** the batch processor dropped it, queue was full.';

function hostileReport() {
  const source = reportFixture();
  // A hostile answer (still scored by the engine) in the first item.
  const base = reportFixture({}, [
    { slug: 'a-span-never-shows-up-but-span-end-definitely-ran-name-three', prompt: 'Why lost? <img src=x>', section: 'Debug <b>', levels: ['middle'], points: 10, answer: HOSTILE_ANSWER },
  ]);
  return toSessionReportDto({ ...source, items: [...base.items, ...source.items.map((item) => ({ ...item, position: item.position + 1 }))] });
}

describe('renderReportCsv', () => {
  const report = toSessionReportDto(reportFixture());
  const records = csvRecords(renderReportCsv(report));

  it('has one row per item and a totals row, with the documented header', () => {
    expect(Object.keys(records[0])).toEqual([...REPORT_CSV_HEADER]);
    expect(records.map((r) => r.row)).toEqual(['item', 'item', 'item', 'total']);
    expect(records.slice(0, 3).map((r) => Number(r.position))).toEqual([1, 2, 3]);
  });

  it('puts automatic and reviewed points side by side with the reason', () => {
    const overridden = records[1];
    expect(Number(overridden.automatic_points)).toBeCloseTo(report.items[1].automatic.points!, 4);
    expect(overridden.reviewed_points).toBe('15');
    expect(overridden.effective_points).toBe('15');
    expect(overridden.override_reason).toBe('Named a third cause <b>verbally</b>');
    expect(records[0].reviewed_points).toBe('');
  });

  it('totals match the report', () => {
    const total = records[3];
    expect(Number(total.automatic_points)).toBe(report.totals.automaticPoints);
    expect(Number(total.reviewed_points)).toBe(report.totals.reviewedPoints);
    expect(total.max_points).toBe('40');
    expect(total.passed).toBe(String(report.totals.passed));
    expect(total.percentile).toBe(String(report.percentile.value));
  });

  it('lists evidence, missed concepts and misconceptions', () => {
    const strong = report.items[0];
    expect(records[0].matched_concepts).toContain(`${strong.evidence[0].label}: "${strong.evidence[0].matches[0].text}"`);
    expect(records[1].missed_concepts).toContain(report.items[1].missedConcepts[0].label);
    expect(records[2].misconceptions).toContain(report.items[2].misconceptions[0].label);
  });

  it('is formula-injection safe and round-trips hostile text', () => {
    const hostile = csvRecords(renderReportCsv(hostileReport()));
    expect(hostile[0].answer).toBe(`'${HOSTILE_ANSWER}`);
  });
});

describe('renderReportMarkdown', () => {
  const report = hostileReport();
  const md = renderReportMarkdown(report);

  it('has the title, totals, breakdowns and one heading per question', () => {
    expect(md).toMatch(/^# Interview report: Tracing — senior loop\n/);
    expect(md).toContain('## Totals');
    expect(md).toContain('## Breakdown by section');
    expect(md).toContain('## Breakdown by level');
    expect(md.match(/^### \d+\. /gm)).toHaveLength(report.items.length);
    expect(md).toContain(`| Points | ${Math.round(report.totals.automaticPoints! * 100) / 100} | ${Math.round(report.totals.reviewedPoints! * 100) / 100} | 50 |`);
  });

  it('shows the override next to the automatic score', () => {
    expect(md).toMatch(/\| [\d.]+ \| 15 \| 20 \| \w+ \| Named a third cause \\<b\\>verbally\\<\/b\\> \|/);
  });

  it('quotes the answer with evidence in bold and escapes markup', () => {
    const quote = md.split('\n').filter((line) => line.startsWith('> ') && line.includes('calc'))[0];
    expect(quote).toContain('\\<script\\>');
    expect(quote).toContain('\\*\\*not bold\\*\\*');
    const matched = report.items[0].evidence.flatMap((e) => e.matches.map((m) => m.text));
    expect(matched.length).toBeGreaterThan(0);
    for (const text of matched) expect(quote).toContain(`**${text}**`);
    // Every < of user text is backslash-escaped, so no raw HTML reaches a Markdown renderer.
    expect(md).not.toMatch(/(^|[^\\])<(script|img|b)\b/m);
    expect(md).toContain('\\<img src=x\\>');
    expect(md).toContain('**Evidence**');
    expect(md).toContain('**Missed concepts**');
    expect(md).toContain('**Misconceptions**');
  });

  it('lists decisions with reviewer names', () => {
    expect(md).toContain('**hold** by Rita Reviewer — Wait for the second reviewer');
    expect(md).toContain('**advance** by an API key or former member');
  });
});

describe('renderReportHtml', () => {
  const report = hostileReport();
  const html = renderReportHtml(report);

  it('is a self-contained page: inline styles with print rules, no scripts, no external assets', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|src=["']?http|url\(/i);
  });

  it('escapes the answer and every other user text', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Why lost? &lt;img src=x&gt;');
    expect(html).toContain('Debug &lt;b&gt;');
    expect(html).toContain('Ada &lt;script&gt;alert(1)&lt;/script&gt; Lovelace');
    expect(html).not.toContain('<img');
  });

  it('contains the chart, the totals and one row per question', () => {
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="chart"');
    expect(html.match(/<g class="bar"/g)).toHaveLength(report.breakdowns.sections.length + report.breakdowns.levels.length);
    expect(html.match(/<tr class="question-row"/g)).toHaveLength(report.items.length);
    expect(html).toContain(`id="total-reviewed"`);
    expect(html).toContain(`${Math.round(report.totals.reviewedPoints! * 100) / 100} / 50`);
  });

  it('marks evidence inside the answer', () => {
    expect(html).toMatch(/<mark class="concept" title="\+ [^"]+">[^<]+<\/mark>/);
    expect(html).toMatch(/<mark class="misconception"/);
  });
});

describe('renderSessionReport', () => {
  const report = toSessionReportDto(reportFixture());
  it('gives each format its content type, file name and headers', () => {
    expect(renderSessionReport(report, 'csv')).toMatchObject({ contentType: expect.stringMatching(/^text\/csv/), contentDisposition: expect.stringMatching(/^attachment; filename="assay-report-.*\.csv"$/) });
    expect(renderSessionReport(report, 'md').contentType).toMatch(/^text\/markdown/);
    const html = renderSessionReport(report, 'html');
    expect(html.contentType).toMatch(/^text\/html/);
    expect(html.headers['Content-Security-Policy']).toContain("default-src 'none'");
  });
});
