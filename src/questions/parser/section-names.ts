/**
 * Headings that frame the document rather than hold questions. Their content
 * (table of contents, introduction, reading lists) is skipped on purpose.
 */
import { slugify } from './slug';

const MATTER_HEADINGS = new Set([
  'table of contents',
  'contents',
  'introduction',
  'further reading',
  'references',
  'see also',
  'related topics',
  'in this topic',
]);

function normalise(heading: string): string {
  return heading.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function isKnownMatterHeading(heading: string): boolean {
  return MATTER_HEADINGS.has(normalise(heading));
}

/**
 * Section tags read better than the full titles; these override the generic
 * rule where it would give a vague or very long tag.
 */
const SECTION_TAG_OVERRIDES: Readonly<Record<string, string>> = {
  'system / design scenarios': 'system-design',
  "what i'd ask a candidate now": 'interviewer-picks',
};

/**
 * Kebab-case tag for a section: the part before " / " ("Tricky / Trap Questions"
 * → `tricky`), at most three words, unless overridden above.
 */
export function sectionTag(section: string): string {
  const override = SECTION_TAG_OVERRIDES[normalise(section)];
  if (override) return override;
  const head = section.split('/')[0];
  return slugify(head).split('-').slice(0, 3).join('-');
}
