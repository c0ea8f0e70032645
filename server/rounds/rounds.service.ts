/**
 * Consent rounds: the rules. A facilitator (or the coordination) opens a round on something that
 * exists (an amendment, a section heading or an action sheet of the live contract, the whole
 * contract); each member structure gives one position through its representative, changeable
 * until the deadline (the previous one is kept in its history and the change audited); after the
 * deadline or an early close nothing changes (409). Rounds close by themselves at their deadline:
 * a timer, plus a check before every read and write, so a round is never seen open past it, and
 * open rounds are re-planned at start-up. The facilitator reminds those who have not answered
 * (at most once every 10 minutes), closes early, and records the outcome once closed.
 *
 * Every stored change is audited and announced (`rounds:changed`, carrying the new tally), and
 * people are told through the notifications service: opened, closing soon, reminder, outcome.
 */
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { contractFragmentName } from '../../shared/document-names';
import { readProgramme } from '../../shared/programme/read';
import { newId } from '../../shared/programme/ids';
import { fail, ok, type DomainError, type Result } from '../../shared/result';
import { contractHeadings, sameSubject } from '../../shared/rounds/subjects';
import { isOver } from '../../shared/rounds/tally';
import { outcomeLabels, type OutcomeInput, type PositionInput, type Round, type RoundOpenInput, type RoundsChanged, type RoundSubject, type RoundView } from '../../shared/schemas/rounds';
import type { Workspace } from '../../shared/schemas/workspace';
import type { AuditLog } from '../audit/audit-log';
import { structureIdsOf } from '../auth/people.repository';
import type { NotificationsService } from '../notifications/notifications.service';
import type { RoomRegistry } from '../realtime/room-registry';
import type { MetadataStore } from '../store/metadata-store';
import { findStructure, findWorkspace, structuresOf } from '../workspaces/workspaces.repository';
import { compareRounds, findRound, roundsOf, tallyOf, viewOf, workspaceQuorum } from './rounds.repository';
import { RoundTimers } from './round-timers';
import type { WorkspaceActor } from '../http/route-helpers';

/** What the rounds tell the people of a workspace live (an interface, so the rules do not depend on Socket.IO). */
export interface RoundEvents {
  roundsChanged(payload: RoundsChanged): void;
  workspaceChanged(workspaceId: string): void;
}

export type RoundActor = WorkspaceActor;

export interface RoundsServiceOptions {
  db: MetadataStore;
  audit: AuditLog;
  notifications: NotificationsService;
  rooms: RoomRegistry;
  events: RoundEvents;
  logger: Logger;
  now?: () => Date;
  /** How long before the deadline "closing soon" is sent (24 h). */
  closingNoticeMs?: number;
  /** The shortest time between two reminders of a round (10 minutes). */
  reminderIntervalMs?: number;
}

const workspaceNotFound: DomainError = { kind: 'not_found', title: 'Espace de travail introuvable.' };
const roundNotFound: DomainError = { kind: 'not_found', title: 'Ce tour de décision n’existe pas.' };
const roundOver: DomainError = {
  kind: 'conflict',
  title: 'Ce tour de décision est clos : les positions ne peuvent plus changer.',
  detail: 'Sa date limite est passée ou l’animation l’a clos. Chaque position donnée avant reste enregistrée.',
};

/** French date and time of an instant, as people of the network read it. */
function frenchDateTime(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));
}

/** The question, shortened for a notification's sentence. */
function shortQuestion(question: string): string {
  return question.length <= 120 ? question : `${question.slice(0, 119)}…`;
}

export class RoundsService {
  private readonly db: MetadataStore;
  private readonly now: () => Date;
  private readonly timers: RoundTimers;
  /** Timer actions started and not yet stored. */
  private readonly running: Set<Promise<unknown>>;
  private readonly closingNoticeMs: number;
  private readonly reminderIntervalMs: number;

  constructor(private readonly options: RoundsServiceOptions) {
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
    this.timers = new RoundTimers(this.now);
    this.running = new Set();
    this.closingNoticeMs = options.closingNoticeMs ?? 24 * 3_600_000;
    this.reminderIntervalMs = options.reminderIntervalMs ?? 10 * 60_000;
  }

