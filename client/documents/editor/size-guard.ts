/**
 * Refuses a local change too large for the server to accept in one message
 * (`limits.maxYjsMessageBytes`; a larger one closes the connection with 1009). The size of the
 * resulting Yjs update is estimated from the ProseMirror steps' JSON, which is of the same order;
 * a safety margin covers the difference. Changes coming from Yjs (remote, undo) always pass.
 */
import { Plugin, type Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';
import { limits } from '../../../shared/limits';

/** Estimated bytes above which a single change is refused. */
export const maxChangeBytes = Math.floor(limits.maxYjsMessageBytes * 0.75);

const encoder = new TextEncoder();

function isFromYjs(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === 'object' && meta !== null && (meta as { isChangeOrigin?: unknown }).isChangeOrigin === true;
}

/** Estimates the bytes a transaction adds to the shared document. */
export function estimateChangeBytes(tr: Transaction): number {
  let bytes = 0;
  for (const step of tr.steps) bytes += encoder.encode(JSON.stringify(step.toJSON())).length;
  return bytes;
}

/** A plugin that drops oversized local changes and reports their estimated size. */
export function sizeGuard(onRefused: (estimatedBytes: number) => void): Plugin {
  return new Plugin({
    filterTransaction(tr) {
      if (!tr.docChanged || isFromYjs(tr)) return true;
      const bytes = estimateChangeBytes(tr);
      if (bytes <= maxChangeBytes) return true;
      onRefused(bytes);
      return false;
    },
  });
}
