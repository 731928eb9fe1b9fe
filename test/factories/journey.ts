/**
 * Helpers for the acceptance journey (test/journey.e2e-spec.ts): the shapes it
 * reads from the public API, a leak scanner for candidate responses, an
 * independent webhook signature check and bounded polling. Nothing here writes
 * to the database; everything the journey does goes through HTTP.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Response } from 'supertest';

// ---------------------------------------------------------------------------
// What the journey reads (the fields it uses; openapi.yaml is checked by the test app).

export interface LibraryQuestion {
  id: string;
  slug: string;
  section: string;
  levels: string[];
  prompt: string;
  modelAnswer: string;
  probes: { question: string; answer: string }[];
  misconceptions: string[];
  listeningFor: string[];
  versionId: string;
  hasRubric: boolean;
}

export interface RubricTestCase {
  name: string;
  answer: string;
  expect: { band?: string; concepts?: string[]; misconceptions?: string[] };
}

export interface RubricView {
  questionId: string;
  versionId: string;
  rubric: {
    question: string;
    concepts: { id: string; label: string; feedback?: string; required?: boolean }[];
    misconceptions?: { id: string; label: string; feedback?: string }[];
    tests?: RubricTestCase[];
  };
}

export interface CandidateItem {
  position: number;
  prompt: string;
  section: string;
  isProbe: boolean;
  points: number;
  answer: { text: string; revision: number; savedAt: string | null };
}

export interface CandidateView {
  id: string;
  candidateName: string;
  status: string;
  startedAt: string | null;
  deadlineAt: string | null;
  graceSeconds: number;
  submittedAt: string | null;
  submittedBy: string | null;
  serverTime: string;
  itemCount: number;
  items: CandidateItem[];
}

export interface Evidence {
  start: number;
  end: number;
  text: string;
}

export interface ReportItem {
  position: number;
  sessionItemId: string;
  probeIndex: number | null;
  prompt: string;
  section: string;
  levels: string[];
  weight: number;
  maxPoints: number;
  answer: string | null;
  answerRevision: number | null;
  automatic: { points: number | null; fraction: number | null; band: string | null; engineVersion: string | null };
  reviewed: { points: number | null; reason: string | null; reviewerId: string | null; reviewerName: string | null; autoScoreChanged: boolean };
  effectivePoints: number | null;
  evidence: { conceptId: string; label: string; matches: Evidence[] }[];
  missedConcepts: { conceptId: string; label: string; feedback: string; required: boolean }[];
  misconceptions: { misconceptionId: string; label: string; matches: Evidence[] }[];
  flags: { code: string; matches: Evidence[] }[];
}

export interface Report {
  sessionId: string;
  interview: { id: string; title: string; passingThreshold: number };
  candidate: { name: string; email: string };
  status: string;
  timestamps: { submittedBy: string | null; gradedAt: string | null };
  totals: {
    automaticPoints: number | null;
    reviewedPoints: number | null;
    maxPoints: number;
    automaticFraction: number | null;
    fraction: number | null;
    passingThreshold: number;
    passed: boolean | null;
    itemCount: number;
    scoredItemCount: number;
    overriddenItemCount: number;
  };
  percentile: { value: number | null; gradedSessions: number };
  decisions: { decision: string; reviewerId: string | null; reviewerName: string | null; note: string }[];
  latestDecision: string | null;
  breakdowns: { sections: { key: string; itemCount: number; maxPoints: number }[]; levels: { key: string }[] };
  items: ReportItem[];
}

// ---------------------------------------------------------------------------
// Candidate responses must not leak.

/** Every string value in a JSON body, and every key, so a leak is found wherever it hides. */
function walk(value: unknown, strings: string[], keys: string[]): void {
  if (typeof value === 'string') strings.push(value);
  else if (Array.isArray(value)) value.forEach((entry) => walk(entry, strings, keys));
  else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      keys.push(key);
      walk(entry, strings, keys);
    }
  }
}

/** Keys a candidate response has no business carrying (its answers' own text is checked separately). */
const FORBIDDEN_KEY = /score|rubric|model|fraction|band|evidence|concept|misconception|weight|feedback|probeAnswer|seed|email|versionId|reviewer|override/i;

