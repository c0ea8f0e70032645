/**
 * The contributors appendix of a version: which structures of the workspace took part in it, and
 * how — the characters of the version's text their people wrote (each client id's author, as
 * recorded when they wrote: `clientAuthors`), the comments they wrote, the amendments they
 * proposed or co-signed, the consent rounds in which they gave a position.
 *
 * The text is the version's own document, so deleted passages count for nobody. The deliberation's
 * records are read as they were at the version's date (`until`): comments written by then,
 * amendments proposed (out of draft) by then by authors who had signed by then, positions given by
 * then. Deleted or moderated comments, drafts never proposed, and structures of other workspaces
 * count for nobody. People acting for no structure (partners, the coordination's own accounts)
 * and the server's own writes are counted together in `otherWrittenCharacters`.
 */
import type * as Y from 'yjs';
import type { Workspace } from '../../shared/schemas/workspace';
import type { Contributor, ContributorsAppendix } from '../../shared/versions/contributors';
import { charactersByClient } from '../../shared/versions/authorship';
import type { MetadataStore } from '../store/metadata-store';
import { networksOf, structuresOf } from '../workspaces/workspaces.repository';
import { clientAuthorsOf } from './versions.repository';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Dates are compared as instants (round positions may carry an offset). */
function byDate(until: string | undefined): (at: string) => boolean {
  if (until === undefined) return () => true;
  const limit = Date.parse(until);
  return (at) => Date.parse(at) <= limit;
}

/** How many of the four ways of taking part a contributor has (writing, commenting, amending, deciding). */
export function waysOfTakingPart(contributor: Contributor): number {
  return [contributor.writtenCharacters, contributor.comments, contributor.amendments, contributor.decisions].filter((count) => count > 0).length;
}

/**
 * Computes the appendix for `doc` (a version's or the live contract's state) of `workspace`.
 * `until` (ISO date-time): only deliberation records dated up to it; none: all of them.
 * Sorted by the number of ways of taking part, then by the sum of the counts, then by name.
 */
export function computeContributors(db: MetadataStore, workspace: Workspace, doc: Y.Doc, until?: string): ContributorsAppendix {
  const inTime = byDate(until);
  const structures = new Map(structuresOf(db, workspace.id).map((structure) => [structure.id, structure]));
  const networks = new Map(networksOf(db, workspace.id).map((network) => [network.id, network.name]));
  const rows = new Map<string, Contributor>();
  const row = (structureId: string | null): Contributor | undefined => {
    if (structureId === null) return undefined;
    const structure = structures.get(structureId);
    if (structure === undefined) return undefined;
    let found = rows.get(structureId);
    if (found === undefined) {
      found = { structureId, structureName: structure.name, networkName: networks.get(structure.networkId) ?? '', writtenCharacters: 0, comments: 0, amendments: 0, decisions: 0 };
      rows.set(structureId, found);
    }
    return found;
  };

  // Text: the version's live characters, through each client id's author.
  const authors = new Map(clientAuthorsOf(db, workspace.contractDocument).map((author) => [author.clientId, author.structureId]));
  let otherWrittenCharacters = 0;
  for (const [clientId, characters] of charactersByClient(doc)) {
    const contributor = row(authors.get(clientId) ?? null);
    if (contributor === undefined) otherWrittenCharacters += characters;
    else contributor.writtenCharacters += characters;
  }

  // Comments written by then, neither deleted nor hidden by moderation.
  for (const thread of db.data.commentThreads) {
    if (thread.workspaceId !== workspace.id || thread.hidden !== null) continue;
    for (const comment of thread.comments) {
      if (comment.deletedAt !== null || comment.hidden !== null || !inTime(comment.createdAt)) continue;
      const contributor = row(comment.structureId);
      if (contributor !== undefined) contributor.comments += 1;
    }
  }

  // Amendments proposed (out of draft, not withdrawn as a draft) by then: once per structure.
  for (const amendment of db.data.amendments) {
    if (amendment.workspaceId !== workspace.id) continue;
    const proposed = amendment.history.some((event) => event.from === 'draft' && event.to !== 'withdrawn' && inTime(event.at));
    if (!proposed) continue;
    const signed = new Set(amendment.authors.filter((author) => inTime(author.at)).flatMap((author) => (author.structureId === null ? [] : [author.structureId])));
    for (const structureId of signed) {
      const contributor = row(structureId);
      if (contributor !== undefined) contributor.amendments += 1;
    }
  }

  // Consent rounds in which the structure had given a position by then (its first one counts).
  for (const round of db.data.rounds) {
    if (round.workspaceId !== workspace.id) continue;
    for (const position of round.positions) {
      const given = [position.at, ...position.history.map((previous) => previous.at)].some(inTime);
      if (!given) continue;
      const contributor = row(position.structureId);
      if (contributor !== undefined) contributor.decisions += 1;
    }
  }

  const total = (contributor: Contributor): number => contributor.writtenCharacters + contributor.comments + contributor.amendments + contributor.decisions;
  const sorted = [...rows.values()]
    .filter((contributor) => total(contributor) > 0)
    .sort((a, b) => waysOfTakingPart(b) - waysOfTakingPart(a) || total(b) - total(a) || collator.compare(a.structureName, b.structureName));
  return { structures: sorted, otherWrittenCharacters };
}
