/** Styles of `<trame-account-menu>`: the pill-shaped toggle and the panel below it. */
import { css } from 'lit';

export const accountMenuStyles = css`
  :host {
    position: relative;
    display: inline-flex;
    min-width: 0;
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-width: 0;
    max-width: 16rem;
    padding: 0.2rem 0.6rem 0.2rem 0.2rem;
    text-align: left;
    border-radius: 999px;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    color: #fff;
    font-size: 0.75rem;
    font-weight: 700;
  }
  .text {
    display: grid;
    min-width: 0;
    line-height: 1.2;
  }
  .name,
  .detail {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .name {
    font-weight: 600;
    font-size: 0.875rem;
  }
  .detail {
    font-size: 0.75rem;
    color: var(--trame-ink-muted);
  }
  .panel {
    position: absolute;
    top: calc(100% + 0.4rem);
    right: 0;
    z-index: 20;
    width: min(20rem, calc(100vw - 1.5rem));
    padding: 0.75rem;
    background: var(--trame-paper);
    border: 1px solid var(--trame-line-strong);
    border-radius: var(--trame-radius);
    box-shadow: 0 10px 30px rgb(0 0 0 / 0.15);
  }
  .who {
    margin: 0 0 0.75rem;
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }
  ul {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  a,
  .sign-out {
    display: block;
    width: 100%;
    padding: 0.55rem 0.6rem;
    border-radius: var(--trame-radius);
    color: var(--trame-ink);
    font-weight: 600;
    text-align: left;
    text-decoration: none;
  }
  a:hover {
    background: var(--trame-canvas);
  }
  .sign-out {
    border: none;
    background: none;
  }
  fieldset {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.6rem;
    border: 1px solid var(--trame-line);
    border-radius: var(--trame-radius);
  }
  legend {
    padding: 0 0.25rem;
    font-size: 0.875rem;
    font-weight: 600;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.3rem 0;
    font-size: 0.9375rem;
  }
  @media (max-width: 48rem) {
    /* Only the avatar shows; the name stays in the button's accessible name. */
    .text {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .toggle {
      padding-right: 0.2rem;
    }
  }
`;
