/** What an imported document holds, counted for the preview ("12 titres, 40 paragraphes…"). */
import { toRichTextNode, type RichTextJson } from '../../shared/rich-text/markdown';
import type { ImportStats } from '../../shared/rich-text/text-import';

export function importStats(json: RichTextJson): ImportStats {
  const stats: ImportStats = { headings: 0, paragraphs: 0, lists: 0, tables: 0, words: 0 };
  toRichTextNode(json).descendants((node, _pos, parent) => {
    const name = node.type.name;
    if (name === 'heading') stats.headings += 1;
    else if (name === 'paragraph' && !(parent?.type.name ?? '').startsWith('table_')) stats.paragraphs += 1;
    else if (name === 'bullet_list' || name === 'ordered_list') stats.lists += 1;
    else if (name === 'table') stats.tables += 1;
    if (node.isTextblock) {
      stats.words += node.textBetween(0, node.content.size, ' ', ' ').split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
      return false;
    }
    return true;
  });
  return stats;
}
