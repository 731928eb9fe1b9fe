import { barChartSvg, clampFraction, FAIL_COLOR, PASS_COLOR } from './svg-chart';

const widths = (svg: string): number[] => [...svg.matchAll(/<rect class="value"[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));
const trackWidth = (svg: string): number => Number(/<rect class="track"[^>]* width="([\d.]+)"/.exec(svg)![1]);

describe('barChartSvg', () => {
  const svg = barChartSvg(
    [
      { title: 'By section', bars: [{ label: 'Sampling', fraction: 0.5 }, { label: 'Propagation', fraction: 1 }] },
      { title: 'By level', bars: [{ label: 'senior', fraction: 0.25, caption: '2.5 / 10' }] },
    ],
    { title: 'Score <by> section', threshold: 0.6 },
  );

  it('is a standalone SVG document with an accessible title', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title>Score &lt;by&gt; section</title>');
    expect(svg).not.toMatch(/<script|href=|xlink/);
  });

  it('draws one bar per value, proportional to the fraction', () => {
    expect(svg.match(/<g class="bar"/g)).toHaveLength(3);
    const track = trackWidth(svg);
    expect(widths(svg)).toEqual([track * 0.5, track, track * 0.25].map((w) => Math.round(w * 10) / 10));
  });

  it('colours bars by the threshold and draws the threshold line', () => {
    const fills = [...svg.matchAll(/<rect class="value"[^>]* fill="([^"]+)"/g)].map((m) => m[1]);
    expect(fills).toEqual([FAIL_COLOR, PASS_COLOR, FAIL_COLOR]);
    expect(svg).toContain('class="threshold"');
    expect(svg).toContain('pass 60%');
    expect(svg).toContain('2.5 / 10');
    expect(svg).toContain('>50%<');
  });

  it('escapes labels and truncates long ones, keeping the full label in the tooltip', () => {
    const long = 'A very long section name that goes on & on <forever>';
    const out = barChartSvg([{ title: 'T & <U>', bars: [{ label: long, fraction: 0.3 }] }], { title: 'x' });
    expect(out).toContain('T &amp; &lt;U&gt;');
    expect(out).toContain(`<title>A very long section name that goes on &amp; on &lt;forever&gt;: 30%</title>`);
    expect(out).toMatch(/>A very long section name th…</);
    expect(out).not.toContain('<forever>');
  });

  it('draws an empty track for missing values and clamps out-of-range ones', () => {
    const out = barChartSvg([{ title: 'T', bars: [{ label: 'none', fraction: null }, { label: 'over', fraction: 1.7 }, { label: 'under', fraction: -1 }] }], { title: 'x' });
    expect(out).toContain('not graded');
    expect(widths(out)).toEqual([trackWidth(out), 0]);
    expect(out).not.toContain('class="threshold"');
  });

  it('renders placeholders for empty groups and no groups', () => {
    expect(barChartSvg([{ title: 'Empty', bars: [] }], { title: 'x', threshold: 0.5 })).toContain('No items');
    expect(barChartSvg([], { title: 'x' })).toContain('No data');
  });

  it('is deterministic and grows with the number of bars', () => {
    const one = barChartSvg([{ title: 'T', bars: [{ label: 'a', fraction: 0.1 }] }], { title: 'x' });
    const two = barChartSvg([{ title: 'T', bars: [{ label: 'a', fraction: 0.1 }, { label: 'b', fraction: 0.2 }] }], { title: 'x' });
    expect(barChartSvg([{ title: 'T', bars: [{ label: 'a', fraction: 0.1 }] }], { title: 'x' })).toBe(one);
    const height = (s: string) => Number(/height="(\d+)"/.exec(s)![1]);
    expect(height(two)).toBeGreaterThan(height(one));
  });
});

describe('clampFraction', () => {
  it('clamps and treats non-finite numbers as 0', () => {
    expect(clampFraction(null)).toBeNull();
    expect(clampFraction(Number.NaN)).toBe(0);
    expect(clampFraction(Infinity)).toBe(0);
    expect(clampFraction(2)).toBe(1);
    expect(clampFraction(0.42)).toBe(0.42);
  });
});
