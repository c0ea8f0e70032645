/**
 * Amendments: proposing a change (a section, a sheet's rich-text field, or a new sheet), signing
 * it together, and deciding on it. The proposal copies the target's current blocks into the
 * amendment's own draft document and keeps their plain text as its `base`; acceptance merges the
 * draft onto the live contract in one transaction (see apply.ts), refusing conflicts.
 *
 * Who does what (the routes check the role's action, this service the rest):
 * - propose, co-sign (a person of another structure), edit title/motive, submit, "reprendre le
 *   texte actuel": amendments.propose; title/motive/submit/rebase by its signatories (and the
 *   deciders for rebase and wording); withdraw by one of its authors only;
 * - open the discussion, accept, reject (with a reason), undo an acceptance: amendments.decide.
 * States: brouillon → déposé → en discussion → accepté | rejeté; retiré from any open state.
 * Every stored change is audited, announced (`amendments:changed`) and, for a submission or a
 * decision, notified.
 */
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import { paragraphBlock, textsOf } from '../../shared/amendments/blocks';
import { draftDocumentName, draftTitle, readDraft, replaceDraftBlocks } from '../../shared/amendments/draft';
import { rebase, resolveRefs } from '../../shared/amendments/rebase';
import { anchorOfHeading, contractHeadings, locateTarget, targetProblemTitles } from '../../shared/amendments/target';
import { can, frozenTitle } from '../../shared/permissions';
import { newId } from '../../shared/programme/ids';
import { sheetAt } from '../../shared/programme/layout';
import { fail, ok, type DomainError, type Result } from '../../shared/result';
import {
  amendmentStateLabels,
  isOpenAmendment,
  type Amendment,
  type AmendmentAuthor,
  type AmendmentState,
  type AmendmentTarget,
  type EditInput,
  type ProposeInput,
} from '../../shared/schemas/amendments';
import type { AuditAction, AuditLog } from '../audit/audit-log';
import { rolesIn, structureIdsOf } from '../auth/people.repository';
import type { NotificationsService } from '../notifications/notifications.service';
import type { RoomRegistry } from '../realtime/room-registry';
import type { MetadataStore } from '../store/metadata-store';
import { findStructure, findWorkspace } from '../workspaces/workspaces.repository';
import { writeAs, type WriteAuthor } from '../versions/write-as';
import { applyAmendment, revertAmendment, whyNotRevertible } from './apply';
import { amendmentsOf, findAmendment, nextAmendmentNumber } from './amendments.repository';
import type { WorkspaceActor } from '../http/route-helpers';

export type AmendmentActor = WorkspaceActor;

/** While an adopted version freezes the contract, no amendment is applied to it nor undone. */
const frozen: DomainError = { kind: 'conflict', title: frozenTitle };

/** Who an accepted amendment's text is credited to: its first author (the proposer). */
function firstAuthorOf(amendment: Amendment): WriteAuthor {
  const first = amendment.authors.find((author) => author.role === 'author') ?? amendment.authors[0];
  return { personId: first?.personId ?? '', structureId: first?.structureId ?? null };
}

/** An amendment as the API sends it: the record, plus whether its acceptance can be undone now. */
export type AmendmentView = Amendment & { revertible: { ok: boolean; reason: string | null } | null };

export interface AmendmentsServiceOptions {
  db: MetadataStore;
  rooms: RoomRegistry;
  audit: AuditLog;
  notifications: NotificationsService;
  /** Tells the workspace's sockets that its amendments changed. */
  changed: (workspaceId: string) => void;
  logger: Logger;
}

const notFound: DomainError = { kind: 'not_found', title: 'Cet amendement n’existe pas.' };
const workspaceNotFound: DomainError = { kind: 'not_found', title: 'Espace de travail introuvable.' };
const unavailable: DomainError = { kind: 'internal', title: 'Le contrat n’a pas pu être ouvert : réessayez dans un instant.' };
const busy: DomainError = { kind: 'conflict', title: 'Une autre décision sur cet amendement est en cours : rechargez la page.' };
const notSignatory: DomainError = { kind: 'forbidden', title: 'Seuls les auteurs et cosignataires de cet amendement peuvent faire cela.' };

