import { escapeHtml } from './escape';

/**
 * A horizontal bar chart as a standalone SVG string (no scripts, no external
 * assets), for the printable report: one group of bars per breakdown, each
 * bar the fraction of the points available, with the passing threshold as a
 * dashed line. Pure and deterministic so it can be unit-tested as text.
 */

export interface ChartBar {
  label: string;
  /** 0..1; null draws an empty track ("not graded"). Out-of-range values are clamped. */
  fraction: number | null;
  /** Shown after the bar, e.g. "7.5 / 10". */
  caption?: string;
}

export interface ChartGroup {
  title: string;
  bars: ChartBar[];
}

export interface ChartOptions {
  title: string;
  width?: number;
  /** Passing threshold (0..1): bars at or above it are drawn as passing. */
  threshold?: number | null;
}

const LABEL_WIDTH = 190;
const VALUE_WIDTH = 150;
const GROUP_TITLE_HEIGHT = 26;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 14;
const PADDING = 12;
const MAX_LABEL_CHARS = 28;
export const PASS_COLOR = '#2f855a';
export const FAIL_COLOR = '#c05621';

const fixed = (n: number): string => String(Math.round(n * 10) / 10);

export function clampFraction(fraction: number | null): number | null {
  if (fraction === null) return null;
  if (!Number.isFinite(fraction)) return 0;
  return Math.min(Math.max(fraction, 0), 1);
}

function truncate(label: string): string {
  const chars = [...label];
  return chars.length > MAX_LABEL_CHARS ? `${chars.slice(0, MAX_LABEL_CHARS - 1).join('')}…` : label;
}

export function barChartSvg(groups: readonly ChartGroup[], options: ChartOptions): string {
  const width = Math.max(options.width ?? 720, LABEL_WIDTH + VALUE_WIDTH + 100);
  const trackWidth = width - LABEL_WIDTH - VALUE_WIDTH - 2 * PADDING;
  const trackX = PADDING + LABEL_WIDTH;
  const threshold = clampFraction(options.threshold ?? null);
  const parts: string[] = [];
  let y = PADDING;
  const barRows: number[] = [];

  for (const group of groups) {
    parts.push(`<text class="group-title" x="${PADDING}" y="${fixed(y + 16)}" font-weight="bold" font-size="13">${escapeHtml(group.title)}</text>`);
    y += GROUP_TITLE_HEIGHT;
    if (group.bars.length === 0) {
      parts.push(`<text x="${trackX}" y="${fixed(y + 12)}" font-size="12" fill="#718096">No items</text>`);
      y += ROW_HEIGHT;
      continue;
    }
    for (const bar of group.bars) {
      const fraction = clampFraction(bar.fraction);
      const barY = y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
      const passing = fraction !== null && threshold !== null && fraction >= threshold;
      const caption = bar.caption ?? (fraction === null ? 'not graded' : `${fixed(fraction * 100)}%`);
      parts.push(
        `<g class="bar" data-label="${escapeHtml(bar.label)}" data-fraction="${fraction === null ? '' : fraction}">`,
        `<title>${escapeHtml(bar.label)}: ${escapeHtml(caption)}</title>`,
        `<text x="${trackX - 8}" y="${fixed(barY + BAR_HEIGHT - 3)}" font-size="12" text-anchor="end">${escapeHtml(truncate(bar.label))}</text>`,
        `<rect class="track" x="${trackX}" y="${fixed(barY)}" width="${fixed(trackWidth)}" height="${BAR_HEIGHT}" fill="#edf2f7"/>`,
        fraction === null
          ? ''
          : `<rect class="value" x="${trackX}" y="${fixed(barY)}" width="${fixed(fraction * trackWidth)}" height="${BAR_HEIGHT}" fill="${passing || threshold === null ? PASS_COLOR : FAIL_COLOR}"/>`,
        `<text x="${fixed(trackX + trackWidth + 8)}" y="${fixed(barY + BAR_HEIGHT - 3)}" font-size="12">${escapeHtml(caption)}</text>`,
        '</g>',
      );
      barRows.push(y);
      y += ROW_HEIGHT;
    }
  }
  if (groups.length === 0) {
    parts.push(`<text x="${PADDING}" y="${fixed(y + 14)}" font-size="12" fill="#718096">No data</text>`);
    y += ROW_HEIGHT;
  }
  if (threshold !== null && barRows.length > 0) {
    const x = fixed(trackX + threshold * trackWidth);
    parts.push(
      `<line class="threshold" x1="${x}" y1="${fixed(PADDING + GROUP_TITLE_HEIGHT - 4)}" x2="${x}" y2="${fixed(y)}" stroke="#2d3748" stroke-width="1.5" stroke-dasharray="4 3"/>`,
      `<text x="${x}" y="${fixed(y + 14)}" font-size="11" text-anchor="middle">pass ${fixed(threshold * 100)}%</text>`,
    );
    y += 18;
  }
  const height = Math.ceil(y + PADDING);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.title)}" font-family="system-ui, sans-serif">`,
    `<title>${escapeHtml(options.title)}</title>`,
    ...parts.filter(Boolean),
    '</svg>',
  ].join('');
}
