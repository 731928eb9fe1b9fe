import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SessionReportDto } from '../src/reports/dto/session-report.dto';
import { Account, bearer, signUp } from './factories/accounts';
import { BuiltSession, createInterview, createSession, TRACING_ITEMS } from './factories/reports';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Opens the HTML report in a real headless Chromium: it must render (DOM with
 * the chart, totals and question rows; a screenshot and a PDF with content),
 * and the candidate's <script> must stay text. CI installs Chromium; without
 * it these tests are skipped, saying so.
 */
const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const describeWithChromium = HAS_CHROMIUM ? describe : describe.skip;
if (!HAS_CHROMIUM) console.warn(`Skipping the headless Chromium report tests: ${CHROMIUM} is not installed (apt-get install -y chromium).`);

const run = promisify(execFile);

async function chromium(workDir: string, ...args: string[]): Promise<string> {
  const profile = mkdtempSync(path.join(workDir, 'profile-'));
  const { stdout } = await run(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { timeout: 90_000, maxBuffer: 32 * 1024 * 1024 },
  );
  return stdout;
}

describeWithChromium('the HTML report in headless Chromium', () => {
  let t: TestApp;
  let owner: Account;
  let session: BuiltSession;
  let report: SessionReportDto;
  let workDir: string;
  let htmlFile: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    const interview = await createInterview(t, owner, { title: 'Tracing loop for Chromium', items: TRACING_ITEMS });
    session = await createSession(t, interview, {
      candidateName: 'Grace Hopper',
      items: [
        { answer: { testCase: 'strong' } },
        { answer: { testCase: 'partial' }, override: { points: 8, reason: 'Good follow-up discussion', reviewer: owner } },
        { answer: 'Head sampling decides at the start of the trace; tail sampling decides after it completes. <script>document.title="pwned"</script>' },
        { answer: { testCase: 'misconception' } },
      ],
    });
    report = (await t.http().get(`/v1/sessions/${session.id}/report`).set(bearer(owner.accessToken))).body as SessionReportDto;
    const html = await t.http().get(`/v1/sessions/${session.id}/report?format=html`).set(bearer(owner.accessToken));
    expect(html.status).toBe(200);
    workDir = mkdtempSync(path.join(tmpdir(), 'assay-report-'));
    htmlFile = path.join(workDir, 'report.html');
    writeFileSync(htmlFile, html.text);
  }, 60_000);

  afterAll(async () => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    await t?.close();
  });

  it('renders the chart, the totals and every question row', async () => {
    const dom = await chromium(workDir, '--dump-dom', `file://${htmlFile}`);
    expect(dom).toMatch(/<svg[^>]*class="chart"/);
    const bars = report.breakdowns.sections.length + report.breakdowns.levels.length;
    expect(dom.match(/<g class="bar"/g)).toHaveLength(bars);
    expect(dom).toMatch(/<rect class="value"/);
    const reviewed = `${Math.round(report.totals.reviewedPoints! * 100) / 100} / 50`;
    expect(dom).toMatch(new RegExp(`id="total-reviewed"[\\s\\S]*?${reviewed.replace(/[.]/g, '\\.')}`));
    expect(dom.match(/<tr class="question-row"/g)).toHaveLength(4);
    expect(dom).toContain('Grace Hopper');
    expect(dom).toContain('Good follow-up discussion');
    // The answer's script is text in the page, never an element, so it never ran.
    expect(dom).toContain('&lt;script&gt;document.title="pwned"&lt;/script&gt;');
    expect(dom).not.toMatch(/<script/i);
    expect(dom).toMatch(/<title>Grace Hopper — Tracing loop for Chromium<\/title>/);
  }, 120_000);

  it('produces a screenshot and a printable PDF with content', async () => {
    const png = path.join(workDir, 'report.png');
    await chromium(workDir, `--screenshot=${png}`, '--window-size=1200,1600', `file://${htmlFile}`);
    const image = readFileSync(png);
    expect(image.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(image.readUInt32BE(16)).toBe(1200);
    expect(image.readUInt32BE(20)).toBe(1600);
    expect(statSync(png).size).toBeGreaterThan(20_000);

    const pdf = path.join(workDir, 'report.pdf');
    await chromium(workDir, `--print-to-pdf=${pdf}`, '--no-pdf-header-footer', `file://${htmlFile}`);
    const document = readFileSync(pdf);
    expect(document.subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
  }, 180_000);
});
