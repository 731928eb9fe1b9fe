/**
 * Slugs are the stable, human-readable identity of a question across imports:
 * re-importing a document must find the same question again, so the rule below
 * must never change silently (a test pins the seed's slugs).
 */
const MAX_SLUG_LENGTH = 60;

export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH && slug) break;
    slug = next;
  }
  return slug.slice(0, MAX_SLUG_LENGTH) || 'question';
}

/** Returns `base`, or `base-2`, `base-3`, … when earlier questions took it. */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}
