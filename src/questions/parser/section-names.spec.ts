import { isKnownMatterHeading, sectionTag } from './section-names';

describe('isKnownMatterHeading', () => {
  it('recognises front and back matter in any case and spacing', () => {
    for (const heading of ['Table of Contents', 'Introduction', 'FURTHER  READING', 'Related Topics', 'In this topic']) {
      expect(isKnownMatterHeading(heading)).toBe(true);
    }
    expect(isKnownMatterHeading('Sampling')).toBe(false);
    expect(isKnownMatterHeading('Cheat Sheet')).toBe(false);
  });
});

describe('sectionTag', () => {
  it.each([
    ['Conceptual / Foundational', 'conceptual'],
    ['Propagation', 'propagation'],
    ['OpenTelemetry / Implementation', 'opentelemetry'],
    ['Tricky / Trap Questions', 'tricky'],
    ['System / Design Scenarios', 'system-design'],
    ['Live Coding / Whiteboard', 'live-coding'],
    ["What I'd Ask a Candidate Now", 'interviewer-picks'],
    ['Cheat Sheet', 'cheat-sheet'],
    ['A Very Long Section Name Here', 'a-very-long'],
  ])('%s → %s', (section, tag) => {
    expect(sectionTag(section)).toBe(tag);
  });
});
