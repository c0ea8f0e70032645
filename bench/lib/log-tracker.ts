/**
 * Counts the bytes Trame writes to one document's update log, across compactions, from outside
 * the server process and without changing it.
 *
 * The log is append-only, and compaction replaces it by renaming a new file (magic + one V2
 * snapshot record) over it. So the tracker hard-links the log's current inode into a side folder:
 * the server keeps appending to that inode, and when a compaction renames a new file over the
 * path, the link keeps the old inode (with every record appended to it) alive. The tracker polls
 * the path's inode and links each new one as it appears. At the end it decodes every linked
 * inode: update records past the starting offset are "appended", leading snapshot records are
 * "written by compaction". Exact as long as two compactions never happen within one poll interval.
 */
import { link, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RecordKind, decodeLog, logMagic, recordHeaderBytes } from '../../server/store/update-log-format';

export interface LogWrites {
  /** Update records appended, and their bytes (headers included). */
  updateRecords: number;
  updateBytes: number;
  /** Compactions seen, and the bytes of the files they wrote (magic + snapshot record). */
  compactions: number;
  snapshotBytes: number;
  /** Size of the log file at the end. */
  finalFileBytes: number;
}

interface LinkedInode {
  ino: number;
  linkPath: string;
  /** Bytes already in the file when linked (only for the first inode: earlier history). */
  baselineBytes: number;
}

export class LogTracker {
  private readonly inodes: LinkedInode[] = [];
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();

  private constructor(
    private readonly logPath: string,
    private readonly sideDir: string,
  ) {}

  /** Starts tracking `logPath` (which must exist); links go to `sideDir` (same file system). */
  static async start(logPath: string, sideDir: string, pollMs = 20): Promise<LogTracker> {
    await mkdir(sideDir, { recursive: true });
    const tracker = new LogTracker(logPath, sideDir);
    await tracker.poll(true);
    tracker.timer = setInterval(() => {
      tracker.polling = tracker.polling.then(() => tracker.poll(false)).catch(() => undefined);
    }, pollMs);
    return tracker;
  }

  private async poll(isFirst: boolean): Promise<void> {
    const current = await stat(this.logPath).catch(() => undefined);
    if (current === undefined || this.inodes.some((inode) => inode.ino === current.ino)) return;
    const linkPath = join(this.sideDir, `inode-${current.ino}`);
    try {
      await link(this.logPath, linkPath);
    } catch {
      return; // renamed again between stat and link: the next poll picks the new one up
    }
    const linked = await stat(linkPath);
    this.inodes.push({ ino: linked.ino, linkPath, baselineBytes: isFirst ? linked.size : 0 });
  }

  /** Stops polling and totals what was written since `start` (call once the server is stopped). */
  async finish(): Promise<LogWrites> {
    clearInterval(this.timer);
    await this.polling;
    await this.poll(false);
    const writes: LogWrites = { updateRecords: 0, updateBytes: 0, compactions: 0, snapshotBytes: 0, finalFileBytes: 0 };
    for (const inode of this.inodes) {
      const file = await readFile(inode.linkPath);
      const { records } = decodeLog(file);
      let offset = logMagic.byteLength;
      for (const record of records) {
        const size = recordHeaderBytes + record.payload.byteLength;
        if (record.kind === RecordKind.update && offset >= inode.baselineBytes) {
          writes.updateRecords++;
          writes.updateBytes += size;
        } else if (record.kind === RecordKind.snapshot && inode.baselineBytes === 0) {
          writes.compactions++;
          writes.snapshotBytes += logMagic.byteLength + size;
        }
        offset += size;
      }
    }
    writes.finalFileBytes = (await stat(this.logPath).catch(() => undefined))?.size ?? 0;
    await rm(this.sideDir, { recursive: true, force: true });
    return writes;
  }
}
