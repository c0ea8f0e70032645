import { describe, expect, it } from 'vitest';
import { contrastRatio, neutralColour, structureColour, structurePalette } from '../../shared/colours';

describe('structure colours', () => {
  it('all reach WCAG AA contrast (4.5:1) with white text', () => {
    for (const colour of [...structurePalette, neutralColour]) expect(contrastRatio('#ffffff', colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('are stable per structure and spread across the palette', () => {
    expect(structureColour('cress-rhone-alpes')).toBe(structureColour('cress-rhone-alpes'));
    const used = new Set(Array.from({ length: 120 }, (_, i) => structureColour(`structure-${i}`)));
    expect(used.size).toBeGreaterThanOrEqual(10);
  });
});
