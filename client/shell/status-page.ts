/**
 * The main area when there is no workspace to show: loading, nothing to show yet, unknown
 * address, or a failure, each saying what happened and what to do next.
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { WorkspaceLoad } from '../controllers/workspace-controller';

/** Renders the page for a workspace load that is not `ready`. */
export function renderStatusPage(load: Exclude<WorkspaceLoad, { status: 'ready' }>, onRetry: () => void): TemplateResult {
  return html`<main id="contenu" class="status-page" tabindex="-1">${body(load, onRetry)}</main>`;
}

function body(load: Exclude<WorkspaceLoad, { status: 'ready' }>, onRetry: () => void): TemplateResult {
  switch (load.status) {
    case 'loading':
      return html`<p class="status-page__loading" role="status">${msg('Chargement de l’espace de travail…', { id: 'status.loading' })}</p>`;
    case 'empty':
      return html`<h1>${msg('Aucun espace de travail pour l’instant', { id: 'status.empty.title' })}</h1>
        <p>${msg('Un espace de travail réunit les structures qui écrivent ensemble un contrat. La personne qui héberge Trame peut en créer un ; il apparaîtra ici.', { id: 'status.empty.body' })}</p>`;
    case 'not-found':
      return html`<h1>${msg('Cette page n’existe pas', { id: 'status.notFound.title' })}</h1>
        <p>${msg('L’adresse est peut-être incomplète. Revenez à l’accueil pour retrouver votre espace de travail.', { id: 'status.notFound.body' })}</p>
        <p><a href="/">${msg('Retour à l’accueil', { id: 'status.home' })}</a></p>`;
    case 'error':
      return html`<h1>${msg('L’espace de travail n’a pas pu s’ouvrir', { id: 'status.error.title' })}</h1>
        <p role="alert">${load.message}</p>
        <p class="status-page__actions">
          <button type="button" class="button" @click=${onRetry}>${msg('Réessayer', { id: 'status.retry' })}</button>
          <a href="/">${msg('Retour à l’accueil', { id: 'status.home' })}</a>
        </p>`;
  }
}
