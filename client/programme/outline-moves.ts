/**
 * Where a sheet or an axis goes when people move it, by keyboard (one step up or down) or by
 * dropping it on another item. Indexes are what `moveSheet` and `moveAxis` take: the position
 * among the siblings *without* the moved item. A sheet moved up from the top of its axis goes to
 * the end of the previous axis, and down from the bottom to the start of the next one, so that
 * two keys reach every place in the outline.
 */

/** The outline as ids, axes in order, each with its sheets in order. */
export interface OutlineShape {
  axes: readonly { id: string; sheetIds: readonly string[] }[];
}

/** Where a sheet goes: an axis, and its index among that axis's other sheets. */
export interface SheetPlace {
  axisId: string;
  index: number;
}

export type Direction = 'up' | 'down';

/** The place one step up or down, or null when the sheet cannot go further (or is not in an axis). */
export function sheetStep(outline: OutlineShape, sheetId: string, direction: Direction): SheetPlace | null {
  const axisIndex = outline.axes.findIndex((axis) => axis.sheetIds.includes(sheetId));
  const axis = outline.axes[axisIndex];
  if (axis === undefined) return null;
  const index = axis.sheetIds.indexOf(sheetId);
  if (direction === 'up') {
    if (index > 0) return { axisId: axis.id, index: index - 1 };
    const previous = outline.axes[axisIndex - 1];
    return previous === undefined ? null : { axisId: previous.id, index: previous.sheetIds.length };
  }
  if (index < axis.sheetIds.length - 1) return { axisId: axis.id, index: index + 1 };
  const next = outline.axes[axisIndex + 1];
  return next === undefined ? null : { axisId: next.id, index: 0 };
}

/** The index one step up or down among the axes, or null at either end. */
export function axisStep(axisIds: readonly string[], axisId: string, direction: Direction): number | null {
  const index = axisIds.indexOf(axisId);
  if (index < 0) return null;
  const target = direction === 'up' ? index - 1 : index + 1;
  return target < 0 || target >= axisIds.length ? null : target;
}

/**
 * The place of a sheet dropped before or after `targetSheetId` (in the target's axis), or at the
 * end of `axisId` when dropped on the axis itself (`targetSheetId` null).
 */
export function sheetDropPlace(outline: OutlineShape, sheetId: string, axisId: string, targetSheetId: string | null, after: boolean): SheetPlace | null {
  const axis = outline.axes.find((candidate) => candidate.id === axisId);
  if (axis === undefined) return null;
  const siblings = axis.sheetIds.filter((id) => id !== sheetId);
  if (targetSheetId === null || targetSheetId === sheetId) {
    if (targetSheetId === sheetId) return null;
    return { axisId, index: siblings.length };
  }
  const targetIndex = siblings.indexOf(targetSheetId);
  if (targetIndex < 0) return null;
  return { axisId, index: targetIndex + (after ? 1 : 0) };
}

/** The index of an axis dropped before or after another axis. */
export function axisDropIndex(axisIds: readonly string[], axisId: string, targetAxisId: string, after: boolean): number | null {
  if (axisId === targetAxisId) return null;
  const siblings = axisIds.filter((id) => id !== axisId);
  const targetIndex = siblings.indexOf(targetAxisId);
  return targetIndex < 0 ? null : targetIndex + (after ? 1 : 0);
}

/** True when a place is where the sheet already is (a no-op move). */
export function isSamePlace(outline: OutlineShape, sheetId: string, place: SheetPlace): boolean {
  const axis = outline.axes.find((candidate) => candidate.id === place.axisId);
  return axis !== undefined && axis.sheetIds.indexOf(sheetId) === place.index && axis.sheetIds.includes(sheetId);
}