const wrongState = (amendment: Amendment, doing: string): DomainError => ({
  kind: 'conflict',
  title: `Cet amendement est « ${amendmentStateLabels[amendment.state].toLowerCase()} » : on ne peut plus ${doing}.`,
});

export class AmendmentsService {
  /** Amendments with a decision in progress (no two acceptances can both apply). */
  private readonly deciding = new Set<string>();

  constructor(private readonly options: AmendmentsServiceOptions) {}

  list(workspaceId: string): Result<Amendment[]> {
    if (findWorkspace(this.options.db, workspaceId) === undefined) return fail(workspaceNotFound);
    return ok([...amendmentsOf(this.options.db, workspaceId)].sort((a, b) => b.number - a.number));
  }

  async get(workspaceId: string, id: string): Promise<Result<AmendmentView>> {
    const amendment = findAmendment(this.options.db, workspaceId, id);
    if (amendment === undefined) return fail(notFound);
    let revertible: AmendmentView['revertible'] = null;
    if (amendment.state === 'accepted' && amendment.decision?.applied != null) {
      const workspace = findWorkspace(this.options.db, workspaceId)!;
      const why = await this.options.rooms.withDocument(workspace.contractDocument, (doc) => whyNotRevertible(doc, amendment)).catch(() => 'Le contrat n’a pas pu être ouvert.');
      revertible = { ok: why === undefined, reason: why ?? null };
    }
    return ok({ ...amendment, revertible });
  }

