/**
 * The import's line-by-line validation report, as a light-DOM template: the file's problems, a
 * summary (what would be created, how many errors and warnings), and an accessible table where
 * each line's state is a word (with a shape) and its messages say what to fix.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { ImportLineReport, ImportReport } from '../../shared/schemas/imports';
import { formatCount } from '../i18n/format';
import { controlChecked } from '../ui/dom';

function stateName(status: ImportLineReport['status']): string {
  switch (status) {
    case 'ok':
      return msg('Prête', { id: 'import.line.ok' });
    case 'warning':
      return msg('Avertissement', { id: 'import.line.warning' });
    case 'error':
      return msg('Erreur', { id: 'import.line.error' });
  }
}

/** Renders the report; `onlyProblems` hides the lines that are ready. */
export function renderImportReport(report: ImportReport, onlyProblems: boolean, onToggle: (onlyProblems: boolean) => void): TemplateResult {
  const { summary } = report;
  const problems = summary.errors + summary.warnings;
  const lines = onlyProblems ? report.lines.filter((line) => line.status !== 'ok') : report.lines;
  // A file-level problem means no line was read: the summary would only show zeros.
  if (report.fileErrors.length > 0) {
    return html`<div class="notice notice--error" role="alert">
      <p class="notice__title">${msg('Ce fichier ne peut pas être importé :', { id: 'import.fileErrors' })}</p>
      <ul>${report.fileErrors.map((error) => html`<li>${error}</li>`)}</ul>
    </div>`;
  }
  return html`<h3>${msg('Résumé', { id: 'import.summary' })}</h3>
    <dl class="facts import-summary">
      <dt>${msg('Lignes lues', { id: 'import.summary.lines' })}</dt><dd>${formatCount(summary.lines)}</dd>
      <dt>${msg('Structures à créer', { id: 'import.summary.create' })}</dt><dd>${formatCount(summary.structuresToCreate)}</dd>
      <dt>${msg('Structures déjà dans l’espace', { id: 'import.summary.reused' })}</dt><dd>${formatCount(summary.structuresReused)}</dd>
      <dt>${msg('Invitations à créer', { id: 'import.summary.invitations' })}</dt><dd>${formatCount(summary.invitations)}</dd>
      <dt>${msg('Lignes en erreur', { id: 'import.summary.errors' })}</dt>
      <dd><span class="state ${summary.errors > 0 ? 'state--error' : 'state--ok'}">${formatCount(summary.errors)}</span></dd>
      <dt>${msg('Avertissements', { id: 'import.summary.warnings' })}</dt>
      <dd><span class="state ${summary.warnings > 0 ? 'state--warning' : 'state--ok'}">${formatCount(summary.warnings)}</span></dd>
    </dl>
    <p class="hint">${msg(str`Fichier lu en ${report.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}, séparateur « ${report.delimiter} ».`, { id: 'import.encoding' })}</p>
    ${report.lines.length === 0
      ? nothing
      : html`<label class="check">
            <input type="checkbox" .checked=${onlyProblems} ?disabled=${problems === 0} @change=${(event: Event) => onToggle(controlChecked(event))} />
            ${msg(str`N’afficher que les lignes à corriger ou à vérifier (${formatCount(problems)})`, { id: 'import.onlyProblems' })}
          </label>
          <div class="table-scroll" role="region" tabindex="0" aria-labelledby="import-table-caption">
            <table class="data-table import-table">
              <caption id="import-table-caption">${msg('Vérification ligne par ligne', { id: 'import.table' })}</caption>
              <thead><tr>
                <th scope="col" class="number">${msg('Ligne', { id: 'import.col.line' })}</th>
                <th scope="col">${msg('Structure', { id: 'invitation.structure' })}</th>
                <th scope="col">${msg('Adresse e-mail', { id: 'field.email' })}</th>
                <th scope="col">${msg('État', { id: 'invitations.status' })}</th>
                <th scope="col">${msg('Messages', { id: 'import.col.messages' })}</th>
              </tr></thead>
              <tbody>
                ${lines.map(
                  (line) => html`<tr data-status=${line.status}>
                    <th scope="row" class="number">${line.line}</th>
                    <td>${line.structure || '—'}</td>
                    <td>${line.email ?? '—'}</td>
                    <td><span class="state state--${line.status}">${stateName(line.status)}</span></td>
                    <td>${line.messages.length === 0 ? '—' : html`<ul>${line.messages.map((message) => html`<li>${message}</li>`)}</ul>`}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}`;
}
