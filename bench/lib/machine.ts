/** What the numbers were measured on. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { repoRoot } from './child-server';

export interface Machine {
  date: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  kernel: string;
  versions: Record<string, string>;
  commit: string;
}

export function describeMachine(): Machine {
  const cpuInfo = safe(() => readFileSync('/proc/cpuinfo', 'utf8'), '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuInfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const require = createRequire(`${repoRoot}/package.json`);
  const versionOf = (name: string): string => safe(() => (require(`${name}/package.json`) as { version: string }).version, '?');
  return {
    date: new Date().toISOString(),
    cpuModel: model.trim(),
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    kernel: release(),
    versions: Object.fromEntries(['yjs', 'y-websocket', 'y-protocols', 'ws', '@y/websocket-server'].map((name) => [name, versionOf(name)])),
    commit: safe(() => execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim(), '?'),
  };
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
