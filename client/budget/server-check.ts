/**
 * The server's check, shown beside the live totals: when it last checked, what it found, and
 * whether its totals agree with the ones on screen. The two differ for a moment while edits
 * travel (or while this page is offline); the words say so calmly instead of raising an alarm.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Consolidation } from '../../shared/budget/consolidate';
import type { ProgrammeReport } from '../../shared/schemas/programme-report';
import { formatExactEuros, formatTime } from '../i18n/format';
import { workspacePath } from '../routing/routes';
import type { ServerCheck } from './server-check-controller';

/** True when the server's totals are the ones computed here, funder by funder and year by year. */
export function agreesWithServer(report: ProgrammeReport, local: Consolidation): boolean {
  if (report.totalCents !== local.totalCents || report.invalidLines.length !== local.invalidLines.length) return false;
  if (report.byYear.length !== local.byYear.size || report.byAxis.length !== local.byAxis.size) return false;
  if (report.byYear.some(({ year, cents }) => local.byYear.get(year) !== cents)) return false;
  return report.byAxis.every(({ axisId, cents }) => local.byAxis.get(axisId) === cents);
}

/** What the server check is drawn from. */
export interface ServerCheckInput {
  workspaceId: string;
  check: ServerCheck;
  local: Consolidation;
  /** True once the server's totals have differed from the local ones for a while (not just while an edit travels). */
  isDifferenceLasting: boolean;
  /** How a sheet is named for people ("1.2 Title"). */
  sheetName: (sheetId: string) => string;
  onRetry: () => void;
}

function problemsSummary({ workspaceId, sheetName }: ServerCheckInput, report: ProgrammeReport): TemplateResult {
  const count = report.problems.length;
  if (count === 0) return html`<span class="state state--ok">${msg('Aucun problème relevé', { id: 'budget.server.noProblem' })}</span>`;
  return html`<details class="budget-server__problems">
    <summary>
      <span class="state state--warning">${count === 1 ? msg('1 problème relevé dans les fiches', { id: 'budget.server.problemOne' }) : msg(str`${count} problèmes relevés dans les fiches`, { id: 'budget.server.problems' })}</span>
    </summary>
    <ul>
      ${report.problems.map(
        (problem) =>
          html`<li>${problem.sheetId === undefined ? nothing : html`<a href=${workspacePath(workspaceId, 'sheet', problem.sheetId)}>${sheetName(problem.sheetId)}</a> : `}${problem.message}</li>`,
      )}
    </ul>
  </details>`;
}

function reportBody(input: ServerCheckInput, report: ProgrammeReport): TemplateResult {
  const local = input.local;
  return html`<p class="budget-server__time" data-testid="budget-server-time">
      ${msg(str`Vérifié par le serveur à ${formatTime(report.checkedAt)}`, { id: 'budget.server.checkedAt' })} · ${problemsSummary(input, report)}
    </p>
    ${!input.isDifferenceLasting || agreesWithServer(report, local)
      ? nothing
      : html`<p class="budget-server__differs" data-testid="budget-server-differs">
          ${msg(
            str`Le serveur n’a pas encore vu toutes les modifications : son total est de ${formatExactEuros(report.totalCents)}, celui affiché ici de ${formatExactEuros(local.totalCents)}. Les deux se rejoindront dès la synchronisation terminée.`,
            { id: 'budget.server.differs' },
          )}
        </p>`}`;
}

/** The server's check, in a few words. */
export function renderServerCheck(input: ServerCheckInput): TemplateResult {
  const check = input.check;
  let body: TemplateResult;
  if (check.status === 'loading') body = html`<p class="budget-server__time">${msg('Vérification par le serveur…', { id: 'budget.server.loading' })}</p>`;
  else if (check.status === 'ready') body = reportBody(input, check.report);
  else {
    body = html`${check.report === null ? nothing : reportBody(input, check.report)}
      <div class="notice notice--error budget-server__error">
        <p>${msg('La vérification du serveur n’a pas pu être chargée. Les totaux ci-dessous restent calculés en direct sur votre poste.', { id: 'budget.server.failed' })} ${check.message}</p>
        <button type="button" @click=${input.onRetry}>${msg('Réessayer', { id: 'budget.server.retry' })}</button>
      </div>`;
  }
  return html`<section class="budget-server" aria-labelledby="budget-server-title">
    <h2 id="budget-server-title" class="visually-hidden">${msg('Vérification par le serveur', { id: 'budget.server.title' })}</h2>
    ${body}
  </section>`;
}
