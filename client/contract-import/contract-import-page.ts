/**
 * `<trame-contract-import-page>` (`/w/<id>/importer`): imports a Markdown or Word text into the
 * contract. Three steps: choose the file (sent at once, converted by the server, nothing written),
 * check the preview (the text as the contract would show it, what it holds, what could not be
 * kept), then choose where it goes — end or start of the contract, after one of its sections, or
 * a new workspace — and "Importer". Coordination and facilitation only; nothing can be imported
 * while an adopted version freezes the contract (the page says so and why).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type * as Y from 'yjs';
import { blockText } from '../../shared/amendments/blocks';
import { can } from '../../shared/permissions';
import { formatOfFileName, importAccept, maxImportFileBytes, type ApplyImportInput, type ImportApplied, type ImportPreview } from '../../shared/rich-text/text-import';
import { formatCount } from '../i18n/format';
import type { ProgrammePageProps } from '../programme/page-props';
import { workspacePath } from '../routing/routes';
import { formProblem, renderFormProblem, type FormProblem } from '../ui/form-problem';
import { LightPage } from '../ui/light-page';
import { renderImportPreview } from './import-preview';
import { applyTextImport, uploadText, type UploadProgress } from './text-import-api';

type Phase = 'idle' | 'sending' | 'previewed' | 'importing' | 'done';
type Place = 'end' | 'start' | 'after' | 'workspace';

const megabytes = Math.round(maxImportFileBytes / (1024 * 1024));

/** Texts of the contract's headings, in order. */
function headingsOf(fragment: Y.XmlFragment | undefined): string[] {
  if (fragment === undefined) return [];
  const texts: string[] = [];
  for (const node of fragment.toArray()) {
    if ('nodeName' in node && node.nodeName === 'heading') {
      const text = blockText(node).trim();
      if (text !== '' && !texts.includes(text)) texts.push(text);
    }
  }
  return texts;
}

