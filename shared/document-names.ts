/**
 * Names of Yjs documents. A name is also a file name in the embedded store and a URL path segment,
 * so it is restricted to lower-case letters, digits, dots and dashes, never starting with a dot.
 */
const documentNamePattern = /^[a-z0-9][a-z0-9.-]{0,127}$/;

/** True when `name` is a well-formed document name. */
export function isDocumentName(name: string): boolean {
  return documentNamePattern.test(name) && !name.includes('..');
}

/** The document that holds a workspace's contract. */
export function contractDocumentName(workspaceId: string): string {
  return `${workspaceId}.contract`;
}

/** Name of the `Y.XmlFragment` holding the contract's rich text inside its document. */
export const contractFragmentName = 'contract';
