/**
 * The financing lines left out of the totals, said plainly: how many, and for each one its sheet
 * (a link to fix it) and the reason in words. Totals skip these lines; this is where people learn
 * that they do, and why.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { InvalidLine } from '../../shared/budget/consolidate';
import type { ProgrammeView } from '../../shared/programme/read';
import { workspacePath } from '../routing/routes';
import { describeExcludedCount, describeInvalidReason } from './budget-words';

/** The notice listing excluded lines, or nothing when every line counts. */
export function renderExcludedLines(workspaceId: string, programme: ProgrammeView, lines: readonly InvalidLine[]): TemplateResult | typeof nothing {
  if (lines.length === 0) return nothing;
  return html`<section class="notice notice--warning budget-excluded" aria-labelledby="budget-excluded-title" data-testid="budget-excluded">
    <h2 id="budget-excluded-title" class="notice__title">${describeExcludedCount(lines.length)}</h2>
    <p>${msg('Ces lignes de financement ne sont pas lisibles : elles ne comptent dans aucun total tant qu’elles ne sont pas corrigées dans leur fiche.', { id: 'budget.invalid.intro' })}</p>
    <ul>
      ${lines.map((line) => {
        const sheet = programme.sheets.get(line.sheetId);
        const name = sheet === undefined ? line.sheetId : sheet.title.trim() === '' ? msg(str`Fiche ${sheet.number}`, { id: 'budget.invalid.sheetNumber' }) : `${sheet.number} ${sheet.title}`;
        return html`<li><a href=${workspacePath(workspaceId, 'sheet', line.sheetId)}>${name}</a> : ${describeInvalidReason(line.reason)}</li>`;
      })}
    </ul>
  </section>`;
}
