/**
 * A consent round at the scale of a network (issue "deliberation"): a Trame server in its own
 * process whose workspace has N member structures, each with a representative; N + 1 Socket.IO
 * clients connected and joined to the workspace (the representatives and one observer); a round
 * opened; every representative gives a position over Socket.IO (`rounds:position`, acknowledged)
 * at a random instant within 10 seconds. Measured: for each vote, the time from its emit until the
 * observer receives a `rounds:changed` tally that includes it (p50/p99), the acknowledgement's
 * time, and the server's CPU over the voting window. Baseline in the same run: 15 voters.
 *
 * The workspace is prepared by writing the data folder's metadata while the server is stopped
 * (structures, people, roles, affiliations, access tokens), as an operator would: no sign-in per
 * voter, so that the measure is the round's and not scrypt's.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { SocketEvent, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol';
import type { RoundView } from '../../shared/schemas/rounds';
import { hashSecret, newSecret } from '../../server/auth/secrets';
import { demoAccounts } from '../../server/demo/demo-accounts';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { startServer, type ChildServer } from '../lib/child-server';
import { UsageSampler } from '../lib/process-usage';
import { seededRandom } from '../lib/random';
import { signInForToken } from '../lib/sign-in';
import { distribution, type Distribution } from '../lib/stats';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface RoundsOptions {
  /** Voters of each point, baseline first (default 15 then 150). */
  points: readonly number[];
  /** Votes are spread at random over this window (10 s). */
  windowSeconds: number;
  seed: number;
}

export interface RoundsPoint {
  voters: number;
  /** Emit → the observer's tally includes the vote, ms. */
  tallyLatency: Distribution;
  /** Emit → acknowledgement with the stored round, ms. */
  ackLatency: Distribution;
  /** Votes refused or lost (should be 0). */
  failures: number;
  /** `rounds:changed` events the observer received. */
  events: number;
  /** Bytes of the last tally event's JSON. */
  eventBytes: number;
  /** Server CPU over the voting window, percent of one core. */
  serverCpuPercent: number;
  windowSeconds: number;
  /** Tally counted by the server at the end (must be `voters`). */
  answered: number;
}

export interface RoundsResult {
  points: RoundsPoint[];
}

const networks = ['cooperatives', 'associations', 'mutuelles', 'fondations'];

/** Replaces the demo workspace's structures by `count` structures, each with a representative holding an access token. */
async function seedVoters(dataDir: string, count: number): Promise<string[]> {
  const path = join(dataDir, 'trame.json');
  const data = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown[]> & { structures: { workspaceId: string; networkId: string }[] };
  const now = new Date();
  const tokens: string[] = [];
  const demoNetworks = new Set(data.structures.filter((s) => s.workspaceId === demoWorkspaceId).map((s) => s.networkId));
  const usable = networks.filter((id) => demoNetworks.has(id));
  data.structures = data.structures.filter((s) => s.workspaceId !== demoWorkspaceId);
  for (let i = 0; i < count; i++) {
    const personId = `bench-voter-${i}`;
    const structureId = `bench-structure-${i}`;
    const secret = newSecret();
    tokens.push(secret);
    data.structures.push({ id: structureId, workspaceId: demoWorkspaceId, networkId: usable[i % usable.length] ?? 'cooperatives', name: `Structure ${i + 1}`, city: 'Lyon', departement: '69', representativeId: personId } as never);
    data['people']?.push({ id: personId, email: `voter-${i}@bench.example`, displayName: `Représentant·e ${i + 1}`, passwordHash: null, createdAt: now.toISOString() });
    data['affiliations']?.push({ personId, structureId });
    data['workspaceRoles']?.push({ workspaceId: demoWorkspaceId, personId, role: 'member' });
    data['sessions']?.push({
      id: `bench-session-${i}`,
      secretHash: hashSecret(secret),
      personId,
      kind: 'token',
      label: 'bench',
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
      revokedAt: null,
    });
  }
  await writeFile(path, `${JSON.stringify(data, null, 2)}\n`);
  return tokens;
}

function connect(baseUrl: string, token: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(baseUrl, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('connect', () => {
      socket
        .timeout(10_000)
        .emitWithAck(SocketEvent.presenceJoin, { workspaceId: demoWorkspaceId })
        .then((joined) => (joined.ok ? resolve(socket) : reject(new Error(joined.problem.title))))
        .catch(reject);
    });
  });
}