  /** Closes rounds whose deadline passed while the server was stopped, and plans the others. */
  async start(): Promise<void> {
    const overdue = this.db.data.rounds.filter((round) => round.status === 'open' && isOver(round, this.now()));
    for (const round of overdue) await this.closeAtDeadline(round.workspaceId, round.id);
    for (const round of this.db.data.rounds) if (round.status === 'open') this.plan(round);
  }

  /** Stops the timers and waits for any action they started (a close, a notice) to be stored. */
  async stop(): Promise<void> {
    this.timers.stopAll();
    await Promise.allSettled([...this.running]);
  }

  /** Runs a timer's action, remembered until it is stored so that `stop` can wait for it. */
  private runTimed(round: Round, action: () => Promise<unknown>): void {
    const running = action()
      .catch((error: unknown) => this.failed(error, round))
      .finally(() => this.running.delete(running));
    this.running.add(running);
  }

  async list(workspaceId: string): Promise<Result<RoundView[]>> {
    if (findWorkspace(this.db, workspaceId) === undefined) return fail(workspaceNotFound);
    await this.closeOverdue(workspaceId);
    const now = this.now();
    return ok(roundsOf(this.db, workspaceId).sort(compareRounds).map((round) => viewOf(this.db, round, now)));
  }

  async get(workspaceId: string, roundId: string): Promise<Result<RoundView>> {
    if (findWorkspace(this.db, workspaceId) === undefined) return fail(workspaceNotFound);
    await this.closeOverdue(workspaceId);
    const round = findRound(this.db, workspaceId, roundId);
    return round === undefined ? fail(roundNotFound) : ok(viewOf(this.db, round, this.now()));
  }

