/**
 * Applying an accepted amendment to the live contract document, and undoing that. Each is ONE
 * Yjs transaction on the contract (so one update, logged then broadcast by its room like any
 * client's), made of the smallest change: blocks the amendment leaves as they are keep their
 * identity (comments anchored in them stay put). What the acceptance replaced is returned as
 * JSON, so that "Annuler l’application" can put it back while nobody has edited the passage.
 */
import * as Y from 'yjs';
import { blockFromJson, blockToJson, blocksKey, textsOf } from '../../shared/amendments/blocks';
import { readDraft } from '../../shared/amendments/draft';
import { rebase, type BlockRef } from '../../shared/amendments/rebase';
import { locateTarget, targetProblemTitles } from '../../shared/amendments/target';
import { addSheet, emptySheetPlan, removeSheet } from '../../shared/programme/edit';
import { sheetAt, sheetRichText } from '../../shared/programme/layout';
import { fail, ok, type DomainError, type Result } from '../../shared/result';
import type { Amendment, AppliedChange, BlockJson } from '../../shared/schemas/amendments';

/** Origin of the transactions made by amendments on the contract. */
export const amendmentOrigin = Symbol('trame-amendment');

export const conflictError: DomainError = {
  kind: 'conflict',
  title: 'Le passage visé a changé depuis la proposition, aux mêmes endroits que l’amendement : il ne peut pas être accepté en l’état.',
  detail: 'Les deux versions sont montrées côte à côte sur la page de l’amendement ; ses auteurs peuvent « Reprendre le texte actuel » puis l’ajuster.',
};
const nothingToApply: DomainError = { kind: 'conflict', title: 'Cet amendement ne change rien au texte actuel : il n’y a rien à appliquer.' };

/**
 * Rewrites blocks [from, from + current.length) of a fragment as `refs` says: current blocks named
 * stay in place, the others are deleted, `made(index)` blocks are inserted where named.
 */
function writeBlocks(fragment: Y.XmlFragment, from: number, currentCount: number, refs: readonly BlockRef[], made: (index: number) => Y.XmlElement | Y.XmlText): void {
  let position = from;
  let next = 0;
  for (const ref of refs) {
    if (ref.from === 'current') {
      if (ref.index > next) fragment.delete(position, ref.index - next);
      position += 1;
      next = ref.index + 1;
    } else {
      fragment.insert(position, [made(ref.index)]);
      position += 1;
    }
  }
  if (currentCount > next) fragment.delete(position, currentCount - next);
}

/** The JSON of a fragment's children [from, to). */
function jsonOf(fragment: Y.XmlFragment, from: number, to: number): BlockJson[] {
  return fragment.slice(from, to).flatMap((node) => (node instanceof Y.XmlElement ? [blockToJson(node)] : []));
}

export interface Applied {
  applied: AppliedChange;
  merge: 'unchanged' | 'rebased';
}

