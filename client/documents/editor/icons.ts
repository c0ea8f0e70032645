/** Toolbar icons: simple 24 × 24 strokes in `currentColor`, decorative (buttons carry the name). */
import { svg, type SVGTemplateResult } from 'lit';

function icon(body: SVGTemplateResult): SVGTemplateResult {
  return svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none"
    stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
}

/** Icons by name. */
export const icons = {
  bulletList: icon(svg`<path d="M9 6h11M9 12h11M9 18h11"/><circle cx="4.5" cy="6" r="1.2" fill="currentColor"/>
    <circle cx="4.5" cy="12" r="1.2" fill="currentColor"/><circle cx="4.5" cy="18" r="1.2" fill="currentColor"/>`),
  orderedList: icon(svg`<path d="M10 6h10M10 12h10M10 18h10M4 4.5 5.5 4v4.5M3.5 14h3l-3 4h3"/>`),
  blockquote: icon(svg`<path d="M4 18c2.5 0 4.5-2 4.5-5V7H4v5h4.5M13.5 18c2.5 0 4.5-2 4.5-5V7h-4.5v5H18"/>`),
  link: icon(svg`<path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1"/>
    <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1"/>`),
  table: icon(svg`<rect x="3" y="4" width="18" height="16" rx="1.5"/><path d="M3 9.5h18M3 14.5h18M9 4v16M15 4v16"/>`),
  addRow: icon(svg`<rect x="3" y="3" width="18" height="10" rx="1.5"/><path d="M3 8h18M12 16v6M9 19h6"/>`),
  deleteRow: icon(svg`<rect x="3" y="3" width="18" height="10" rx="1.5"/><path d="M3 8h18M9 19h6"/>`),
  addColumn: icon(svg`<rect x="3" y="3" width="10" height="18" rx="1.5"/><path d="M8 3v18M19 9v6M16 12h6"/>`),
  deleteColumn: icon(svg`<rect x="3" y="3" width="10" height="18" rx="1.5"/><path d="M8 3v18M16 12h6"/>`),
  deleteTable: icon(svg`<path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"/>`),
  undo: icon(svg`<path d="M9 14 4 9l5-5"/><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11"/>`),
  redo: icon(svg`<path d="m15 14 5-5-5-5"/><path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13"/>`),
} as const;
