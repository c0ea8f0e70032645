/** Small DOM helpers shared by elements. */

/** The current value of the form control an event came from ('' for anything else). */
export function controlValue(event: Event): string {
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) {
    return target.value;
  }
  return '';
}

/** True when a key press happens where people type text (so single-key shortcuts must not fire). */
export function isTypingTarget(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Whether the checkbox an event came from is checked (false for anything else). */
export function controlChecked(event: Event): boolean {
  return event.target instanceof HTMLInputElement && event.target.checked;
}

/** Selects the whole text of the field an event came from (read-only links and tokens). */
export function selectControlText(event: Event): void {
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) event.target.select();
}
