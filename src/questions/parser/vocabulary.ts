/**
 * What the document itself says about its words and code terms. Glued text
 * ("traceparentfrom") is repaired only with evidence from elsewhere in the same
 * document ("traceparent" and "from" both occur on their own), never with a
 * list of known glitches.
 */
import type { WordKnowledge } from './english-words';
import type { ClassifiedLine } from './line-kinds';

export interface Vocabulary extends WordKnowledge {
  /** Every whitespace-separated token (surrounding punctuation removed) and code identifier, with counts. */
  readonly chunks: ReadonlyMap<string, number>;
  /** First part of dotted/underscored identifiers ("http" of http.route), with counts. */
  readonly firstParts: ReadonlyMap<string, number>;
  /** Last part of dotted/underscored identifiers ("code" of http.status_code), with counts. */
  readonly lastParts: ReadonlyMap<string, number>;
  /**
   * Lowercase code terms proven by glue: a broken line started with them and a
   * word was glued on ("traceparentfrom" → traceparent). Filled by the glue repair.
   */
  readonly codeTerms: Set<string>;
}

/** A dotted or underscored identifier: http.status_code, trace_id, span.End. */
export const SEPARATED_IDENTIFIER = '[A-Za-z_][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+';
const CODE_IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g;

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Drops closing brackets at the end that have no opening partner: "span.End())" → "span.End()". */
function balanceClosing(token: string, open: string, close: string): string {
  let excess = token.split(close).length - token.split(open).length;
  let end = token.length;
  while (excess > 0 && token[end - 1] === close) {
    end -= 1;
    excess -= 1;
  }
  return token.slice(0, end);
}

/** "(traceparent," → "traceparent"; "span.End()." → "span.End()". */
export function tokenCore(token: string): string {
  let core = token.replace(/^[("'“‘[`{<]+/, '');
  for (let previous = ''; previous !== core; ) {
    previous = core;
    core = core.replace(/[.,;:!?"'”’`…]+$/, '');
    core = balanceClosing(balanceClosing(core, '(', ')'), '[', ']');
  }
  return core;
}

function identifierParts(identifier: string): string[] {
  return identifier.split(/[._]/).filter(Boolean);
}

export function buildVocabulary(lines: readonly ClassifiedLine[]): Vocabulary {
  const proseWords = new Map<string, number>();
  const chunks = new Map<string, number>();
  const firstParts = new Map<string, number>();
  const lastParts = new Map<string, number>();
  const separated = new RegExp(SEPARATED_IDENTIFIER, 'g');

  const addIdentifier = (identifier: string) => {
    const parts = identifierParts(identifier);
    if (parts.length < 2) return;
    count(firstParts, parts[0]);
    count(lastParts, parts[parts.length - 1]);
  };

  for (const line of lines) {
    if (line.kind === 'blank') continue;
    if (line.kind === 'code') {
      for (const identifier of line.text.match(CODE_IDENTIFIER) ?? []) {
        count(chunks, identifier);
        addIdentifier(identifier);
      }
      continue;
    }
    for (const token of line.text.split(/\s+/)) {
      const core = tokenCore(token);
      if (core === '') continue;
      count(chunks, core);
      if (/^(?:[a-z]+|[A-Z][a-z]+)$/.test(core)) count(proseWords, core.toLowerCase());
      for (const identifier of core.match(separated) ?? []) {
        if (identifier !== core) count(chunks, identifier);
        addIdentifier(identifier);
      }
    }
  }
  return { proseWords, chunks, firstParts, lastParts, codeTerms: new Set() };
}
