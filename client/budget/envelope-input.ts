/**
 * Reads the envelope form the way the server will: each amount typed the French way
 * (`parseEurosInput`), then the whole checked with the shared `envelopeInputSchema` (funders
 * named once each, 1 to 12 shares, shares adding up to the total). Messages are keyed by the
 * same dotted paths as the server's `fields` (`totalCents`, `shares`, `shares.0.amountCents`…),
 * so one lookup serves the client's checks and the server's refusals.
 */
import { parseEurosInput } from '../../shared/programme/fields';
import { envelopeInputSchema, type Envelope, type EnvelopeInput } from '../../shared/schemas/workspace';
import { formatEurosInput } from '../i18n/format';

/** One funder's line of the form, as typed. */
export interface ShareDraft {
  /** Stable across additions and removals, for the rows' ids and focus. */
  key: number;
  funder: string;
  amount: string;
}

/** The form as typed. */
export interface EnvelopeDraft {
  total: string;
  shares: ShareDraft[];
}

export type EnvelopeReading = { ok: true; envelope: EnvelopeInput } | { ok: false; fields: Record<string, string> };

let nextKey = 1;

/** A new, empty funder line. */
export function emptyShare(): ShareDraft {
  return { key: nextKey++, funder: '', amount: '' };
}

/** The form filled with the current envelope (one empty line when it has no share yet). */
export function draftOf(envelope: Envelope): EnvelopeDraft {
  const shares = envelope.shares.map((share) => ({ key: nextKey++, funder: share.funder, amount: formatEurosInput(share.amountCents) }));
  return { total: envelope.totalCents === 0 && shares.length === 0 ? '' : formatEurosInput(envelope.totalCents), shares: shares.length === 0 ? [emptyShare()] : shares };
}

/** Checks the draft; gives the envelope to send, or a message per field. */
export function readEnvelopeDraft(draft: EnvelopeDraft): EnvelopeReading {
  const fields: Record<string, string> = {};
  const total = parseEurosInput(draft.total);
  if (!total.ok) fields['totalCents'] = total.message;
  const shares = draft.shares.map((share, index) => {
    const amount = parseEurosInput(share.amount);
    if (!amount.ok) fields[`shares.${index}.amountCents`] = amount.message;
    return { funder: share.funder, amountCents: amount.ok ? amount.cents : 0 };
  });
  const amountsRead = Object.keys(fields).length === 0;
  const parsed = envelopeInputSchema.safeParse({ totalCents: total.ok ? total.cents : 0, shares });
  if (parsed.success && amountsRead) return { ok: true, envelope: parsed.data };
  for (const issue of parsed.error?.issues ?? []) {
    const key = issue.path.map(String).join('.') || '_';
    // The sum means nothing while an amount could not be read: its own message says what to fix.
    if (!amountsRead && key === 'totalCents') continue;
    fields[key] ??= issue.message;
  }
  return { ok: false, fields };
}