@customElement('trame-contract-import-page')
export class ContractImportPage extends LightPage {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  @state() private phase: Phase = 'idle';
  @state() private fileName: string | null = null;
  @state() private progress: UploadProgress | null = null;
  @state() private preview: ImportPreview | null = null;
  @state() private previewElement: HTMLElement | null = null;
  @state() private problem: FormProblem | null = null;
  @state() private place: Place = 'end';
  @state() private afterHeading = '';
  @state() private workspaceName = '';
  @state() private applied: ImportApplied | null = null;
  private abort: AbortController | null = null;
  private observed: Y.XmlFragment | null = null;
  private readonly refreshHeadings = (): void => this.requestUpdate();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.observed?.unobserveDeep(this.refreshHeadings);
    this.observed = null;
  }

  protected override updated(): void {
    const fragment = this.props?.session?.fragment ?? null;
    if (fragment === this.observed) return;
    this.observed?.unobserveDeep(this.refreshHeadings);
    fragment?.observeDeep(this.refreshHeadings);
    this.observed = fragment;
  }

  override render(): TemplateResult | typeof nothing {
    const props = this.props;
    if (props === null) return nothing;
    const view = props.view;
    const allowed = can(props.role, 'contract.import');
    const frozen = view.freeze !== null;
    return html`<div class="page contract-import">
      <p class="breadcrumb"><a href=${workspacePath(view.id)}>← ${msg('Contrat', { id: 'contractImport.back' })}</a></p>
      <h1>${msg('Importer un texte', { id: 'contractImport.title' })}</h1>
      <p class="lead">${msg('Reprenez un texte écrit ailleurs — un document Word ou un fichier Markdown — avec ses titres, ses listes, ses tableaux, le gras et l’italique. Vous voyez un aperçu avant tout import : rien n’est écrit avant que vous cliquiez sur « Importer ».', { id: 'contractImport.intro' })}</p>
      ${!allowed
        ? html`<p class="notice" role="note">${msg('Seules la coordination et l’animation peuvent importer un texte dans le contrat.', { id: 'contractImport.notAllowed' })}</p>`
        : frozen
          ? html`<div class="notice notice--warning" role="note" id="contract-import-frozen">
              <p class="notice__title">${msg('Le contrat est adopté : il est figé.', { id: 'contractImport.frozen.title' })}</p>
              <p>${msg('Aucun texte ne peut être importé tant que la version adoptée le fige. La coordination peut ouvrir un nouveau brouillon depuis la page des versions.', { id: 'contractImport.frozen.body' })}
                <a href=${workspacePath(view.id, 'versions')}>${msg('Voir les versions', { id: 'contractImport.frozen.link' })}</a></p>
            </div>`
          : this.phase === 'done' && this.applied !== null
            ? this.renderDone(this.applied)
            : html`${this.renderFileStep()} ${this.preview === null ? nothing : html`${this.renderPreview(this.preview)} ${this.renderTarget()}`}`}
    </div>`;
  }

  private renderFileStep(): TemplateResult {
    const busy = this.phase === 'sending' || this.phase === 'importing';
    return html`<section class="card" aria-labelledby="contract-import-file-title" aria-busy=${String(this.phase === 'sending')}>
      <h2 id="contract-import-file-title">${msg('1. Choisir le fichier', { id: 'contractImport.step.file' })}</h2>
      <div class="field file-picker">
        <input id="contract-import-file" class="file-picker__input" type="file" accept=${importAccept}
          aria-describedby="contract-import-file-name contract-import-file-hint" ?disabled=${busy} @change=${this.handleFile} />
        <label for="contract-import-file" class="button">${msg('Choisir un fichier…', { id: 'contractImport.file' })}</label>
        <p id="contract-import-file-name" class="file-picker__name">${this.fileName ?? msg('Aucun fichier choisi.', { id: 'contractImport.file.none' })}</p>
        <p id="contract-import-file-hint" class="hint">${msg(str`Markdown (.md, .markdown, .txt, encodé en UTF-8) ou Word (.docx), ${megabytes} Mo au plus. Les images ne sont pas reprises.`, { id: 'contractImport.file.hint' })}</p>
      </div>
      ${this.renderProgress()}
      ${this.phase === 'importing' || this.phase === 'previewed' ? nothing : renderFormProblem(this.problem, 'contract-import-problem')}
    </section>`;
  }

  private renderProgress(): TemplateResult | typeof nothing {
    const progress = this.progress;
    if (progress === null || this.phase !== 'sending') return nothing;
    const percent = progress.phase === 'sending' ? Math.round(progress.ratio * 100) : null;
    const label = percent !== null ? msg(str`Envoi du fichier… ${percent} %`, { id: 'contractImport.progress.sending' }) : msg('Conversion du texte…', { id: 'contractImport.progress.converting' });
    return html`<div class="contract-import__progress">
      <progress max="100" .value=${percent ?? 100} aria-labelledby="contract-import-progress-label"></progress>
      <p id="contract-import-progress-label" role="status">${label}</p>
    </div>`;
  }

  private renderPreview(preview: ImportPreview): TemplateResult {
    const { stats } = preview;
    return html`<section class="card" aria-labelledby="contract-import-preview-title">
      <h2 id="contract-import-preview-title">${msg('2. Vérifier l’aperçu', { id: 'contractImport.step.preview' })}</h2>
      <p>${msg(str`« ${preview.fileName} » contient :`, { id: 'contractImport.stats.intro' })}</p>
      <ul class="contract-import__stats">
        <li>${msg(str`${formatCount(stats.headings)} titre(s)`, { id: 'contractImport.stats.headings' })}</li>
        <li>${msg(str`${formatCount(stats.paragraphs)} paragraphe(s)`, { id: 'contractImport.stats.paragraphs' })}</li>
        <li>${msg(str`${formatCount(stats.lists)} liste(s)`, { id: 'contractImport.stats.lists' })}</li>
        <li>${msg(str`${formatCount(stats.tables)} tableau(x)`, { id: 'contractImport.stats.tables' })}</li>
        <li>${msg(str`${formatCount(stats.words)} mot(s)`, { id: 'contractImport.stats.words' })}</li>
      </ul>
      ${preview.warnings.length === 0
        ? html`<p>${msg('Tout le texte et sa mise en forme sont repris.', { id: 'contractImport.warnings.none' })}</p>`
        : html`<div class="notice notice--warning" role="note">
            <p class="notice__title">${msg('Ce qui n’est pas repris tel quel :', { id: 'contractImport.warnings.title' })}</p>
            <ul>${preview.warnings.map((warning) => html`<li>${warning}</li>`)}</ul>
          </div>`}
      <div class="contract-import__preview" role="region" tabindex="0" aria-labelledby="contract-import-preview-label">
        <p id="contract-import-preview-label" class="contract-import__preview-label">${msg('Aperçu du texte importé', { id: 'contractImport.preview.label' })}</p>
        ${this.previewElement ?? html`<p>${msg('L’aperçu ne peut pas être affiché.', { id: 'contractImport.preview.unavailable' })}</p>`}
      </div>
    </section>`;
  }

  private renderTarget(): TemplateResult {
    const headings = headingsOf(this.props?.session?.fragment);
    const busy = this.phase === 'importing';
    const radio = (value: Place, label: string, disabled = false): TemplateResult =>
      html`<label class="contract-import__choice">
        <input type="radio" name="contract-import-place" .value=${value} .checked=${this.place === value} ?disabled=${disabled || busy}
          @change=${() => (this.place = value)} />
        ${label}
      </label>`;
    return html`<section class="card" aria-labelledby="contract-import-target-title">
      <h2 id="contract-import-target-title">${msg('3. Choisir où importer', { id: 'contractImport.step.target' })}</h2>
      <form class="contract-import__form" @submit=${this.handleApply} novalidate>
        <fieldset>
          <legend>${msg('Le texte importé va…', { id: 'contractImport.target.legend' })}</legend>
          ${radio('end', msg('à la fin du contrat', { id: 'contractImport.target.end' }))}
          ${radio('start', msg('au début du contrat', { id: 'contractImport.target.start' }))}
          ${radio('after', msg('à la fin d’une section du contrat', { id: 'contractImport.target.after' }), headings.length === 0)}
          ${this.place === 'after'
            ? html`<div class="field contract-import__sub">
                <label for="contract-import-heading">${msg('Section', { id: 'contractImport.target.heading' })}</label>
                <select id="contract-import-heading" .value=${this.afterHeading} ?disabled=${busy}
                  @change=${(event: Event) => (this.afterHeading = (event.target as HTMLSelectElement).value)}>
                  ${headings.map((heading) => html`<option .value=${heading} ?selected=${heading === this.afterHeading}>${heading}</option>`)}
                </select>
              </div>`
            : nothing}
          ${radio('workspace', msg('dans un nouvel espace de travail', { id: 'contractImport.target.workspace' }))}
          ${this.place === 'workspace'
            ? html`<div class="field contract-import__sub">
                <label for="contract-import-name">${msg('Nom du nouvel espace', { id: 'contractImport.target.name' })}</label>
                <input id="contract-import-name" type="text" maxlength="200" required autocomplete="off" .value=${this.workspaceName} ?disabled=${busy}
                  aria-describedby="contract-import-name-hint${this.problem?.fields['target.name'] === undefined ? '' : ' contract-import-name-error'}"
                  aria-invalid=${this.problem?.fields['target.name'] === undefined ? 'false' : 'true'}
                  @input=${(event: Event) => (this.workspaceName = (event.target as HTMLInputElement).value)} />
                <p id="contract-import-name-hint" class="hint">${msg('Le nouvel espace reprend les réseaux et les structures de celui-ci ; vous en êtes la coordination et vous y invitez les personnes. Son enveloppe est à 0 € : à renseigner ensuite.', { id: 'contractImport.target.nameHint' })}</p>
                ${this.problem?.fields['target.name'] === undefined ? nothing : html`<p id="contract-import-name-error" class="field-error">${this.problem.fields['target.name']}</p>`}
              </div>`
            : nothing}
        </fieldset>
        ${this.phase === 'previewed' || this.phase === 'importing' ? renderFormProblem(this.problem, 'contract-import-apply-problem') : nothing}
        <p class="contract-import__actions">
          <button type="submit" class="primary" ?disabled=${busy}>${busy ? msg('Import en cours…', { id: 'contractImport.applying' }) : msg('Importer', { id: 'contractImport.apply' })}</button>
        </p>
      </form>
    </section>`;
  }

  private renderDone(applied: ImportApplied): TemplateResult {
    const blocks = formatCount(applied.blocks);
    return html`<section class="card" aria-labelledby="contract-import-done-title">
      <h2 id="contract-import-done-title" tabindex="-1">${msg('Texte importé', { id: 'contractImport.done.title' })}</h2>
      <p role="status">${applied.kind === 'workspace'
        ? msg(str`L’espace de travail « ${applied.workspaceName} » est créé avec le texte importé (${blocks} bloc(s)).`, { id: 'contractImport.done.workspace' })
        : msg(str`Le texte est ajouté au contrat (${blocks} bloc(s)). Tout le monde le voit déjà.`, { id: 'contractImport.done.section' })}</p>
      <p class="contract-import__actions">
        <a class="button primary" href=${applied.path}>${applied.kind === 'workspace' ? msg('Ouvrir le nouvel espace', { id: 'contractImport.done.openWorkspace' }) : msg('Voir le contrat', { id: 'contractImport.done.openContract' })}</a>
        <button type="button" @click=${this.reset}>${msg('Importer un autre texte', { id: 'contractImport.again' })}</button>
      </p>
    </section>`;
  }

  private readonly handleFile = (event: Event): void => {
    const input = event.target instanceof HTMLInputElement ? event.target : null;
    const file = input?.files?.[0] ?? null;
    this.abort?.abort();
    this.preview = null;
    this.previewElement = null;
    this.problem = null;
    this.fileName = file?.name ?? null;
    if (file === null || this.props === null) {
      this.phase = 'idle';
      return;
    }
    const format = formatOfFileName(file.name);
    if (format === undefined) {
      this.phase = 'idle';
      this.problem = { title: msg('Ce format de fichier n’est pas pris en charge.', { id: 'contractImport.unknownFormat' }), detail: msg('Importez un fichier Markdown (.md, .markdown, .txt) ou un document Word (.docx).', { id: 'contractImport.unknownFormat.detail' }), fields: {} };
      void this.focusProblem('contract-import-problem');
      return;
    }
    if (file.size > maxImportFileBytes) {
      this.phase = 'idle';
      this.problem = { title: msg('Le fichier est trop volumineux.', { id: 'contractImport.tooLarge' }), detail: msg(str`La limite est de ${megabytes} Mo par fichier. Retirez les images ou découpez le document.`, { id: 'contractImport.tooLarge.detail' }), fields: {} };
      void this.focusProblem('contract-import-problem');
      return;
    }
    void this.send(file, format);
  };

  private async send(file: File, format: 'md' | 'docx'): Promise<void> {
    const workspaceId = this.props?.view.id;
    if (workspaceId === undefined) return;
    const abort = new AbortController();
    this.abort = abort;
    this.phase = 'sending';
    this.progress = { phase: 'sending', ratio: 0 };
    try {
      const preview = await uploadText(workspaceId, file, file.name, format, (progress) => (this.progress = progress), abort.signal);
      this.preview = preview;
      this.previewElement = renderImportPreview(preview.doc);
      this.phase = 'previewed';
      const headings = headingsOf(this.props?.session?.fragment);
      if (this.afterHeading === '' || !headings.includes(this.afterHeading)) this.afterHeading = headings[0] ?? '';
      if (this.workspaceName === '') this.workspaceName = file.name.replace(/\.[^.]+$/, '');
      await this.updateComplete;
      this.querySelector<HTMLElement>('#contract-import-preview-title')?.setAttribute('tabindex', '-1');
      this.querySelector<HTMLElement>('#contract-import-preview-title')?.focus();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.phase = 'idle';
      this.problem = formProblem(error);
      void this.focusProblem('contract-import-problem');
    } finally {
      this.progress = null;
    }
  }

  private readonly handleApply = async (event: Event): Promise<void> => {
    event.preventDefault();
    const props = this.props;
    const preview = this.preview;
    if (props === null || preview === null || this.phase === 'importing') return;
    let target: ApplyImportInput['target'];
    if (this.place === 'workspace') {
      if (this.workspaceName.trim() === '') {
        this.problem = { title: msg('Certains champs sont à corriger.', { id: 'contractImport.invalid' }), detail: null, fields: { 'target.name': msg('Donnez un nom au nouvel espace de travail.', { id: 'contractImport.nameMissing' }) } };
        await this.updateComplete;
        this.querySelector<HTMLInputElement>('#contract-import-name')?.focus();
        return;
      }
      target = { kind: 'workspace', name: this.workspaceName.trim() };
    } else {
      target = { kind: 'section', position: this.place === 'after' ? { afterHeading: this.afterHeading } : this.place };
    }
    this.phase = 'importing';
    this.problem = null;
    try {
      this.applied = await applyTextImport(props.view.id, preview.previewId, target);
      this.phase = 'done';
      await this.updateComplete;
      this.querySelector<HTMLElement>('#contract-import-done-title')?.focus();
    } catch (error) {
      this.phase = 'previewed';
      this.problem = formProblem(error);
      void this.focusProblem('contract-import-apply-problem');
    }
  };

  private readonly reset = (): void => {
    this.phase = 'idle';
    this.preview = null;
    this.previewElement = null;
    this.applied = null;
    this.problem = null;
    this.fileName = null;
    void this.updateComplete.then(() => this.querySelector<HTMLInputElement>('#contract-import-file')?.focus());
  };

  private async focusProblem(id: string): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#${id}`)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-contract-import-page': ContractImportPage;
  }
}
