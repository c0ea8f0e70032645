/**
 * Styles shared by the shadow-DOM elements: buttons, focus ring, visually hidden text and native
 * dialogs. Colours come from the CSS custom properties in styles/tokens.css, which inherit into
 * shadow roots, so one place themes everything.
 */
import { css } from 'lit';

/** Base rules every element includes. */
export const baseStyles = css`
  :host {
    font-family: var(--trame-font-ui);
    color: var(--trame-ink);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 3px solid var(--trame-focus);
    outline-offset: 2px;
  }
`;

/** Buttons: a neutral one, `.primary` and `.danger`, all at least 44 px high on touch screens. */
export const buttonStyles = css`
  button {
    font: inherit;
    font-size: 0.9375rem;
    min-height: 2.5rem;
    padding: 0.4rem 0.9rem;
    border-radius: var(--trame-radius);
    border: 1px solid var(--trame-line-strong);
    background: var(--trame-paper);
    color: var(--trame-ink);
    cursor: pointer;
  }
  button:hover {
    background: var(--trame-canvas);
  }
  button.primary {
    background: var(--trame-accent);
    border-color: var(--trame-accent);
    color: #fff;
    font-weight: 600;
  }
  button.primary:hover {
    background: var(--trame-accent-strong);
  }
  button.danger {
    color: var(--trame-danger);
    border-color: var(--trame-danger);
  }
  button.link {
    border: none;
    background: none;
    color: var(--trame-accent);
    text-decoration: underline;
    padding-inline: 0.25rem;
  }
  @media (pointer: coarse) {
    button {
      min-height: 2.75rem;
    }
  }
`;

/** Native `<dialog>` used modally: centred card, dimmed page behind, form fields. */
export const dialogStyles = css`
  dialog {
    width: min(34rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: none;
    border-radius: calc(var(--trame-radius) * 1.5);
    box-shadow: 0 18px 50px rgb(0 0 0 / 0.25);
    color: var(--trame-ink);
    background: var(--trame-paper);
  }
  dialog::backdrop {
    background: rgb(20 22 28 / 0.55);
  }
  .dialog-body {
    padding: 1.5rem;
    display: grid;
    gap: 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }
  p {
    margin: 0;
    line-height: 1.5;
  }
  .field {
    display: grid;
    gap: 0.35rem;
  }
  label {
    font-weight: 600;
  }
  .hint {
    color: var(--trame-ink-muted);
    font-size: 0.875rem;
  }
  input,
  select {
    font: inherit;
    width: 100%;
    padding: 0.55rem 0.7rem;
    border: 1px solid var(--trame-line-strong);
    border-radius: var(--trame-radius);
    background: var(--trame-paper);
    color: var(--trame-ink);
  }
  [aria-invalid='true'] {
    border-color: var(--trame-danger);
    box-shadow: 0 0 0 1px var(--trame-danger);
  }
  .error {
    color: var(--trame-danger);
    font-size: 0.875rem;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    padding-top: 0.25rem;
  }
`;