async function runPoint(voters: number, options: RoundsOptions, log: (line: string) => void): Promise<RoundsPoint> {
  const dataDir = await mkdtemp(join(tmpdir(), 'trame-bench-rounds-'));
  let server: ChildServer | undefined;
  const sockets: ClientSocket[] = [];
  try {
    // A first start seeds the demo; the voters are added while the server is stopped.
    await (await startServer('trame', { dataDir })).stop();
    const tokens = await seedVoters(dataDir, voters);
    server = await startServer('trame', { dataDir });
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const coordinatorEmail = demoAccounts.find((account) => account.role === 'coordinator')?.email ?? 'coordination@trame.example';
    const coordinatorToken = await signInForToken(baseUrl, coordinatorEmail);

    const observer = await connect(baseUrl, coordinatorToken);
    sockets.push(observer);
    for (const token of tokens) sockets.push(await connect(baseUrl, token));
    log(`  ${voters} representatives + 1 observer connected and joined`);

    const opened = await fetch(`${baseUrl}/api/workspaces/${demoWorkspaceId}/rounds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinatorToken}` },
      body: JSON.stringify({ subject: { kind: 'contract' }, question: 'Adoptons-nous cette version du contrat ?', deadline: new Date(Date.now() + 3_600_000).toISOString() }),
    });
    if (opened.status !== 201) throw new Error(`the round could not be opened (${opened.status}): ${await opened.text()}`);
    const round = (await opened.json()) as RoundView;

    const sentAt = new Map<string, number>();
    const tallyLatencies: number[] = [];
    const seen = new Set<string>();
    let events = 0;
    let eventBytes = 0;
    let answered = 0;
    observer.on(SocketEvent.roundsChanged, (payload) => {
      const arrived = performance.now();
      events++;
      if (payload.roundId !== round.id || payload.tally === undefined) return;
      eventBytes = JSON.stringify(payload).length;
      answered = Math.max(answered, payload.tally.answeredCount);
      for (const structureId of payload.tally.answered) {
        const sent = sentAt.get(structureId);
        if (sent === undefined || seen.has(structureId)) continue;
        seen.add(structureId);
        tallyLatencies.push(arrived - sent);
      }
    });

    const random = seededRandom(options.seed + voters);
    const positions = ['agree', 'agree', 'agree', 'abstain', 'disagree'] as const;
    const ackLatencies: number[] = [];
    let failures = 0;
    const sampler = new UsageSampler(server.pid, 250);
    const start = sampler.sample();
    const votes = sockets.slice(1).map(
      (socket, index) =>
        new Promise<void>((resolve) => {
          setTimeout(() => {
            const structureId = `bench-structure-${index}`;
            const sent = performance.now();
            sentAt.set(structureId, sent);
            socket
              .timeout(15_000)
              .emitWithAck(SocketEvent.roundsPosition, { workspaceId: demoWorkspaceId, roundId: round.id, position: positions[index % positions.length] ?? 'agree' })
              .then((ack: Ack<RoundView>) => {
                if (ack.ok) ackLatencies.push(performance.now() - sent);
                else failures++;
              })
              .catch(() => failures++)
              .finally(resolve);
          }, random() * options.windowSeconds * 1000);
        }),
    );
    await Promise.all(votes);
    const deadline = performance.now() + 15_000;
    while (seen.size + failures < voters && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const end = sampler.sample();
    sampler.stop();
    const usage = start !== undefined && end !== undefined ? sampler.between(start, end) : undefined;
    // Votes acknowledged but never seen in a tally count as failures too.
    failures += Math.max(0, voters - seen.size - failures);
    const point: RoundsPoint = {
      voters,
      tallyLatency: distribution(tallyLatencies),
      ackLatency: distribution(ackLatencies),
      failures,
      events,
      eventBytes,
      serverCpuPercent: usage?.cpuPercent ?? Number.NaN,
      windowSeconds: usage?.seconds ?? Number.NaN,
      answered,
    };
    log(`  tally p50 ${point.tallyLatency.p50.toFixed(1)} ms, p99 ${point.tallyLatency.p99.toFixed(1)} ms; server CPU ${point.serverCpuPercent.toFixed(0)} %; ${failures} failures`);
    return point;
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function runRounds(options: RoundsOptions, log: (line: string) => void): Promise<RoundsResult> {
  const points: RoundsPoint[] = [];
  for (const voters of options.points) {
    log(`[rounds] ${voters} representatives voting within ${options.windowSeconds} s`);
    points.push(await runPoint(voters, options, log));
  }
  return { points };
}
