/**
 * Binds an `<input>` or `<textarea>` to a `Y.Text`, as a Lit element directive:
 * `<input ${bindYText(text)}>`. What the person types becomes the smallest splice on the shared
 * text (so that someone typing elsewhere in the same title keeps their letters); what others type
 * updates the field while the caret and selection stay where they were in the text. The field's
 * value belongs to the binding: templates must not bind `.value` on it, so that a re-render never
 * overwrites what is being typed. While an input method composes a word, remote changes wait for
 * the composition to end (changing the value under it would break the word being composed).
 */
import { noChange } from 'lit';
import { AsyncDirective, directive, PartType, type ElementPart, type PartInfo } from 'lit/async-directive.js';
import type * as Y from 'yjs';
import { diffText, lengthBefore, mapSelection } from './text-changes';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

class YTextBinding extends AsyncDirective {
  private element: TextControl | null = null;
  private text: Y.Text | null = null;
  private isComposing = false;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('bindYText goes on an <input> or <textarea> element.');
  }

  render(_text: Y.Text | undefined): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [text]: [Y.Text | undefined]): typeof noChange {
    const element = part.element;
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) throw new Error('bindYText goes on an <input> or <textarea> element.');
    if (element !== this.element) {
      this.detachElement();
      this.element = element;
      element.addEventListener('input', this.handleInput);
      element.addEventListener('compositionstart', this.handleCompositionStart);
      element.addEventListener('compositionend', this.handleCompositionEnd);
    }
    if ((text ?? null) !== this.text) {
      this.text?.unobserve(this.handleTextChange);
      this.text = text ?? null;
      this.text?.observe(this.handleTextChange);
      element.value = this.text?.toString() ?? '';
    }
    return noChange;
  }

  protected override disconnected(): void {
    this.text?.unobserve(this.handleTextChange);
  }

  protected override reconnected(): void {
    if (this.text === null) return;
    this.text.observe(this.handleTextChange);
    if (this.element !== null) this.element.value = this.text.toString();
  }

  private detachElement(): void {
    this.element?.removeEventListener('input', this.handleInput);
    this.element?.removeEventListener('compositionstart', this.handleCompositionStart);
    this.element?.removeEventListener('compositionend', this.handleCompositionEnd);
  }

  private readonly handleInput = (): void => {
    const { element, text } = this;
    if (element === null || text === null || element.readOnly) return;
    const change = diffText(text.toString(), element.value, element.selectionEnd ?? undefined);
    if (change === null) return;
    const apply = (): void => {
      if (change.remove > 0) text.delete(change.index, change.remove);
      if (change.insert !== '') text.insert(change.index, change.insert);
    };
    // Our own origin: the observer below then knows the field already shows this change.
    if (text.doc === null) apply();
    else text.doc.transact(apply, this);
  };

  private readonly handleTextChange = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
    const element = this.element;
    if (element === null || transaction.origin === this || this.isComposing) return;
    const value = event.target.toString();
    if (element.value === value) return;
    const hasFocus = element.ownerDocument.activeElement === element;
    const before = { start: element.selectionStart ?? 0, end: element.selectionEnd ?? 0 };
    const direction = element.selectionDirection ?? 'none';
    // The field may lag the text (an edit this binding did not make): map only when in step.
    const delta = element.value.length === lengthBefore(event.delta, value.length) ? event.delta : null;
    element.value = value;
    if (!hasFocus) return;
    const after = delta === null ? { start: Math.min(before.start, value.length), end: Math.min(before.end, value.length) } : mapSelection(delta, before.start, before.end);
    element.setSelectionRange(after.start, after.end, direction);
  };

  private readonly handleCompositionStart = (): void => {
    this.isComposing = true;
  };

  private readonly handleCompositionEnd = (): void => {
    this.isComposing = false;
    const { element, text } = this;
    if (element === null || text === null) return;
    // Send the composed word, then catch up with what others typed meanwhile.
    this.handleInput();
    if (element.value !== text.toString()) element.value = text.toString();
  };
}

/** Binds the element to a Y.Text (or to nothing, leaving it empty while the text is missing). */
export const bindYText = directive(YTextBinding);
