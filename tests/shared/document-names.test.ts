import { describe, expect, it } from 'vitest';
import { contractDocumentName, isDocumentName } from '../../shared/document-names';

describe('document names', () => {
  it('accept workspace contract names', () => {
    expect(isDocumentName(contractDocumentName('ess-rhone-alpes-2011-2013'))).toBe(true);
  });

  it('refuse anything that could escape the data folder or the URL path', () => {
    for (const name of ['', '.hidden', '../x', 'a/b', 'a..b', 'A', 'é', 'x'.repeat(200), 'a b']) {
      expect(isDocumentName(name), name).toBe(false);
    }
  });
});
