/**
 * What people are typing in fields that hold one plain value in the document (an amount, a year,
 * a date, a unit): the typed text stays on screen, whatever others change meanwhile, until it is
 * valid and written, and an invalid value keeps its French message next to the field while
 * nothing is written to the document. Keys are unique per field (`line-<id>-amount`).
 */
import type { ReactiveControllerHost } from 'lit';

/** Drafts and messages of a page's plain fields. */
export class FieldDrafts {
  private readonly drafts = new Map<string, string>();
  private readonly errors = new Map<string, string>();
  private readonly settling = new Set<string>();
  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
  }

  /** The text to show: the draft while there is one, else the document's value. */
  value(key: string, documentValue: string): string {
    return this.drafts.get(key) ?? documentValue;
  }

  /** The field's message, if the last value typed was refused. */
  error(key: string): string | undefined {
    return this.errors.get(key);
  }

  /** Keeps what is being typed (no re-render: the field already shows it). */
  type(key: string, text: string): void {
    this.settling.delete(key);
    this.drafts.set(key, text);
  }

  /**
   * The value was written: its message goes now, and the document's value shows again from the
   * next reading of the document (until then the typed text stays, so nothing flickers back).
   */
  accept(key: string): void {
    this.settling.add(key);
    if (this.errors.delete(key)) this.host.requestUpdate();
  }

  /** A new reading of the document arrived: written values now come from it. */
  settle(): void {
    for (const key of this.settling) this.drafts.delete(key);
    this.settling.clear();
  }

  /** The value was refused: it stays in the field, with its message. */
  refuse(key: string, text: string, message: string): void {
    this.settling.delete(key);
    this.drafts.set(key, text);
    this.errors.set(key, message);
    this.host.requestUpdate();
  }

  /** Forgets a field (its line was removed). */
  forget(key: string): void {
    this.drafts.delete(key);
    this.errors.delete(key);
  }
}
