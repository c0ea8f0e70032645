/**
 * `<trame-bar-chart>`: a horizontal bar chart drawn as SVG with Lit, for the steering committee's
 * dashboard. Stacked (one bar per category, split by series: sheets by status) or grouped (one
 * bar per series: planned / committed / spent). Readable without colour and without sight:
 * - each series has a pattern (solid, hatched, outlined, crossed) shown in the legend, and grouped
 *   bars carry their value in words next to them;
 * - the SVG is `role="img"`, named by its `<title>` and described by a `<desc>` summary in words;
 * - a table with the same data follows it (`table`, in a "see the data as a table" disclosure).
 * The layout is computed in pixels from the element's width, so text keeps its size at 360 px.
 */
import { msg } from '@lit/localize';
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightPage } from '../ui/light-page';

/** How a series is drawn: a fill (with a pattern) that keeps at least 3:1 against white. */
export type ChartLook = 'solid-green' | 'hatch-blue' | 'outline-grey' | 'cross-dark' | 'outline-blue' | 'solid-navy';

export interface ChartSeries {
  key: string;
  label: string;
  look: ChartLook;
}

export interface ChartCategory {
  label: string;
  values: Record<string, number>;
  /** A short text shown under a stacked bar ("50 % réalisé"). */
  note?: string;
}

export interface BarChartData {
  /** Unique in the page: prefix of the ids of the chart's parts. */
  id: string;
  title: string;
  /** The whole chart in words, for screen readers. */
  description: string;
  mode: 'stacked' | 'grouped';
  series: ChartSeries[];
  categories: ChartCategory[];
  formatValue: (value: number) => string;
}

const fontPx = 14;
const linePx = 19;
const stackedBarPx = 22;
const groupedBarPx = 16;
const groupedGapPx = 5;
const categoryGapPx = 18;
const defaultWidthPx = 640;

/** Rough width of a text in the UI font (good enough to lay labels out; they never overlap bars). */
function textWidth(text: string, size = fontPx): number {
  return text.length * size * 0.56;
}

