/**
 * Colours of the authorship view. Passages are tinted with their structure's colour, mixed with
 * white so lightly that the text (and links) keep a 4.5:1 contrast on it (tested for the whole
 * palette), and underlined with a dotted line in the colour itself: colour is never the only
 * cue (a title and data attributes name the structure too).
 */
import { neutralColour, structureColour, structurePalette } from '../colours';

/** Share of the structure's colour in the tint (the rest is white). */
const tintStrength = 0.18;

/** The light background tint of a `#rrggbb` colour. */
export function authorshipTint(colour: string, strength = tintStrength): string {
  const channels = [1, 3, 5].map((start) => parseInt(colour.slice(start, start + 2), 16));
  return `#${channels
    .map((channel) => Math.round(255 * (1 - strength) + (Number.isNaN(channel) ? 255 : channel) * strength))
    .map((channel) => channel.toString(16).padStart(2, '0'))
    .join('')}`;
}

/**
 * Colours for the structures of one authorship view, most characters first: each keeps its own
 * colour (`structureColour`, as on avatars and cursors) unless a structure ranked before it has
 * that colour already; then it takes the free palette colour least like those already used
 * (the palette has close hues: red and raspberry, two blues). So up to 12 structures
 * are told apart by colour (with 120 structures and 12 colours, some share one: the title, the
 * data attributes and the legend still name them). People of no structure get the neutral colour.
 */
export function distinctStructureColours(rankedStructureIds: readonly (string | null)[]): Map<string | null, string> {
  const colours = new Map<string | null, string>();
  const used = new Set<string>();
  for (const structureId of rankedStructureIds) {
    if (colours.has(structureId)) continue;
    if (structureId === null) {
      colours.set(null, neutralColour);
      continue;
    }
    const own = structureColour(structureId);
    const colour = used.has(own) ? (mostDistinct(structurePalette.filter((candidate) => !used.has(candidate)), used) ?? own) : own;
    used.add(colour);
    colours.set(structureId, colour);
  }
  return colours;
}

function rgb(colour: string): [number, number, number] {
  return [1, 3, 5].map((start) => parseInt(colour.slice(start, start + 2), 16)) as [number, number, number];
}

/** A cheap perceptual distance between two colours ("redmean" weighted RGB). */
function distance(a: string, b: string): number {
  const [r1, g1, b1] = rgb(a);
  const [r2, g2, b2] = rgb(b);
  const mean = (r1 + r2) / 2;
  return Math.sqrt((2 + mean / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2 + (2 + (255 - mean) / 256) * (b1 - b2) ** 2);
}

/** The candidate farthest from every used colour (the first on ties). */
function mostDistinct(candidates: readonly string[], used: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = -1;
  for (const candidate of candidates) {
    const nearest = Math.min(...[...used].map((colour) => distance(candidate, colour)));
    if (nearest > bestDistance) {
      best = candidate;
      bestDistance = nearest;
    }
  }
  return best;
}
