/**
 * The main area when there is no page to show: loading, nothing to show yet, unknown address,
 * a page the person's role does not open, or a failure, each saying what happened and what to do.
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

/** What the status page explains. */
export type StatusPageState =
  | { status: 'loading'; message?: string }
  | { status: 'empty' }
  | { status: 'not-found' }
  | { status: 'forbidden'; message: string }
  | { status: 'error'; message: string; title?: string };

/** Renders the page for a state; `onRetry` backs the error page's button. */
export function renderStatusPage(state: StatusPageState, onRetry: () => void): TemplateResult {
  return html`<main id="contenu" class="status-page" tabindex="-1">${body(state, onRetry)}</main>`;
}

/** The status content without its `<main>` (inside a workspace layout). */
export function renderStatusBody(state: StatusPageState, onRetry: () => void): TemplateResult {
  return html`<div class="status-page">${body(state, onRetry)}</div>`;
}

function body(state: StatusPageState, onRetry: () => void): TemplateResult {
  switch (state.status) {
    case 'loading':
      return html`<p class="status-page__loading" role="status">${state.message ?? msg('Chargement de l’espace de travail…', { id: 'status.loading' })}</p>`;
    case 'empty':
      return html`<h1>${msg('Aucun espace de travail pour l’instant', { id: 'status.empty.title' })}</h1>
        <p>${msg('Un espace de travail réunit les structures qui écrivent ensemble un contrat. Quand la coordination vous invitera dans le sien, il apparaîtra ici.', { id: 'status.empty.body' })}</p>`;
    case 'not-found':
      return html`<h1>${msg('Cette page n’existe pas', { id: 'status.notFound.title' })}</h1>
        <p>${msg('L’adresse est peut-être incomplète. Revenez à l’accueil pour retrouver votre espace de travail.', { id: 'status.notFound.body' })}</p>
        <p><a href="/">${msg('Retour à l’accueil', { id: 'status.home' })}</a></p>`;
    case 'forbidden':
      return html`<h1>${msg('Cette page n’est pas ouverte à votre rôle', { id: 'status.forbidden.title' })}</h1>
        <p>${state.message}</p>
        <p>${msg('Si vous pensez en avoir besoin, demandez-le à la coordination de l’espace de travail.', { id: 'status.forbidden.body' })}</p>
        <p><a href="/">${msg('Retour au contrat', { id: 'status.backToContract' })}</a></p>`;
    case 'error':
      return html`<h1>${state.title ?? msg('L’espace de travail n’a pas pu s’ouvrir', { id: 'status.error.title' })}</h1>
        <p role="alert">${state.message}</p>
        <p class="status-page__actions">
          <button type="button" class="button" @click=${onRetry}>${msg('Réessayer', { id: 'status.retry' })}</button>
          <a href="/">${msg('Retour à l’accueil', { id: 'status.home' })}</a>
        </p>`;
  }
}