  async propose(actor: AmendmentActor, workspaceId: string, input: ProposeInput): Promise<Result<Amendment>> {
    const workspace = findWorkspace(this.options.db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    const id = newId();
    const draftDocument = draftDocumentName(workspaceId, id);
    const now = new Date().toISOString();
    let prepared: Result<{ target: AmendmentTarget; base: string[] }>;
    try {
      prepared = await this.options.rooms.withDocument(workspace.contractDocument, (contract) =>
        this.options.rooms.withDocument(draftDocument, (draft) => {
          const resolved = resolveTarget(contract, input.target);
          if (!resolved.ok) return resolved;
          const located = locateTarget(contract, resolved.value);
          if (!located.ok) return fail<{ target: AmendmentTarget; base: string[] }>({ kind: 'not_found', title: targetProblemTitles[located.problem] });
          const blocks = located.target.blocks;
          // An empty target still gets a paragraph to write in.
          replaceDraftBlocks(draft, blocks.length > 0 ? blocks : [paragraphBlock('')]);
          if (resolved.value.kind === 'new-sheet') draftTitle(draft).insert(0, input.title);
          return ok({ target: resolved.value, base: textsOf(blocks) });
        }),
      );
    } catch (error) {
      this.options.logger.error({ err: error, workspaceId }, 'amendment draft could not be created');
      return fail(unavailable);
    }
    if (!prepared.ok) return prepared;
    const amendment: Amendment = {
      id,
      workspaceId,
      number: nextAmendmentNumber(this.options.db, workspaceId),
      title: input.title,
      motive: input.motive,
      target: prepared.value.target,
      state: 'draft',
      draftDocument,
      base: prepared.value.base,
      authors: [this.signatory(actor, workspaceId, 'author', now)],
      decision: null,
      history: [{ at: now, by: actor.person.id, byName: actor.person.displayName, event: 'proposed', from: null, to: 'draft', note: '' }],
      createdAt: now,
      updatedAt: now,
    };
    await this.options.db.update((data) => {
      data.documents.push({ name: draftDocument, workspaceId, kind: 'amendment', title: `Amendement n° ${amendment.number}`, createdAt: now });
      data.amendments.push(amendment);
    });
    this.stored(actor, amendment, 'amendments.proposed', { number: amendment.number, title: amendment.title, target: amendment.target });
    return ok(amendment);
  }

  async edit(actor: AmendmentActor, workspaceId: string, id: string, input: EditInput): Promise<Result<Amendment>> {
    return this.change(actor, workspaceId, id, { signatoriesOnly: true, allowDeciders: true, doing: 'le modifier' }, (amendment) => {
      amendment.title = input.title;
      amendment.motive = input.motive;
      return { event: 'edited', to: amendment.state, audit: 'amendments.edited', detail: { title: input.title } };
    });
  }

  async cosign(actor: AmendmentActor, workspaceId: string, id: string): Promise<Result<Amendment>> {
    const structureId = this.structureOf(actor.person.id, workspaceId);
    return this.change(actor, workspaceId, id, { doing: 'le cosigner' }, (amendment) => {
      if (amendment.authors.some((author) => author.personId === actor.person.id)) return { kind: 'conflict', title: 'Vous signez déjà cet amendement.' };
      if (structureId === null) return { kind: 'forbidden', title: 'Cosigner engage une structure : votre compte n’est rattaché à aucune structure membre.' };
      if (amendment.authors.some((author) => author.structureId === structureId)) {
        return { kind: 'conflict', title: 'Votre structure signe déjà cet amendement : la cosignature vient d’une autre structure.' };
      }
      amendment.authors.push(this.signatory(actor, workspaceId, 'cosigner', new Date().toISOString()));
      return { event: 'cosigned', to: amendment.state, audit: 'amendments.cosigned', detail: { structureId } };
    });
  }

  async submit(actor: AmendmentActor, workspaceId: string, id: string): Promise<Result<Amendment>> {
    const result = await this.change(actor, workspaceId, id, { signatoriesOnly: true, doing: 'le déposer' }, (amendment) => {
      if (amendment.state !== 'draft') return wrongState(amendment, 'le déposer');
      return { event: 'submitted', to: 'submitted', audit: 'amendments.submitted', detail: {} };
    });
    if (result.ok) await this.notifyProposed(actor, result.value);
    return result;
  }

  async discuss(actor: AmendmentActor, workspaceId: string, id: string): Promise<Result<Amendment>> {
    return this.change(actor, workspaceId, id, { doing: 'le mettre en discussion' }, (amendment) => {
      if (amendment.state !== 'submitted') return { kind: 'conflict', title: 'Seul un amendement déposé peut être mis en discussion.' };
      return { event: 'discussion', to: 'discussion', audit: 'amendments.discussionOpened', detail: {} };
    });
  }

  async withdraw(actor: AmendmentActor, workspaceId: string, id: string): Promise<Result<Amendment>> {
    return this.change(actor, workspaceId, id, { doing: 'le retirer' }, (amendment) => {
      if (!amendment.authors.some((author) => author.personId === actor.person.id && author.role === 'author')) {
        return { kind: 'forbidden', title: 'Seul·e l’auteur·e de l’amendement peut le retirer.' };
      }
      return { event: 'withdrawn', to: 'withdrawn', audit: 'amendments.withdrawn', detail: {} };
    });
  }

  /** "Reprendre le texte actuel": the draft becomes the current text plus the amendment's non-conflicting edits. */
  async rebaseDraft(actor: AmendmentActor, workspaceId: string, id: string): Promise<Result<Amendment>> {
    const amendment = findAmendment(this.options.db, workspaceId, id);
    if (amendment === undefined) return fail(notFound);
    const allowed = this.checkChange(actor, amendment, { signatoriesOnly: true, allowDeciders: true, doing: 'reprendre le texte actuel' });
    if (allowed !== undefined) return fail(allowed);
    if (amendment.target.kind === 'new-sheet') return fail({ kind: 'conflict', title: 'Une nouvelle fiche ne dépend d’aucun texte existant : il n’y a rien à reprendre.' });
    const target = amendment.target;
    const workspace = findWorkspace(this.options.db, workspaceId)!;
    let outcome: Result<{ base: string[]; dropped: string[] }>;
    try {
      outcome = await this.options.rooms.withDocument(workspace.contractDocument, (contract) =>
        this.options.rooms.withDocument(amendment.draftDocument, (draftDoc) => {
          const located = locateTarget(contract, target);
          if (!located.ok) return fail<{ base: string[]; dropped: string[] }>({ kind: 'conflict', title: targetProblemTitles[located.problem] });
          const draft = readDraft(draftDoc);
          const current = textsOf(located.target.blocks);
          const merged = rebase(amendment.base, draft.texts, current);
          const dropped = merged.conflicts.flatMap((conflict) => conflict.amendment);
          replaceDraftBlocks(draftDoc, resolveRefs(merged.mergedKeepingCurrent, draft.blocks, located.target.blocks));
          return ok({ base: current, dropped });
        }),
      );
    } catch (error) {
      this.options.logger.error({ err: error, workspaceId, amendmentId: id }, 'amendment could not be re-based');
      return fail(unavailable);
    }
    if (!outcome.ok) return outcome;
    const { base, dropped } = outcome.value;
    return this.change(actor, workspaceId, id, { signatoriesOnly: true, allowDeciders: true, doing: 'reprendre le texte actuel' }, (stored) => {
      stored.base = base;
      // What the amendment said on the passages in conflict is kept in its history, never lost.
      return { event: 'rebased', to: stored.state, audit: 'amendments.rebased', detail: { droppedBlocks: dropped.length }, note: dropped.join('\n\n') };
    });
  }

  async accept(actor: AmendmentActor, workspaceId: string, id: string, note: string): Promise<Result<AmendmentView>> {
    if (findWorkspace(this.options.db, workspaceId)?.freeze !== undefined) return fail(frozen);
    return this.decide(workspaceId, id, async (amendment, workspaceContract) => {
      let applied: Awaited<ReturnType<typeof applyAmendment>>;
      try {
        applied = await this.options.rooms.withDocument(workspaceContract, (contract) =>
          // The text is credited to the amendment's first author (and their structure), not to who accepted it.
          this.options.rooms.withDocument(amendment.draftDocument, (draft) => writeAs(this.options.db, contract, workspaceContract, firstAuthorOf(amendment), () => applyAmendment(contract, draft, amendment))),
        );
      } catch (error) {
        this.options.logger.error({ err: error, workspaceId, amendmentId: id }, 'amendment could not be applied');
        return fail(unavailable);
      }
      if (!applied.ok) return applied;
      const now = new Date().toISOString();
      const authors = amendment.authors.map((author) => (author.structureName === null ? author.name : `${author.name} (${author.structureName})`)).join(', ');
      await this.options.db.update(() => {
        amendment.decision = { outcome: 'accepted', by: actor.person.id, byName: actor.person.displayName, at: now, reason: note, merge: applied.value.merge, applied: applied.value.applied };
        this.transition(amendment, actor, 'accepted', 'accepted', now, note);
      });
      this.audit(actor, amendment, 'amendments.accepted', {
        number: amendment.number,
        summary: `Amendement n° ${amendment.number} accepté — auteurs : ${authors}`,
        authors: amendment.authors.map((author) => ({ personId: author.personId, name: author.name, structureId: author.structureId, role: author.role })),
        merge: applied.value.merge,
        sheetId: applied.value.applied.sheetId,
      });
      await this.notifyDecided(actor, amendment, `L’amendement n° ${amendment.number} « ${amendment.title} » a été accepté et appliqué au contrat.`);
      return ok(undefined);
    });
  }

  async reject(actor: AmendmentActor, workspaceId: string, id: string, reason: string): Promise<Result<AmendmentView>> {
    return this.decide(workspaceId, id, async (amendment) => {
      const now = new Date().toISOString();
      await this.options.db.update(() => {
        amendment.decision = { outcome: 'rejected', by: actor.person.id, byName: actor.person.displayName, at: now, reason, merge: null, applied: null };
        this.transition(amendment, actor, 'rejected', 'rejected', now, reason);
      });
      this.audit(actor, amendment, 'amendments.rejected', { number: amendment.number, reason });
      await this.notifyDecided(actor, amendment, `L’amendement n° ${amendment.number} « ${amendment.title} » a été rejeté : ${reason}`);
      return ok(undefined);
    });
  }

  /** "Annuler l’application": puts back what the acceptance replaced; the amendment returns to discussion. */
  async revert(actor: AmendmentActor, workspaceId: string, id: string): Promise<Result<AmendmentView>> {
    const amendment = findAmendment(this.options.db, workspaceId, id);
    if (amendment === undefined) return fail(notFound);
    if (amendment.state !== 'accepted') return fail({ kind: 'conflict', title: 'Seul un amendement accepté peut voir son application annulée.' });
    if (findWorkspace(this.options.db, workspaceId)?.freeze !== undefined) return fail(frozen);
    if (this.deciding.has(id)) return fail(busy);
    this.deciding.add(id);
    try {
      const workspace = findWorkspace(this.options.db, workspaceId)!;
      let reverted: Result<null>;
      try {
        reverted = await this.options.rooms.withDocument(workspace.contractDocument, (contract) => revertAmendment(contract, amendment));
      } catch (error) {
        this.options.logger.error({ err: error, workspaceId, amendmentId: id }, 'amendment could not be reverted');
        return fail(unavailable);
      }
      if (!reverted.ok) return reverted;
      const now = new Date().toISOString();
      const decision = amendment.decision;
      await this.options.db.update(() => {
        amendment.decision = null;
        this.transition(amendment, actor, 'reverted', 'discussion', now, decision === null ? '' : `Acceptance du ${decision.at} par ${decision.byName} annulée.`);
      });
      this.audit(actor, amendment, 'amendments.reverted', { number: amendment.number });
      return this.get(workspaceId, id);
    } finally {
      this.deciding.delete(id);
    }
  }

  private async decide(
    workspaceId: string,
    id: string,
    act: (amendment: Amendment, contractDocument: string) => Promise<Result<undefined>>,
  ): Promise<Result<AmendmentView>> {
    const amendment = findAmendment(this.options.db, workspaceId, id);
    if (amendment === undefined) return fail(notFound);
    if (amendment.state !== 'submitted' && amendment.state !== 'discussion') {
      return fail(amendment.state === 'draft' ? { kind: 'conflict', title: 'Cet amendement est encore un brouillon : ses auteurs doivent d’abord le déposer.' } : wrongState(amendment, 'en décider'));
    }
    // Checked and marked with no await in between: two decisions cannot both go through.
    if (this.deciding.has(id)) return fail(busy);
    this.deciding.add(id);
    try {
      const done = await act(amendment, findWorkspace(this.options.db, workspaceId)!.contractDocument);
      if (!done.ok) return done;
      return this.get(workspaceId, id);
    } finally {
      this.deciding.delete(id);
    }
  }

  private checkChange(actor: AmendmentActor, amendment: Amendment, rules: { signatoriesOnly?: boolean; allowDeciders?: boolean; doing: string }): DomainError | undefined {
    if (!isOpenAmendment(amendment.state)) return wrongState(amendment, rules.doing);
    if (this.deciding.has(amendment.id)) return busy;
    if (rules.signatoriesOnly === true) {
      const signs = amendment.authors.some((author) => author.personId === actor.person.id);
      if (!signs && !(rules.allowDeciders === true && can(actor.role, 'amendments.decide'))) return notSignatory;
    }
    return undefined;
  }

  /** Checks, applies `mutate` to the stored amendment, records the history, audits and announces. */
  private async change(
    actor: AmendmentActor,
    workspaceId: string,
    id: string,
    rules: { signatoriesOnly?: boolean; allowDeciders?: boolean; doing: string },
    mutate: (amendment: Amendment) => DomainError | { event: string; to: AmendmentState; audit: AuditAction; detail: Record<string, unknown>; note?: string },
  ): Promise<Result<Amendment>> {
    const amendment = findAmendment(this.options.db, workspaceId, id);
    if (amendment === undefined) return fail(notFound);
    const refused = this.checkChange(actor, amendment, rules);
    if (refused !== undefined) return fail(refused);
    const copy = structuredClone(amendment);
    const outcome = mutate(copy);
    if ('kind' in outcome) return fail(outcome);
    const now = new Date().toISOString();
    await this.options.db.update(() => {
      Object.assign(amendment, copy);
      this.transition(amendment, actor, outcome.event, outcome.to, now, outcome.note ?? '');
    });
    this.audit(actor, amendment, outcome.audit, { number: amendment.number, ...outcome.detail });
    return ok(amendment);
  }

  private transition(amendment: Amendment, actor: AmendmentActor, event: string, to: AmendmentState, at: string, note: string): void {
    amendment.history.push({ at, by: actor.person.id, byName: actor.person.displayName, event, from: amendment.state, to, note });
    amendment.state = to;
    amendment.updatedAt = at;
    this.options.changed(amendment.workspaceId);
  }

  private stored(actor: AmendmentActor, amendment: Amendment, action: AuditAction, detail: Record<string, unknown>): void {
    this.audit(actor, amendment, action, detail);
    this.options.changed(amendment.workspaceId);
  }

  private audit(actor: AmendmentActor, amendment: Amendment, action: AuditAction, detail: Record<string, unknown>): void {
    void this.options.audit.record({ action, actorId: actor.person.id, workspaceId: amendment.workspaceId, target: amendment.id, detail });
  }

  private structureOf(personId: string, workspaceId: string): string | null {
    return structureIdsOf(this.options.db, personId).find((id) => findStructure(this.options.db, workspaceId, id) !== undefined) ?? null;
  }

  private signatory(actor: AmendmentActor, workspaceId: string, role: AmendmentAuthor['role'], at: string): AmendmentAuthor {
    const structureId = this.structureOf(actor.person.id, workspaceId);
    const structureName = structureId === null ? null : (findStructure(this.options.db, workspaceId, structureId)?.name ?? null);
    return { personId: actor.person.id, name: actor.person.displayName, structureId, structureName, role, at };
  }

  /**
   * Who hears of a submitted amendment: the people who decide on it, those who signed earlier
   * amendments on the same target (they wrote that passage through Trame), and, for a sheet, the
   * members of the structure that leads it.
   */
  private async notifyProposed(actor: AmendmentActor, amendment: Amendment): Promise<void> {
    const { db } = this.options;
    const recipients = new Set<string>();
    for (const role of rolesIn(db, amendment.workspaceId)) if (can(role.role, 'amendments.decide')) recipients.add(role.personId);
    for (const other of amendmentsOf(db, amendment.workspaceId)) {
      if (other.id !== amendment.id && sameTarget(other.target, amendment.target)) for (const author of other.authors) recipients.add(author.personId);
    }
    if (amendment.target.kind === 'sheet-field') {
      const sheetId = amendment.target.sheetId;
      const workspace = findWorkspace(db, amendment.workspaceId)!;
      const lead = await this.options.rooms.withDocument(workspace.contractDocument, (doc) => sheetAt(doc, sheetId)?.get('lead')).catch(() => undefined);
      if (typeof lead === 'string') for (const affiliation of db.data.affiliations) if (affiliation.structureId === lead) recipients.add(affiliation.personId);
    }
    await this.options.notifications.notify({
      workspaceId: amendment.workspaceId,
      recipients,
      kind: 'amendment-proposed',
      title: `${actor.person.displayName} a déposé l’amendement n° ${amendment.number} « ${amendment.title} ».`,
      link: `/w/${amendment.workspaceId}/amendements/${amendment.id}`,
      actorId: actor.person.id,
    });
  }

  private async notifyDecided(actor: AmendmentActor, amendment: Amendment, title: string): Promise<void> {
    await this.options.notifications.notify({
      workspaceId: amendment.workspaceId,
      recipients: amendment.authors.map((author) => author.personId),
      kind: 'amendment-decided',
      title: title.length > 500 ? `${title.slice(0, 497)}…` : title,
      link: `/w/${amendment.workspaceId}/amendements/${amendment.id}`,
      actorId: actor.person.id,
    });
  }
}

function sameTarget(a: AmendmentTarget, b: AmendmentTarget): boolean {
  if (a.kind === 'section' && b.kind === 'section') return a.anchor === b.anchor || a.heading === b.heading;
  if (a.kind === 'sheet-field' && b.kind === 'sheet-field') return a.sheetId === b.sheetId;
  if (a.kind === 'new-sheet' && b.kind === 'new-sheet') return a.axisId === b.axisId;
  return false;
}

/** Turns what the form chose into a stored target (a section's heading gets its Yjs anchor). */
function resolveTarget(contract: Y.Doc, input: ProposeInput['target']): Result<AmendmentTarget> {
  if (input.kind !== 'section') return ok(input);
  // The contract may have moved since the form listed its headings: trust the index only if its text matches.
  let index = input.blockIndex;
  const headings = contractHeadings(contract);
  if (!headings.some((heading) => heading.index === index && heading.text === input.heading)) {
    const byText = headings.find((heading) => heading.text === input.heading);
    if (byText === undefined) return fail({ kind: 'not_found', title: targetProblemTitles['section-missing'] });
    index = byText.index;
  }
  const anchor = anchorOfHeading(contract, index);
  if (anchor === undefined) return fail({ kind: 'not_found', title: targetProblemTitles['section-missing'] });
  return ok({ kind: 'section', heading: anchor.heading, anchor: anchor.anchor });
}
