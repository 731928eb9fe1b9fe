/**
 * Reads the engine's `ScoreResult` as it was stored in ItemScore.result.
 * Stored JSON outlives engine versions and may come from older ones, so it is
 * read defensively: malformed entries are dropped rather than crashing a report.
 */

export interface EvidenceSpan {
  start: number;
  end: number;
  text: string;
}

export interface StoredConcept {
  id: string;
  label: string;
  weight: number;
  earned: number;
  required: boolean;
  matched: boolean;
  evidence: EvidenceSpan[];
}

export interface StoredMisconception {
  id: string;
  label: string;
  penalty: number;
  feedback: string | null;
  evidence: EvidenceSpan[];
}

export interface StoredMissedConcept {
  id: string;
  label: string;
  feedback: string;
}

export interface StoredFlag {
  code: string;
  message: string;
  evidence: EvidenceSpan[];
}

export interface StoredScoreResult {
  band: string | null;
  concepts: StoredConcept[];
  misconceptions: StoredMisconception[];
  missed: StoredMissedConcept[];
  flags: StoredFlag[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const num = (value: unknown, fallback = 0): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

function evidenceOf(value: unknown): EvidenceSpan[] {
  return objects(value)
    .filter((e) => typeof e.text === 'string' && Number.isInteger(e.start) && Number.isInteger(e.end) && (e.start as number) >= 0 && (e.end as number) >= (e.start as number))
    .map((e) => ({ start: e.start as number, end: e.end as number, text: e.text as string }));
}

export function readStoredResult(json: unknown): StoredScoreResult {
  const result = isObject(json) ? json : {};
  return {
    band: typeof result.band === 'string' ? result.band : null,
    concepts: objects(result.concepts)
      .filter((c) => typeof c.id === 'string')
      .map((c) => ({
        id: c.id as string,
        label: str(c.label, c.id as string),
        weight: num(c.weight),
        earned: num(c.earned),
        required: c.required === true,
        matched: c.matched === true,
        evidence: evidenceOf(c.evidence),
      })),
    misconceptions: objects(result.misconceptions)
      .filter((m) => typeof m.id === 'string')
      .map((m) => ({
        id: m.id as string,
        label: str(m.label, m.id as string),
        penalty: num(m.penalty),
        feedback: typeof m.feedback === 'string' ? m.feedback : null,
        evidence: evidenceOf(m.evidence),
      })),
    missed: objects(result.missed)
      .filter((m) => typeof m.id === 'string')
      .map((m) => ({ id: m.id as string, label: str(m.label, m.id as string), feedback: str(m.feedback) })),
    flags: objects(result.flags)
      .filter((f) => typeof f.code === 'string')
      .map((f) => ({ code: f.code as string, message: str(f.message), evidence: evidenceOf(f.evidence) })),
  };
}