/** Applies the amendment's draft onto the contract, in one transaction; refuses conflicts and deleted targets. */
export function applyAmendment(contract: Y.Doc, draftDoc: Y.Doc, amendment: Amendment): Result<Applied> {
  const draft = readDraft(draftDoc);
  const target = amendment.target;
  if (target.kind === 'new-sheet') {
    const located = locateTarget(contract, target);
    if (!located.ok) return fail({ kind: 'conflict', title: targetProblemTitles[located.problem] });
    let sheetId = '';
    contract.transact(() => {
      sheetId = addSheet(contract, target.axisId, { ...emptySheetPlan(), title: draft.title.trim() === '' ? amendment.title : draft.title.trim() });
      const description = sheetRichText(contract, sheetId, 'description');
      if (description !== undefined && draft.blocks.length > 0) description.insert(0, draft.blocks.map((block) => block.clone()));
    }, amendmentOrigin);
    const description = sheetRichText(contract, sheetId, 'description');
    return ok({ applied: { previousBlocks: [], appliedBlocks: description === undefined ? [] : jsonOf(description, 0, description.length), sheetId }, merge: 'unchanged' });
  }
  const located = locateTarget(contract, target);
  if (!located.ok) return fail({ kind: 'conflict', title: targetProblemTitles[located.problem] });
  const { fragment, from, to, blocks } = located.target;
  if (to - from !== blocks.length) return fail({ kind: 'conflict', title: 'Le passage visé contient des éléments que Trame ne sait pas remplacer : modifiez-le directement dans le contrat.' });
  const current = textsOf(blocks);
  const textual = rebase(amendment.base, draft.texts, current);
  if (textual.status === 'conflict') return fail(conflictError);
  // Untouched since the proposal: compare with formatting, so that bolding a word is applied too.
  const merged =
    textual.status === 'unchanged'
      ? rebase(blocks.map((block) => JSON.stringify(blockToJson(block))), draft.blocks.map((block) => JSON.stringify(blockToJson(block))), blocks.map((block) => JSON.stringify(blockToJson(block))))
      : textual;
  if (merged.changesNothing) return fail(nothingToApply);
  const previousBlocks = blocks.map(blockToJson);
  let appliedBlocks: BlockJson[] = [];
  contract.transact(() => {
    writeBlocks(fragment, from, blocks.length, merged.merged, (index) => draft.blocks[index]!.clone());
    appliedBlocks = jsonOf(fragment, from, from + merged.merged.length);
  }, amendmentOrigin);
  return ok({ applied: { previousBlocks, appliedBlocks, sheetId: null }, merge: textual.status === 'unchanged' ? 'unchanged' : 'rebased' });
}

/** Why an application cannot be undone any more, in French (undefined: it can). */
export function whyNotRevertible(contract: Y.Doc, amendment: Amendment): string | undefined {
  const applied = amendment.decision?.applied;
  if (amendment.state !== 'accepted' || applied == null) return 'Seul un amendement accepté et appliqué peut être annulé.';
  if (amendment.target.kind === 'new-sheet') {
    if (applied.sheetId === null || sheetAt(contract, applied.sheetId) === undefined) return 'La fiche créée par cet amendement a déjà été supprimée.';
    const description = sheetRichText(contract, applied.sheetId, 'description');
    const now = description === undefined ? [] : jsonOf(description, 0, description.length);
    return blocksKey(now) === blocksKey(applied.appliedBlocks) ? undefined : 'La fiche créée par cet amendement a été modifiée depuis : l’annuler effacerait ces modifications. Supprimez-la depuis les fiches action si c’est voulu.';
  }
  const located = locateTarget(contract, amendment.target);
  if (!located.ok) return targetProblemTitles[located.problem];
  const { fragment, from, to } = located.target;
  return blocksKey(jsonOf(fragment, from, to)) === blocksKey(applied.appliedBlocks)
    ? undefined
    : 'Le passage a été modifié depuis l’acceptation : annuler l’application effacerait ces modifications. Rédigez plutôt un nouvel amendement.';
}

/** Puts back what an acceptance replaced, in one transaction, if the passage is as it was left. */
export function revertAmendment(contract: Y.Doc, amendment: Amendment): Result<null> {
  const why = whyNotRevertible(contract, amendment);
  if (why !== undefined) return fail({ kind: 'conflict', title: why });
  const applied = amendment.decision!.applied!;
  if (amendment.target.kind === 'new-sheet') {
    contract.transact(() => removeSheet(contract, applied.sheetId!), amendmentOrigin);
    return ok(null);
  }
  const located = locateTarget(contract, amendment.target);
  if (!located.ok) return fail({ kind: 'conflict', title: targetProblemTitles[located.problem] });
  const { fragment, from, blocks } = located.target;
  const keys = (list: readonly BlockJson[]): string[] => list.map((block) => JSON.stringify(block));
  const now = keys(blocks.map(blockToJson));
  const back = rebase(now, keys(applied.previousBlocks), now);
  contract.transact(() => writeBlocks(fragment, from, blocks.length, back.merged, (index) => blockFromJson(applied.previousBlocks[index]!)), amendmentOrigin);
  return ok(null);
}
