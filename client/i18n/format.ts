/** Formatting helpers: amounts, numbers and dates always follow `fr-FR`, whatever the interface language. */
import { eurosText } from '../../shared/budget/euros';

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/** Formats integer cents as whole euros: `3381649100` → "33 816 491 €". */
export function formatEuros(cents: number): string {
  return euros.format(Math.round(cents / 100));
}

/** Formats integer cents exactly: whole euros when whole ("7 602 500 €"), with cents otherwise ("12 500,50 €"). */
export function formatExactEuros(cents: number): string {
  return eurosText(cents);
}

/** Formats integer cents for an amount field: "7 602 500" or "12 500,50", without the euro sign. */
export function formatEurosInput(cents: number): string {
  const value = cents / 100;
  return value.toLocaleString('fr-FR', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 });
}

/** Formats a ratio between 0 and 1 as a percentage: `0.2248` → "22,5 %". */
export function formatPercent(ratio: number): string {
  return percent.format(ratio);
}

/** Up to two initials of a display name, for avatars: "Marie-Claire Dupont" → "MD". */
export function initials(name: string): string {
  const words = name.trim().split(/[\s-]+/u).filter((word) => word.length > 0);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase('fr-FR');
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' });
const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/** An instant as people read it in France: "12 mars 2026, 14:05". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

const clockTime = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The time of an instant, to the second: "14:05:09". */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : clockTime.format(date);
}

/** A day as people read it in France: "26 mars 2026". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : longDate.format(date);
}

/** A count with French grouping: 1 234. */
export function formatCount(count: number): string {
  return count.toLocaleString('fr-FR');
}
