/**
 * Figures Trame logs about itself at debug level (pino JSON lines on stdout): how long a document
 * took to load ("document loaded", loadMs) and each compaction ("document log compacted",
 * compactMs). A compaction runs inside the room's write-then-broadcast loop, so its duration is
 * also how long that document's broadcasts wait.
 */
export function loggedDurations(lines: readonly string[], message: string, field: string): number[] {
  const values: number[] = [];
  for (const line of lines) {
    if (!line.includes(message)) continue;
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const value = entry[field];
      if (entry.msg === message && typeof value === 'number') values.push(value);
    } catch {
      // not a JSON log line
    }
  }
  return values;
}

export const compactionsLogged = (lines: readonly string[]): number[] => loggedDurations(lines, 'document log compacted', 'compactMs');
export const loadsLogged = (lines: readonly string[]): number[] => loggedDurations(lines, 'document loaded', 'loadMs');
