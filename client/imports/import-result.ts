/**
 * What an import created, as a light-DOM template: the counts, and every invitation link (shown
 * once) as a table and as CSV text to copy into a spreadsheet or a mail merge.
 */
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { ImportResult } from '../../shared/schemas/imports';
import { formatCount } from '../i18n/format';
import '../ui/copy-button';

/** The links as CSV text (semicolon-separated, for French spreadsheets). */
export function invitationsCsv(result: ImportResult, origin: string): string {
  return ['email;lien', ...result.invitations.map(({ email, linkPath }) => `${email};${origin}${linkPath}`)].join('\r\n');
}

/** Renders the result. */
export function renderImportResult(result: ImportResult, origin: string): TemplateResult {
  const csv = invitationsCsv(result, origin);
  return html`<div class="notice notice--success">
      <p class="notice__title">${msg('Import terminé.', { id: 'import.done' })}</p>
      <p>${msg(str`Structures créées : ${formatCount(result.report.summary.structuresToCreate)}. Invitations préparées : ${formatCount(result.invitations.length)}.`, { id: 'import.done.counts' })}</p>
      <p>${result.emailed > 0
        ? msg(str`Invitations envoyées par e-mail : ${formatCount(result.emailed)}.`, { id: 'import.emailed' })
        : msg('Aucune invitation n’a été envoyée par e-mail : transmettez les liens ci-dessous (chacun est personnel, valable 14 jours, utilisable une seule fois). Ils ne seront plus affichés : copiez-les maintenant.', { id: 'import.notEmailed' })}</p>
    </div>
    ${result.invitations.length === 0
      ? html`<p>${msg('Aucune invitation à transmettre.', { id: 'import.noInvitations' })}</p>`
      : html`<div class="field">
            <label for="import-links-csv">${msg('Toutes les invitations, au format CSV (e-mail ; lien)', { id: 'import.links.csv' })}</label>
            <textarea id="import-links-csv" readonly rows=${Math.min(10, result.invitations.length + 1)} .value=${csv}></textarea>
          </div>
          <trame-copy-button .text=${csv} .label=${msg('Copier toutes les invitations (CSV)', { id: 'import.links.copy' })}
            .confirmation=${msg('Invitations copiées dans le presse-papiers.', { id: 'import.links.copied' })}></trame-copy-button>
          <div class="table-scroll" role="region" tabindex="0" aria-labelledby="import-links-caption">
            <table class="data-table">
              <caption id="import-links-caption">${msg('Liens d’invitation', { id: 'import.links' })}</caption>
              <thead><tr><th scope="col">${msg('Adresse e-mail', { id: 'field.email' })}</th><th scope="col">${msg('Lien', { id: 'import.links.link' })}</th></tr></thead>
              <tbody>${result.invitations.map(({ email, linkPath }) => html`<tr><th scope="row">${email}</th><td class="link-cell">${origin}${linkPath}</td></tr>`)}</tbody>
            </table>
          </div>`}`;
}
