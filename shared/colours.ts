/**
 * Structure colours: each structure gets a stable colour for its people's cursors and avatars.
 * Every colour reaches a WCAG AA contrast of at least 4.5:1 with white text (tested).
 */
export const structurePalette = [
  '#b3261e', '#8c4a00', '#6b5d00', '#2e6b30', '#00695c', '#0b57d0',
  '#5e35b1', '#8e24aa', '#ad1457', '#37474f', '#1a5fa8', '#6d4c41',
] as const;

/** The colour of people who act for no structure (partners, observers); AA with white text. */
export const neutralColour = '#4d535c';

/** The stable colour of a structure, derived from its id (FNV-1a hash). */
export function structureColour(structureId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < structureId.length; i++) {
    hash ^= structureId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return structurePalette[(hash >>> 0) % structurePalette.length] ?? structurePalette[0];
}

/** WCAG relative-luminance contrast ratio between two `#rrggbb` colours. */
export function contrastRatio(foreground: string, background: string): number {
  const luminance = (hex: string): number => {
    const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
    const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [lighter, darker] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}
