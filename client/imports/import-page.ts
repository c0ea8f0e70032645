/**
 * `<trame-import-page>`: imports structures and members from a spreadsheet's CSV file. Three
 * steps: download the template, choose a file (checked at once, line by line, writing nothing),
 * then "Importer" (all or nothing, refused while a line is in error) and copy the links.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { importLimits, type ImportReport, type ImportResult } from '../../shared/schemas/imports';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import { ProblemError } from '../api/fetch-json';
import { applyImport, previewImport, type UploadProgress } from '../api/imports';
import { importTemplatePath } from '../api/members';
import { formatCount } from '../i18n/format';
import { workspacePath } from '../routing/routes';
import { formProblem, renderFormProblem, type FormProblem } from '../ui/form-problem';
import { LightPage } from '../ui/light-page';
import { renderImportReport } from './import-report';
import { renderImportResult } from './import-result';

type Phase = 'idle' | 'checking' | 'checked' | 'importing' | 'done';

/** The import page. */
@customElement('trame-import-page')
export class ImportPage extends LightPage {
  /** The open workspace. */
  @property({ attribute: false }) view: WorkspaceView | null = null;

  @state() private file: File | null = null;
  @state() private phase: Phase = 'idle';
  @state() private progress: UploadProgress | null = null;
  @state() private report: ImportReport | null = null;
  @state() private result: ImportResult | null = null;
  @state() private problem: FormProblem | null = null;
  @state() private onlyProblems = false;
  private abort: AbortController | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (view === null) return nothing;
    const isBusy = this.phase === 'checking' || this.phase === 'importing';
    return html`<div class="page">
      <p class="breadcrumb"><a href=${workspacePath(view.id, 'members')}>← ${msg('Membres', { id: 'nav.members' })}</a></p>
      <h1>${msg('Importer des membres', { id: 'nav.import' })}</h1>
      <p class="lead">${msg('Ajoutez d’un coup les structures d’un réseau et les personnes à inviter, depuis un tableur. Rien n’est enregistré avant que vous cliquiez sur « Importer », et un fichier avec une seule ligne en erreur n’importe rien.', { id: 'import.intro' })}</p>
      <section class="card" aria-labelledby="import-step-template">
        <h2 id="import-step-template">${msg('1. Partir du modèle', { id: 'import.step.template' })}</h2>
        <p>${msg('Colonnes : structure et réseau (obligatoires), ville, département, e-mail, nom, rôle, représentant (oui ou non). Enregistrez au format CSV (UTF-8 ou celui d’Excel), séparé par des virgules ou des points-virgules.', { id: 'import.template.body' })}</p>
        <a class="button" href=${importTemplatePath(view.id)} download>${msg('Télécharger le modèle (CSV)', { id: 'import.template.download' })}</a>
      </section>
      <section class="card" aria-labelledby="import-step-file" aria-busy=${String(isBusy)}>
        <h2 id="import-step-file">${msg('2. Choisir le fichier et le vérifier', { id: 'import.step.file' })}</h2>
        <div class="field file-picker">
          <input id="import-file" class="file-picker__input" type="file" accept=".csv,text/csv" aria-describedby="import-file-name import-file-hint" ?disabled=${isBusy} @change=${this.handleFile} />
          <label for="import-file" class="button">${msg('Choisir le fichier CSV…', { id: 'import.file' })}</label>
          <p id="import-file-name" class="file-picker__name">${this.file?.name ?? msg('Aucun fichier choisi.', { id: 'import.file.none' })}</p>
          <p id="import-file-hint" class="hint">${msg(str`${formatCount(importLimits.maxLines)} lignes et 2 Mio au plus. Le fichier est vérifié dès que vous le choisissez.`, { id: 'import.file.hint' })}</p>
        </div>
        ${this.renderProgress()}
        ${renderFormProblem(this.problem, 'import-problem')}
        ${this.report === null || this.phase === 'checking' ? nothing : renderImportReport(this.report, this.onlyProblems, (only) => (this.onlyProblems = only))}
      </section>
      <section class="card" aria-labelledby="import-step-apply">
        <h2 id="import-step-apply">${msg('3. Importer', { id: 'import.step.apply' })}</h2>
        ${this.phase === 'done' && this.result !== null ? this.renderDone(this.result) : this.renderApply()}
      </section>
    </div>`;
  }

  private renderProgress(): TemplateResult | typeof nothing {
    const progress = this.progress;
    if (progress === null || (this.phase !== 'checking' && this.phase !== 'importing')) return nothing;
    const percent = progress.phase === 'sending' ? Math.round(progress.ratio * 100) : null;
    const label =
      percent !== null
        ? msg(str`Envoi du fichier… ${percent} %`, { id: 'import.progress.sending' })
        : this.phase === 'checking'
          ? msg('Vérification des lignes…', { id: 'import.progress.checking' })
          : msg('Import en cours…', { id: 'import.progress.importing' });
    return html`<div class="import-progress">
      <progress id="import-progress" max="100" .value=${percent ?? 100} aria-labelledby="import-progress-label"></progress>
      <p id="import-progress-label" role="status">${label}</p>
    </div>`;
  }

  private renderApply(): TemplateResult {
    const report = this.report;
    const blockedReason =
      report === null
        ? msg('Choisissez d’abord un fichier : il sera vérifié avant tout import.', { id: 'import.blocked.noFile' })
        : report.fileErrors.length > 0
          ? msg('Le fichier lui-même pose problème (voir plus haut) : corrigez-le, puis choisissez-le à nouveau.', { id: 'import.blocked.file' })
          : report.summary.errors > 0
            ? msg(str`${report.summary.errors} ligne(s) en erreur : corrigez-les dans votre tableur, enregistrez, puis choisissez le fichier à nouveau. Rien n’est importé tant qu’une ligne est en erreur.`, { id: 'import.blocked.errors' })
            : report.summary.lines === 0
              ? msg('Ce fichier ne contient aucune ligne à importer.', { id: 'import.blocked.empty' })
              : null;
    const isBusy = this.phase === 'checking' || this.phase === 'importing';
    return html`${blockedReason === null
        ? html`<p>${msg(str`Prêt à importer. Structures à créer : ${report?.summary.structuresToCreate ?? 0} ; invitations à préparer : ${report?.summary.invitations ?? 0}.`, { id: 'import.ready' })}</p>`
        : html`<p id="import-blocked">${blockedReason}</p>`}
      <button type="button" class="primary" data-testid="import-apply" ?disabled=${blockedReason !== null || isBusy}
        aria-describedby=${blockedReason === null ? nothing : 'import-blocked'} @click=${this.handleApply}>
        ${msg('Importer', { id: 'import.apply' })}
      </button>`;
  }

  private renderDone(result: ImportResult): TemplateResult {
    return html`${renderImportResult(result, location.origin)}
      <p><button type="button" @click=${this.reset}>${msg('Importer un autre fichier', { id: 'import.again' })}</button></p>`;
  }

  private readonly handleFile = (event: Event): void => {
    const input = event.target instanceof HTMLInputElement ? event.target : null;
    const file = input?.files?.[0] ?? null;
    this.file = file;
    this.report = null;
    this.result = null;
    this.problem = null;
    this.onlyProblems = false;
    if (file === null) {
      this.phase = 'idle';
      return;
    }
    if (file.size > importLimits.maxBytes) {
      this.phase = 'idle';
      this.problem = { title: msg('Ce fichier est trop volumineux (2 Mio au plus). Découpez-le en plusieurs fichiers.', { id: 'import.tooLarge' }), detail: null, fields: {} };
      return;
    }
    void this.send('checking', file);
  };

  private readonly handleApply = (): void => {
    if (this.file !== null) void this.send('importing', this.file);
  };

  private readonly reset = (): void => {
    this.file = null;
    this.report = this.result = this.problem = null;
    this.phase = 'idle';
    const input = this.querySelector<HTMLInputElement>('#import-file');
    if (input !== null) {
      input.value = '';
      input.focus();
    }
  };

  private async send(phase: 'checking' | 'importing', file: File): Promise<void> {
    const view = this.view;
    if (view === null) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.phase = phase;
    this.progress = { phase: 'sending', ratio: 0 };
    const onProgress = (progress: UploadProgress): void => {
      this.progress = progress;
    };
    try {
      if (phase === 'checking') {
        this.report = await previewImport(view.id, file, onProgress, abort.signal);
        this.onlyProblems = this.report.summary.errors + this.report.summary.warnings > 0 && this.report.lines.length > 50;
        this.phase = 'checked';
      } else {
        this.result = await applyImport(view.id, file, onProgress, abort.signal);
        this.report = this.result.report;
        this.phase = 'done';
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      this.problem = formProblem(error);
      // A refused import sends its report along: show which lines are wrong.
      const report = error instanceof ProblemError ? error.body['report'] : undefined;
      if (typeof report === 'object' && report !== null) this.report = report as ImportReport; // the server's ImportReport
      this.phase = this.report === null ? 'idle' : 'checked';
    } finally {
      this.progress = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-import-page': ImportPage;
  }
}
