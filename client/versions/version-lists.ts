/**
 * How the versions page orders what it shows, kept pure so it is tested without a browser: the
 * named and adopted versions newest first, the automatic checkpoints grouped by day (the day as
 * people live it, in their own time zone), sizes in French units, and the paths of the pages that
 * open or compare a version.
 */
import { liveVersionId, type VersionView } from '../../shared/schemas/versions';

/** One day of the automatic timeline. */
export interface CheckpointDay {
  /** `YYYY-MM-DD` in the local time zone. */
  day: string;
  /** Newest first. */
  checkpoints: VersionView[];
}

function newestFirst(a: VersionView, b: VersionView): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

/** The versions the coordination named or adopted, newest first. */
export function namedVersions(versions: readonly VersionView[]): VersionView[] {
  return versions.filter((version) => version.kind !== 'checkpoint').sort(newestFirst);
}

/** The local day of an instant, `YYYY-MM-DD`. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The automatic checkpoints, grouped by day, newest day first. */
export function checkpointDays(versions: readonly VersionView[]): CheckpointDay[] {
  const days = new Map<string, VersionView[]>();
  for (const version of versions.filter((candidate) => candidate.kind === 'checkpoint').sort(newestFirst)) {
    const day = localDay(version.createdAt);
    const list = days.get(day);
    if (list === undefined) days.set(day, [version]);
    else list.push(version);
  }
  return [...days].map(([day, checkpoints]) => ({ day, checkpoints }));
}

const kilo = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** A stored size as people read it: "850 octets", "12,3 Ko", "1,2 Mo". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} octets`;
  if (bytes < 1024 * 1024) return `${kilo.format(bytes / 1024)} Ko`;
  return `${kilo.format(bytes / (1024 * 1024))} Mo`;
}

/**
 * The people who edited, by name when the members list names them; null when none of them can be
 * named (the page then shows their number).
 */
export function editorNames(editors: readonly string[], names: ReadonlyMap<string, string> | null): string[] | null {
  if (names === null) return null;
  const named = editors.map((id) => names.get(id)).filter((name): name is string => name !== undefined);
  return named.length === editors.length ? named.sort((a, b) => a.localeCompare(b, 'fr')) : null;
}

/** The diff page's path between two versions (`live` for now). */
export function comparePath(workspaceId: string, from: string, to: string = liveVersionId): string {
  const query = new URLSearchParams({ de: from, a: to });
  return `/w/${encodeURIComponent(workspaceId)}/versions/comparer?${query.toString()}`;
}

/** The version page's path. */
export function versionPath(workspaceId: string, versionId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/versions/${encodeURIComponent(versionId)}`;
}

/** The absolute address of a public link (`/p/<token>` on this server). */
export function publicLinkUrl(origin: string, path: string): string {
  return new URL(path, origin).href;
}