/** Splits a label into lines that fit `widthPx`. */
function wrap(text: string, widthPx: number): string[] {
  const maxChars = Math.max(12, Math.floor(widthPx / (fontPx * 0.56)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u)) {
    if (line !== '' && `${line} ${word}`.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

/** The SVG pattern and outline of each look. */
function lookDefs(id: string, look: ChartLook): SVGTemplateResult {
  const pid = `${id}-${look}`;
  switch (look) {
    case 'solid-green':
      return svg`<pattern id=${pid} width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#2e6b30"></rect></pattern>`;
    case 'hatch-blue':
      return svg`<pattern id=${pid} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#1a5fa8"></rect><rect width="3" height="8" fill="#ffffff"></rect></pattern>`;
    case 'outline-grey':
      return svg`<pattern id=${pid} width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#f4f3ef"></rect><circle cx="3" cy="3" r="1" fill="#4d535c"></circle></pattern>`;
    case 'cross-dark':
      return svg`<pattern id=${pid} width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#4d535c"></rect><path d="M0 0L8 8M8 0L0 8" stroke="#ffffff" stroke-width="1.5"></path></pattern>`;
    case 'outline-blue':
      return svg`<pattern id=${pid} width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#e6eef8"></rect></pattern>`;
    case 'solid-navy':
      return svg`<pattern id=${pid} width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#12467d"></rect></pattern>`;
  }
}

/** The border of a bar: dark enough (≥ 3:1 on white) to show light fills. */
const strokes: Record<ChartLook, string> = {
  'solid-green': '#2e6b30',
  'hatch-blue': '#1a5fa8',
  'outline-grey': '#4d535c',
  'cross-dark': '#4d535c',
  'outline-blue': '#12467d',
  'solid-navy': '#12467d',
};

/** A small legend swatch, drawn with the same pattern as the bars. */
export function swatch(id: string, look: ChartLook): TemplateResult {
  return html`<svg class="bar-chart__swatch" width="18" height="14" aria-hidden="true" focusable="false">
    <defs>${lookDefs(`${id}-swatch`, look)}</defs>
    <rect x="0.75" y="0.75" width="16.5" height="12.5" fill="url(#${id}-swatch-${look})" stroke=${strokes[look]} stroke-width="1.5"></rect>
  </svg>`;
}

@customElement('trame-bar-chart')
export class BarChart extends LightPage {
  /** What to draw. */
  @property({ attribute: false }) data: BarChartData | null = null;
  /** The same data as a table, shown after the chart in a disclosure. */
  @property({ attribute: false }) table: TemplateResult | null = null;

  @state() private widthPx = defaultWidthPx;
  private resizeObserver: ResizeObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      // Ignore sub-pixel jitter and the zero width of a hidden element.
      if (width > 0 && Math.abs(width - this.widthPx) >= 4) this.widthPx = width;
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
  }

  override render(): TemplateResult | typeof nothing {
    const data = this.data;
    if (data === null) return nothing;
    return html`<figure class="bar-chart" aria-labelledby="${data.id}-heading">
      <figcaption id="${data.id}-heading" class="bar-chart__title">${data.title}</figcaption>
      <ul class="bar-chart__legend" aria-label=${msg('Légende', { id: 'followUp.chart.legend' })}>
        ${data.series.map((series) => html`<li>${swatch(data.id, series.look)}<span>${series.label}</span></li>`)}
      </ul>
      ${this.renderSvg(data)}
      ${this.table === null
        ? nothing
        : html`<details class="bar-chart__data">
            <summary>${msg('Voir les données en tableau', { id: 'followUp.chart.table' })}</summary>
            ${this.table}
          </details>`}
    </figure>`;
  }

  private renderSvg(data: BarChartData): TemplateResult {
    const width = Math.max(240, this.widthPx);
    const parts: SVGTemplateResult[] = [];
    let y = 0;
    if (data.mode === 'stacked') {
      const max = Math.max(1, ...data.categories.map((category) => data.series.reduce((sum, series) => sum + (category.values[series.key] ?? 0), 0)));
      for (const category of data.categories) {
        for (const line of wrap(category.label, width)) {
          y += linePx;
          parts.push(svg`<text class="bar-chart__label" x="0" y=${y - 5}>${line}</text>`);
        }
        let x = 0;
        const barY = y + 3;
        parts.push(svg`<rect class="bar-chart__track" x="0.5" y=${barY + 0.5} width=${width - 1} height=${stackedBarPx - 1}></rect>`);
        for (const series of data.series) {
          const value = category.values[series.key] ?? 0;
          if (value <= 0) continue;
          const segment = ((width - 1) * value) / max;
          parts.push(svg`<rect x=${x + 0.75} y=${barY + 0.75} width=${Math.max(1, segment - 1.5)} height=${stackedBarPx - 1.5} fill="url(#${data.id}-${series.look})" stroke=${strokes[series.look]} stroke-width="1.5"></rect>`);
          x += segment;
        }
        y = barY + stackedBarPx;
        if (category.note !== undefined) {
          y += linePx;
          parts.push(svg`<text class="bar-chart__note" x="0" y=${y - 4}>${category.note}</text>`);
        }
        y += categoryGapPx;
      }
    } else {
      const max = Math.max(1, ...data.categories.flatMap((category) => data.series.map((series) => category.values[series.key] ?? 0)));
      const valueTexts = data.categories.flatMap((category) => data.series.map((series) => `${series.label} : ${data.formatValue(category.values[series.key] ?? 0)}`));
      const textReserve = Math.min(width * 0.62, Math.max(...valueTexts.map((text) => textWidth(text, 13))) + 10);
      const barMax = Math.max(40, width - textReserve);
      for (const category of data.categories) {
        for (const line of wrap(category.label, width)) {
          y += linePx;
          parts.push(svg`<text class="bar-chart__label" x="0" y=${y - 5}>${line}</text>`);
        }
        y += 3;
        for (const series of data.series) {
          const value = category.values[series.key] ?? 0;
          const length = value <= 0 ? 0 : Math.max(2, (barMax * value) / max);
          if (length > 0) parts.push(svg`<rect x="0.75" y=${y + 0.75} width=${length - 1.5} height=${groupedBarPx - 1.5} fill="url(#${data.id}-${series.look})" stroke=${strokes[series.look]} stroke-width="1.5"></rect>`);
          parts.push(svg`<text class="bar-chart__value" x=${length + 6} y=${y + groupedBarPx - 3}>${series.label} : ${data.formatValue(value)}</text>`);
          y += groupedBarPx + groupedGapPx;
        }
        y += categoryGapPx;
      }
    }
    const height = Math.max(linePx, y - categoryGapPx + 4);
    return html`<svg
      class="bar-chart__svg"
      role="img"
      aria-labelledby="${data.id}-title"
      aria-describedby="${data.id}-desc"
      width=${width}
      height=${height}
      viewBox="0 0 ${width} ${height}"
      focusable="false"
    >
      <title id="${data.id}-title">${data.title}</title>
      <desc id="${data.id}-desc">${data.description}</desc>
      <defs>${[...new Set(data.series.map((series) => series.look))].map((look) => lookDefs(data.id, look))}</defs>
      ${parts}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-bar-chart': BarChart;
  }
}