  async open(actor: RoundActor, workspaceId: string, input: RoundOpenInput): Promise<Result<RoundView>> {
    const workspace = findWorkspace(this.db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    const subjectTitle = await this.checkSubject(workspace, input.subject);
    if (!subjectTitle.ok) return subjectTitle;
    await this.closeOverdue(workspaceId);
    if (roundsOf(this.db, workspaceId).some((round) => round.status === 'open' && sameSubject(round.subject, input.subject))) {
      return fail({ kind: 'conflict', title: 'Un tour de décision est déjà ouvert sur ce sujet.', detail: 'Attendez sa clôture, ou clôturez-le avant d’en ouvrir un autre.' });
    }
    const now = this.now();
    const openedAt = now.toISOString();
    const deadline = new Date(input.deadline).toISOString();
    const round: Round = {
      id: newId(),
      workspaceId,
      subject: input.subject,
      subjectTitle: subjectTitle.value,
      question: input.question,
      deadline,
      quorumPercent: workspaceQuorum(this.db, workspaceId),
      openedBy: actor.person.id,
      openedAt,
      status: 'open',
      closedAt: null,
      closedBy: null,
      positions: [],
      reminders: [],
      // Opened less than the notice's time before its deadline: the opening notice says it already.
      closingNoticeAt: Date.parse(deadline) - now.getTime() <= this.closingNoticeMs ? openedAt : null,
      outcome: null,
      revision: 1,
    };
    await this.db.update((data) => {
      data.rounds.push(round);
    });
    void this.options.audit.record({ action: 'rounds.opened', actorId: actor.person.id, workspaceId, target: round.id, detail: { subject: round.subject, deadline, quorumPercent: round.quorumPercent } });
    this.announce(round);
    this.plan(round);
    await this.options.notifications.notify({
      workspaceId,
      recipients: this.representatives(workspaceId),
      kind: 'round-opened',
      title: `Tour de décision ouvert : « ${shortQuestion(round.question)} ». Donnez la position de votre structure avant le ${frenchDateTime(deadline)}.`,
      link: this.linkOf(round),
      actorId: actor.person.id,
    });
    return ok(viewOf(this.db, round, now));
  }

  /** A representative gives or changes their structure's position (REST and Socket.IO alike). */
  async givePosition(actor: RoundActor, workspaceId: string, roundId: string, input: PositionInput): Promise<Result<RoundView>> {
    if (findWorkspace(this.db, workspaceId) === undefined) return fail(workspaceNotFound);
    await this.closeOverdue(workspaceId);
    // From here to the stored change, nothing awaits: two votes cannot interleave their checks.
    const round = findRound(this.db, workspaceId, roundId);
    if (round === undefined) return fail(roundNotFound);
    const now = this.now();
    if (isOver(round, now)) return fail(roundOver);
    const structureId = this.votingStructure(actor.person.id, workspaceId, input.structureId);
    if (!structureId.ok) return structureId;
    const at = now.toISOString();
    const given = { personId: actor.person.id, personName: actor.person.displayName, position: input.position, reason: input.reason === undefined || input.reason === '' ? null : input.reason, at };
    const existing = round.positions.find((position) => position.structureId === structureId.value);
    const write = this.db.update(() => {
      if (existing === undefined) round.positions.push({ ...given, structureId: structureId.value, history: [] });
      else {
        const { history, structureId: _ignored, ...previous } = existing;
        Object.assign(existing, given, { history: [...history, previous] });
      }
      round.revision += 1;
    });
    await write;
    void this.options.audit.record({
      action: existing === undefined ? 'rounds.positionGiven' : 'rounds.positionChanged',
      actorId: actor.person.id,
      workspaceId,
      target: round.id,
      detail: { structureId: structureId.value, position: input.position, ...(existing === undefined ? {} : { previous: existing.history.at(-1)?.position ?? null }) },
    });
    this.announce(round);
    return ok(viewOf(this.db, round, this.now()));
  }

  /** Notifies the representatives who have not answered (not twice within the reminder interval). */
  async remind(actor: RoundActor, workspaceId: string, roundId: string): Promise<Result<RoundView>> {
    const found = await this.openRound(workspaceId, roundId);
    if (!found.ok) return found;
    const round = found.value;
    const now = this.now();
    const last = round.reminders.at(-1);
    if (last !== undefined && now.getTime() - Date.parse(last.at) < this.reminderIntervalMs) {
      const minutes = Math.ceil(this.reminderIntervalMs / 60_000);
      return fail({ kind: 'too_many_requests', title: `Un rappel a déjà été envoyé il y a moins de ${minutes} minutes.`, detail: 'Laissez aux structures le temps de répondre avant d’en envoyer un autre.' });
    }
    const tally = tallyOf(this.db, round, now);
    const recipients = tally.waiting.flatMap((id) => findStructure(this.db, workspaceId, id)?.representativeId ?? []);
    const sent = await this.options.notifications.notify({
      workspaceId,
      recipients,
      kind: 'round-reminder',
      title: `Rappel : votre structure n’a pas encore donné sa position sur « ${shortQuestion(round.question)} » (avant le ${frenchDateTime(round.deadline)}).`,
      link: this.linkOf(round),
      actorId: actor.person.id,
    });
    await this.db.update(() => {
      round.reminders.push({ at: now.toISOString(), by: actor.person.id, count: sent.length });
      round.revision += 1;
    });
    void this.options.audit.record({ action: 'rounds.reminded', actorId: actor.person.id, workspaceId, target: round.id, detail: { count: sent.length } });
    this.announce(round);
    return ok(viewOf(this.db, round, now));
  }

  /** Closes a round before its deadline. */
  async close(actor: RoundActor, workspaceId: string, roundId: string): Promise<Result<RoundView>> {
    const found = await this.openRound(workspaceId, roundId);
    if (!found.ok) return found;
    await this.closeNow(found.value, actor.person.id);
    return ok(viewOf(this.db, found.value, this.now()));
  }

  /** Records the outcome of a closed round, once, and tells everyone who answered. */
  async recordOutcome(actor: RoundActor, workspaceId: string, roundId: string, input: OutcomeInput): Promise<Result<RoundView>> {
    if (findWorkspace(this.db, workspaceId) === undefined) return fail(workspaceNotFound);
    await this.closeOverdue(workspaceId);
    const round = findRound(this.db, workspaceId, roundId);
    if (round === undefined) return fail(roundNotFound);
    if (round.status !== 'closed') {
      return fail({ kind: 'conflict', title: 'L’issue se note une fois le tour clos.', detail: 'Attendez la date limite, ou clôturez le tour maintenant.' });
    }
    if (round.outcome !== null) return fail({ kind: 'conflict', title: 'L’issue de ce tour de décision est déjà enregistrée.' });
    const at = this.now().toISOString();
    await this.db.update(() => {
      round.outcome = { decision: input.decision, note: input.note, by: actor.person.id, at };
      round.revision += 1;
    });
    void this.options.audit.record({ action: 'rounds.outcomeRecorded', actorId: actor.person.id, workspaceId, target: round.id, detail: { decision: input.decision } });
    this.announce(round);
    const answered = round.positions.flatMap((position) => [position.personId, ...position.history.map((previous) => previous.personId)]);
    await this.options.notifications.notify({
      workspaceId,
      recipients: answered,
      kind: 'round-outcome',
      title: `Issue du tour de décision « ${shortQuestion(round.question)} » : ${outcomeLabels[input.decision]}.`,
      link: this.linkOf(round),
      actorId: actor.person.id,
    });
    return ok(viewOf(this.db, round, this.now()));
  }

  /** Sets the workspace's quorum for the rounds opened from now on. */
  async setQuorum(actor: RoundActor, workspaceId: string, quorumPercent: number): Promise<Result<{ quorumPercent: number }>> {
    const workspace = findWorkspace(this.db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    const previous = workspace.quorumPercent ?? null;
    await this.db.update(() => {
      workspace.quorumPercent = quorumPercent;
    });
    void this.options.audit.record({ action: 'rounds.quorumSet', actorId: actor.person.id, workspaceId, target: workspaceId, detail: { quorumPercent, previous } });
    this.options.events.workspaceChanged(workspaceId);
    return ok({ quorumPercent });
  }

  // ---- rules ----

  /** The structure a person votes for: one they represent (the one they name, if several). */
  private votingStructure(personId: string, workspaceId: string, requested: string | undefined): Result<string> {
    const represented = structuresOf(this.db, workspaceId).filter((structure) => structure.representativeId === personId);
    if (represented.length === 0) {
      const own = structureIdsOf(this.db, personId).flatMap((id) => findStructure(this.db, workspaceId, id) ?? []);
      const first = own[0];
      return fail({
        kind: 'forbidden',
        title:
          first === undefined
            ? 'Seul·e le ou la représentant·e d’une structure membre donne sa position.'
            : `Seul·e le ou la représentant·e de « ${first.name} » donne la position de votre structure : une structure, une voix.`,
        detail: first === undefined ? undefined : 'Si vous devez la représenter, demandez à la coordination de vous désigner.',
      } as DomainError);
    }
    if (requested !== undefined) {
      return represented.some((structure) => structure.id === requested)
        ? ok(requested)
        : fail({ kind: 'forbidden', title: 'Vous ne représentez pas cette structure.', fields: { structureId: 'Choisissez une structure que vous représentez.' } });
    }
    if (represented.length > 1) {
      return fail({ kind: 'invalid', title: 'Vous représentez plusieurs structures : indiquez pour laquelle vous donnez cette position.', fields: { structureId: 'Choisissez la structure.' } });
    }
    return ok((represented[0] as { id: string }).id);
  }

  /** Checks the subject exists now; returns what it is called. */
  private async checkSubject(workspace: Workspace, subject: RoundSubject): Promise<Result<string>> {
    const missing = (title: string, field: string, message: string): Result<string> => fail({ kind: 'invalid', title, fields: { [`subject.${field}`]: message } });
    switch (subject.kind) {
      case 'contract':
        return ok(`Contrat « ${workspace.name} »`);
      case 'amendment': {
        const amendment = this.db.data.amendments.find((candidate) => candidate.workspaceId === workspace.id && candidate.id === subject.amendmentId);
        if (amendment === undefined) return missing('Cet amendement n’existe pas.', 'amendmentId', 'Choisissez un amendement de la liste.');
        return ok(`Amendement n° ${amendment.number} · ${amendment.title}`);
      }
      case 'sheet':
      case 'section': {
        let found: string | undefined;
        try {
          found = await this.options.rooms.withDocument(workspace.contractDocument, (doc: Y.Doc) => {
            if (subject.kind === 'section') return contractHeadings(doc.getXmlFragment(contractFragmentName)).includes(subject.title) ? subject.title : undefined;
            const sheet = readProgramme(doc).sheets.get(subject.sheetId);
            return sheet === undefined ? undefined : `Fiche ${sheet.number} · ${sheet.title || 'sans titre'}`;
          });
        } catch (error) {
          this.options.logger.error({ err: error, workspaceId: workspace.id }, 'contract unavailable to check a round subject');
          return fail({ kind: 'internal', title: 'Le contrat n’a pas pu être lu. Réessayez dans un instant.' });
        }
        if (found !== undefined) return ok(subject.kind === 'section' ? `Section « ${found} »` : found);
        return subject.kind === 'section'
          ? missing('Cette section n’existe pas dans le contrat.', 'title', 'Choisissez un titre de section du contrat.')
          : missing('Cette fiche action n’existe pas.', 'sheetId', 'Elle a peut-être été supprimée du contrat : choisissez une fiche de la liste.');
      }
    }
  }

  private async openRound(workspaceId: string, roundId: string): Promise<Result<Round>> {
    if (findWorkspace(this.db, workspaceId) === undefined) return fail(workspaceNotFound);
    await this.closeOverdue(workspaceId);
    const round = findRound(this.db, workspaceId, roundId);
    if (round === undefined) return fail(roundNotFound);
    if (round.status === 'closed') return fail({ kind: 'conflict', title: 'Ce tour de décision est déjà clos.' });
    return ok(round);
  }

  private representatives(workspaceId: string): string[] {
    return structuresOf(this.db, workspaceId).flatMap((structure) => structure.representativeId ?? []);
  }

  private linkOf(round: Round): string {
    return `/w/${encodeURIComponent(round.workspaceId)}/decisions/${encodeURIComponent(round.id)}`;
  }

  // ---- time ----

  /** Plans a round's "closing soon" notice and its closing at the deadline. */
  private plan(round: Round): void {
    const deadline = new Date(round.deadline);
    this.timers.at(`${round.id}:close`, deadline, () => this.runTimed(round, () => this.closeAtDeadline(round.workspaceId, round.id)));
    if (round.closingNoticeAt === null) {
      this.timers.at(`${round.id}:closing`, new Date(deadline.getTime() - this.closingNoticeMs), () => this.runTimed(round, () => this.sendClosingNotice(round.workspaceId, round.id)));
    }
  }

  private failed(error: unknown, round: Round): void {
    this.options.logger.error({ err: error, roundId: round.id }, 'consent round timer failed');
  }

  private async sendClosingNotice(workspaceId: string, roundId: string): Promise<void> {
    const round = findRound(this.db, workspaceId, roundId);
    if (round === undefined || round.status !== 'open' || round.closingNoticeAt !== null) return;
    await this.db.update(() => {
      round.closingNoticeAt = this.now().toISOString();
    });
    await this.options.notifications.notify({
      workspaceId,
      recipients: this.representatives(workspaceId),
      kind: 'round-closing',
      title: `Le tour de décision « ${shortQuestion(round.question)} » se termine le ${frenchDateTime(round.deadline)}.`,
      link: this.linkOf(round),
      actorId: null,
    });
  }

  /** Closes every round of the workspace whose deadline has passed (before any read or write). */
  private async closeOverdue(workspaceId: string): Promise<void> {
    const now = this.now();
    for (const round of roundsOf(this.db, workspaceId)) {
      if (round.status === 'open' && isOver(round, now)) await this.closeNow(round, null);
    }
  }

  private async closeAtDeadline(workspaceId: string, roundId: string): Promise<void> {
    const round = findRound(this.db, workspaceId, roundId);
    if (round !== undefined && round.status === 'open') await this.closeNow(round, null);
  }

  /** Closes a round (`by` null: at its deadline); idempotent when two paths race to it. */
  private async closeNow(round: Round, by: string | null): Promise<void> {
    if (round.status === 'closed') return;
    const now = this.now();
    // At the deadline, it closed at the deadline (the server may have been stopped then).
    const closedAt = by === null ? round.deadline : now.toISOString();
    await this.db.update(() => {
      round.status = 'closed';
      round.closedAt = closedAt;
      round.closedBy = by;
      round.revision += 1;
    });
    this.timers.cancel(`${round.id}:close`);
    this.timers.cancel(`${round.id}:closing`);
    void this.options.audit.record({ action: 'rounds.closed', actorId: by, workspaceId: round.workspaceId, target: round.id, detail: { atDeadline: by === null, answered: round.positions.length } });
    this.announce(round);
  }

  private announce(round: Round): void {
    this.options.events.roundsChanged({ workspaceId: round.workspaceId, roundId: round.id, status: round.status, tally: tallyOf(this.db, round, this.now()), revision: round.revision });
  }
}
