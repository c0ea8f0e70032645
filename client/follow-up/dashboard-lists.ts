/**
 * The dashboard's lists: the headline figures, late actions, the latest evaluations and every
 * action with its state — each action linking to its own follow-up page.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Dashboard } from '../../shared/follow-up/dashboard';
import { assessments } from '../../shared/schemas/follow-up';
import { formatEuros } from '../i18n/format';
import { workspacePath } from '../routing/routes';
import { assessmentName, formatDay, lateText, statusName } from './follow-up-words';

/** Headline figures of the whole programme. */
export function renderTotals(dashboard: Dashboard): TemplateResult {
  const { totals } = dashboard;
  return html`<dl class="follow-up-totals">
    <div>
      <dt>${msg('Actions réalisées', { id: 'followUp.totals.done' })}</dt>
      <dd>${totals.percentDone === null ? '—' : `${totals.percentDone} %`}<span class="hint">${msg(str`${totals.byStatus.done} sur ${totals.sheetCount - totals.byStatus.abandoned}`, { id: 'followUp.totals.doneOf' })}</span></dd>
    </div>
    <div>
      <dt>${msg('Prévu', { id: 'followUp.col.planned' })}</dt>
      <dd>${formatEuros(totals.plannedCents)}</dd>
    </div>
    <div>
      <dt>${msg('Engagé', { id: 'followUp.col.committed' })}</dt>
      <dd>${formatEuros(totals.committedCents)}</dd>
    </div>
    <div>
      <dt>${msg('Dépensé', { id: 'followUp.col.spent' })}</dt>
      <dd>${formatEuros(totals.spentCents)}</dd>
    </div>
    <div>
      <dt>${msg('Actions en retard', { id: 'followUp.totals.late' })}</dt>
      <dd>${dashboard.late.length}</dd>
    </div>
  </dl>`;
}

/** Actions whose end (or start) has passed without being done (or started). */
export function renderLateActions(dashboard: Dashboard, workspaceId: string): TemplateResult {
  return html`<section class="card" aria-labelledby="late-title">
    <h2 id="late-title">${msg('Actions en retard', { id: 'followUp.totals.late' })}</h2>
    ${dashboard.late.length === 0
      ? html`<p>${msg('Aucune action n’est en retard : chaque action dont la date de fin est passée est réalisée ou abandonnée.', { id: 'followUp.late.none' })}</p>`
      : html`<ul class="late-list">
          ${dashboard.late.map(
            (late) => html`<li>
              <a href=${workspacePath(workspaceId, 'follow-up-sheet', late.sheetId)}>${late.number} ${late.title || msg('Fiche sans titre', { id: 'followUp.untitled' })}</a>
              <span class="state state--warning">${lateText(late.kind, late.daysLate)}</span>
              <span class="hint"
                >${late.kind === 'end-passed'
                  ? msg(str`Fin prévue le ${formatDay(late.dueDate)} · ${statusName(late.status)}`, { id: 'followUp.late.endDate' })
                  : msg(str`Début prévu le ${formatDay(late.dueDate)} · ${statusName(late.status)}`, { id: 'followUp.late.startDate' })}</span
              >
            </li>`,
          )}
        </ul>`}
  </section>`;
}

/** The latest evaluation of each evaluated action, and how many of each assessment. */
export function renderLatestEvaluations(dashboard: Dashboard, workspaceId: string): TemplateResult {
  const title = msg('Dernières évaluations du comité de pilotage', { id: 'followUp.evaluations.title' });
  return html`<section class="card" aria-labelledby="evaluations-title">
    <h2 id="evaluations-title">${title}</h2>
    ${dashboard.latestEvaluations.length === 0
      ? html`<p>${msg('Aucune action n’a encore été évaluée. Le comité de pilotage évalue chaque action depuis sa page de suivi.', { id: 'followUp.evaluations.none' })}</p>`
      : html`<ul class="assessment-counts" aria-label=${msg('Appréciations', { id: 'followUp.evaluations.counts' })}>
            ${assessments.map((assessment) => html`<li><span class="assessment assessment--${assessment}">${assessmentName(assessment)}</span> ${dashboard.assessmentCounts[assessment]}</li>`)}
          </ul>
          <div class="table-scroll" tabindex="0" role="region" aria-label=${title}>
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">${msg('Action', { id: 'followUp.col.action' })}</th>
                  <th scope="col">${msg('Période', { id: 'followUp.col.period' })}</th>
                  <th scope="col">${msg('Appréciation', { id: 'followUp.col.assessment' })}</th>
                  <th scope="col">${msg('Recommandation', { id: 'followUp.col.recommendation' })}</th>
                </tr>
              </thead>
              <tbody>
                ${dashboard.latestEvaluations.map(
                  (evaluation) => html`<tr>
                    <th scope="row"><a href=${workspacePath(workspaceId, 'follow-up-sheet', evaluation.sheetId)}>${evaluation.number} ${evaluation.title}</a></th>
                    <td>${evaluation.period}</td>
                    <td><span class="assessment assessment--${evaluation.assessment}">${assessmentName(evaluation.assessment)}</span></td>
                    <td>${evaluation.recommendation === '' ? '—' : evaluation.recommendation}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
  </section>`;
}

/** Every action, in programme order, with its state and money. */
export function renderActionTable(dashboard: Dashboard, workspaceId: string): TemplateResult {
  const title = msg('Toutes les actions', { id: 'followUp.actions.title' });
  return html`<section aria-labelledby="actions-title">
    <h2 id="actions-title">${title}</h2>
    ${dashboard.rows.length === 0
      ? html`<p>${msg('Le programme ne compte aucune fiche action.', { id: 'followUp.actions.none' })}</p>`
      : html`<div class="table-scroll" tabindex="0" role="region" aria-label=${title}>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">${msg('Action', { id: 'followUp.col.action' })}</th>
                <th scope="col">${msg('État', { id: 'followUp.col.status' })}</th>
                <th scope="col">${msg('Fin prévue', { id: 'followUp.col.end' })}</th>
                <th scope="col" class="number">${msg('Prévu', { id: 'followUp.col.planned' })}</th>
                <th scope="col" class="number">${msg('Engagé', { id: 'followUp.col.committed' })}</th>
                <th scope="col" class="number">${msg('Dépensé', { id: 'followUp.col.spent' })}</th>
              </tr>
            </thead>
            <tbody>
              ${dashboard.rows.map(
                (row) => html`<tr>
                  <th scope="row"><a href=${workspacePath(workspaceId, 'follow-up-sheet', row.sheetId)}>${row.number} ${row.title || msg('Fiche sans titre', { id: 'followUp.untitled' })}</a></th>
                  <td><span class="status status--${row.status}">${statusName(row.status)}</span>${row.late === null ? nothing : html`<br /><span class="hint">${lateText(row.late.kind, row.late.daysLate)}</span>`}</td>
                  <td>${formatDay(row.endDate)}</td>
                  <td class="number">${formatEuros(row.plannedCents)}</td>
                  <td class="number">${formatEuros(row.committedCents)}</td>
                  <td class="number">${formatEuros(row.spentCents)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`}
  </section>`;
}
