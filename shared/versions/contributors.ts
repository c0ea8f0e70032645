/**
 * The contributors appendix: the structures that took part in a version of the contract, and
 * how. Computed on the server (`server/versions/contributors.ts`) from the version's text (who
 * wrote which characters, through the Yjs client ids' authors) and from the deliberation's
 * records up to the version's date; shown in the exports, the public page and the versions UI.
 */

export interface Contributor {
  structureId: string;
  structureName: string;
  /** The structure's network name (empty when unknown). */
  networkName: string;
  /** Characters of the version's text (contract and action sheets) written by its people. */
  writtenCharacters: number;
  /** Comments (thread openings and replies) written by its people. */
  comments: number;
  /** Amendments its people proposed or co-signed. */
  amendments: number;
  /** Consent rounds in which it gave a position. */
  decisions: number;
}

/** People without a structure (partners, the coordination's own accounts) are counted together. */
export interface ContributorsAppendix {
  structures: Contributor[];
  /** Characters written by people acting for no structure, or by Trame itself. */
  otherWrittenCharacters: number;
}