/**
 * What in a candidate response reveals more than prompts: a secret text
 * (model answer, probe answer, rubric wording) or its opening words, a
 * forbidden id (rubric versions, other sessions), or a scoring-shaped key.
 * The candidate's own saved answers are left out (`ownAnswers`), since a
 * candidate may well type words that also appear in a model answer.
 */
export function leaksIn(body: unknown, secrets: readonly string[], forbiddenIds: readonly string[], ownAnswers: readonly string[] = []): string[] {
  const strings: string[] = [];
  const keys: string[] = [];
  walk(body, strings, keys);
  const own = new Set(ownAnswers);
  const visible = strings.filter((s) => !own.has(s)).join('\n');
  const found: string[] = [];
  for (const secret of secrets) {
    const text = secret.trim();
    if (text.length < 24) continue; // too short to be distinctive (a one-word probe answer would match prompts by chance)
    if (visible.includes(text) || visible.includes(text.slice(0, 60))) found.push(`secret text: ${text.slice(0, 60)}…`);
  }
  for (const id of forbiddenIds) if (visible.includes(id)) found.push(`id ${id}`);
  for (const key of keys) if (FORBIDDEN_KEY.test(key)) found.push(`key ${key}`);
  return found;
}

/** The texts of a library question (and its rubric) that a candidate must never see. */
export function secretTextsOf(question: LibraryQuestion, rubric: RubricView | undefined): string[] {
  return [
    question.modelAnswer,
    ...question.probes.map((probe) => probe.answer),
    ...question.misconceptions,
    ...question.listeningFor,
    ...(rubric?.rubric.concepts ?? []).flatMap((c) => [c.label, c.feedback ?? '']),
    ...(rubric?.rubric.misconceptions ?? []).flatMap((m) => [m.label, m.feedback ?? '']),
  ];
}

// ---------------------------------------------------------------------------
// Webhooks: checked the way a receiver would, without assay's own code.

export interface SignedRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const header = (request: SignedRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * `assay-webhook-signature: v1=<hex HMAC-SHA256(secret, "<assay-webhook-timestamp>.<raw body>")>`
 * (src/webhooks/signature.ts and README). True when one v1 entry matches and
 * the timestamp is within five minutes of `now`.
 */
export function signatureIsValid(secret: string, request: SignedRequest, now = Date.now()): boolean {
  const timestamp = header(request, 'assay-webhook-timestamp');
  const signature = header(request, 'assay-webhook-signature');
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(Math.floor(now / 1000) - Number(timestamp)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(request.body).digest();
  return signature
    .split(/[\s,]+/)
    .map((part) => /^v1=([0-9a-f]{64})$/i.exec(part)?.[1])
    .some((hex) => hex !== undefined && timingSafeEqual(Buffer.from(hex, 'hex'), expected));
}

export function headerOf(request: SignedRequest, name: string): string | undefined {
  return header(request, name);
}

// ---------------------------------------------------------------------------
// Time and numbers.

/** Polls until `check` returns a value, every `intervalMs`, failing after `timeoutMs` with `what`. */
export async function pollFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** The same 9-decimal comparison the reports use for the percentile. */
const round9 = (value: number) => Math.round(value * 1e9) / 1e9;

/** round(100 × (lower + ½ · ties) / n), the report's documented definition, computed here independently. */
export function expectedPercentile(own: number, all: readonly number[]): number {
  const lower = all.filter((f) => round9(f) < round9(own)).length;
  const ties = all.filter((f) => round9(f) === round9(own)).length;
  return Math.round((100 * (lower + ties / 2)) / all.length);
}

/** The report's Markdown/HTML number format: at most two decimals. */
export const shownPoints = (points: number | null): string => (points === null ? '—' : String(Math.round(points * 100) / 100));

/** Fails with the response body, which says far more than "expected 200, got 409". */
export function expectStatus(response: Response, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what} answered ${response.status} instead of ${status}: ${response.text}`);
}

/** A strict RFC 4180 reader (CRLF records, quoted fields, doubled quotes), written here so the CSV is checked independently of its writer. */
export function csvRecords(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else if (char === '"' || char === '\r' || char === '\n') throw new Error(`not RFC 4180: bare ${JSON.stringify(char)} at ${i}`);
    else field += char;
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('not RFC 4180: the last record is unterminated');
  const [header, ...records] = rows;
  return records.map((record) => {
    if (record.length !== header.length) throw new Error(`a record has ${record.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((name, index) => [name, record[index]]));
  });
}
