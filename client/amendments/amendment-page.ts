/**
 * `<trame-amendment-page>`: one amendment. While it is open, its signatories (and the facilitation
 * and coordination) co-edit its draft live with the contract's editor; everyone sees, live, the
 * word-level diff of what it would change in the current text, and whether the text changed since
 * the proposal (applied directly, rebased onto those changes, or in conflict: both versions side
 * by side, acceptance blocked until its authors "Reprendre le texte actuel"). Actions follow the
 * person's role and part in it: co-sign, submit, withdraw; open the discussion, accept, reject
 * with a reason, undo an acceptance. The decision is kept with the authors it credits.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type * as Y from 'yjs';
import { textsOf } from '../../shared/amendments/blocks';
import { diffBlocks, type DiffBlock } from '../../shared/amendments/diff';
import { draftTitle, readDraft } from '../../shared/amendments/draft';
import { rebase, resolveRefs, type RebaseResult } from '../../shared/amendments/rebase';
import { locateTarget, targetProblemTitles } from '../../shared/amendments/target';
import { can } from '../../shared/permissions';
import { SocketEvent } from '../../shared/protocol';
import { isOpenAmendment } from '../../shared/schemas/amendments';
import { describeError } from '../api/fetch-json';
import type { ProgrammePageProps } from '../programme/page-props';
import { bindYText } from '../programme/y-text-binding';
import { workspacePath } from '../routing/routes';
import { describeIdentity } from '../shell/identity';
import { LightPage } from '../ui/light-page';
import { actOnAmendment, editAmendment, fetchAmendment, type AmendmentAction, type AmendmentView } from './amendments-api';
import { signatoryWords, stateWords, targetWords } from './amendment-words';
import { DraftSessionController } from './draft-session-controller';
import './amendment-diff';
import '../programme/sheet-rich-text';

/** How the amendment stands against the current text. */
type Standing =
  | { kind: 'missing'; title: string }
  | { kind: 'new-sheet'; diff: DiffBlock[] }
  | { kind: 'compared'; result: RebaseResult; diff: DiffBlock[]; ownDiff: DiffBlock[] };

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

@customElement('trame-amendment-page')
export class AmendmentPage extends LightPage {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  @state() private amendment: AmendmentView | null = null;
  @state() private problem: string | null = null;
  @state() private actionProblem: string | null = null;
  @state() private notice: string | null = null;
  @state() private isBusy = false;
  @state() private isRejecting = false;
  @state() private isEditing = false;
  private readonly draft = new DraftSessionController(this);
  private loadedKey: string | null = null;
  private unsubscribe: (() => void) | null = null;
  private watchedDoc: Y.Doc | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.loadedKey = null;
    this.watch(null);
  }

  protected override willUpdate(): void {
    const props = this.props;
    if (props === null) return;
    const key = `${props.view.id}/${props.itemId ?? ''}`;
    if (key !== this.loadedKey) {
      this.loadedKey = key;
      this.amendment = null;
      this.problem = null;
      this.unsubscribe?.();
      this.unsubscribe = props.listen(SocketEvent.amendmentsChanged, ({ workspaceId }) => {
        if (workspaceId === props.view.id) void this.load();
      });
      void this.load();
    }
    // The diff follows the live contract: re-render on each of its changes.
    this.watch(props.session?.doc ?? null);
    const user = describeIdentity(props.me, props.view).awareness;
    this.draft.open(this.amendment?.draftDocument ?? null, user);
  }

  private watch(doc: Y.Doc | null): void {
    if (doc === this.watchedDoc) return;
    this.watchedDoc?.off('update', this.handleContractUpdate);
    this.watchedDoc = doc;
    doc?.on('update', this.handleContractUpdate);
  }

  private readonly handleContractUpdate = (): void => this.requestUpdate();

  private async load(): Promise<void> {
    const props = this.props;
    if (props === null || props.itemId === undefined) return;
    try {
      this.amendment = await fetchAmendment(props.view.id, props.itemId);
      this.problem = null;
    } catch (error) {
      this.problem = describeError(error);
    }
  }

  override render(): TemplateResult {
    const props = this.props;
    if (props === null) return html``;
    const back = html`<p class="breadcrumb"><a href=${workspacePath(props.view.id, 'amendments')}>${msg('Amendements', { id: 'amendments.title' })}</a></p>`;
    if (this.problem !== null) {
      return html`<div class="page amendment-page">${back}<h1>${msg('Amendement introuvable', { id: 'amendment.missing' })}</h1><p class="notice notice--error" role="alert">${this.problem}</p></div>`;
    }
    const a = this.amendment;
    if (a === null) return html`<div class="page amendment-page">${back}<h1>${msg('Amendement', { id: 'amendment.title' })}</h1><p class="hint">${msg('Chargement…', { id: 'amendment.loading' })}</p></div>`;
    const standing = this.standing(props, a);
    const isSignatory = a.authors.some((author) => author.personId === props.me.id);
    const mayEdit = isOpenAmendment(a.state) && can(props.role, 'amendments.propose') && (isSignatory || can(props.role, 'amendments.decide'));
    return html`<div class="page amendment-page">
      ${back}
      <div class="page-header">
        <h1>${msg(str`Amendement n° ${a.number}`, { id: 'amendments.number' })} — ${a.title}</h1>
      </div>
      <p class="amendment-card__meta">
        <span class="amendment-state amendment-state--${a.state}">${stateWords(a.state)}</span>
        <span>${targetWords(a.target, props.programme?.programme ?? null)}</span>
      </p>
      ${this.notice === null ? nothing : html`<p class="notice notice--success" role="status">${this.notice}</p>`}
      ${this.actionProblem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.actionProblem}</p>`}
      ${this.renderSignatories(a)} ${this.renderMotive(props, a, mayEdit)} ${this.renderStanding(props, a, standing, mayEdit)}
      ${this.renderDiff(standing)} ${mayEdit ? this.renderEditor(a) : nothing} ${this.renderActions(props, a, standing, isSignatory)} ${this.renderDecision(a)}
      ${this.renderHistory(a)}
    </div>`;
  }

  private standing(props: ProgrammePageProps, a: AmendmentView): Standing | null {
    const draftSession = this.draft.session;
    const contract = props.session?.doc;
    if (draftSession === null || !this.draft.synced || contract === undefined || !props.loaded) return null;
    const draft = readDraft(draftSession.doc);
    if (a.target.kind === 'new-sheet') return { kind: 'new-sheet', diff: diffBlocks([], [draft.title, ...draft.texts]) };
    if (a.state === 'accepted') {
      // Applied: show what the acceptance changed, as recorded.
      return { kind: 'compared', result: rebase(a.base, draft.texts, a.base), diff: diffBlocks(a.base, draft.texts), ownDiff: [] };
    }
    const located = locateTarget(contract, a.target);
    if (!located.ok) return { kind: 'missing', title: targetProblemTitles[located.problem] };
    const current = textsOf(located.target.blocks);
    const result = rebase(a.base, draft.texts, current);
    const merged = resolveRefs(result.status === 'conflict' ? result.mergedKeepingCurrent : result.merged, draft.texts, current);
    return { kind: 'compared', result, diff: diffBlocks(current, merged), ownDiff: diffBlocks(a.base, draft.texts) };
  }

  private renderSignatories(a: AmendmentView): TemplateResult {
    return html`<section class="amendment-section" aria-labelledby="amendment-signatories-title">
      <h2 id="amendment-signatories-title">${msg('Signataires', { id: 'amendment.signatories' })}</h2>
      <ul class="amendment-signatories">
        ${a.authors.map(
          (author) => html`<li>
            <strong>${signatoryWords(author)}</strong> —
            ${author.role === 'author' ? msg('auteur·e', { id: 'amendment.role.author' }) : msg('cosignataire', { id: 'amendment.role.cosigner' })},
            <time datetime=${author.at}>${dateFormat.format(new Date(author.at))}</time>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderMotive(props: ProgrammePageProps, a: AmendmentView, mayEdit: boolean): TemplateResult {
    if (this.isEditing) {
      return html`<section class="amendment-section card" aria-labelledby="amendment-edit-title">
        <h2 id="amendment-edit-title">${msg('Titre et exposé des motifs', { id: 'amendment.editTitle' })}</h2>
        <form class="form" @submit=${(event: SubmitEvent) => void this.saveEdit(event, props, a)}>
          <div class="field">
            <label for="amendment-edit-title-input">${msg('Titre de l’amendement', { id: 'amendments.form.title' })}</label>
            <input id="amendment-edit-title-input" name="title" maxlength="200" .value=${a.title} required />
          </div>
          <div class="field">
            <label for="amendment-edit-motive">${msg('Exposé des motifs', { id: 'amendments.form.motive' })}</label>
            <textarea id="amendment-edit-motive" name="motive" rows="4" maxlength="10000" .value=${a.motive}></textarea>
          </div>
          <div class="form-actions">
            <button type="submit" class="primary" ?disabled=${this.isBusy}>${msg('Enregistrer', { id: 'amendment.save' })}</button>
            <button type="button" @click=${() => (this.isEditing = false)}>${msg('Annuler', { id: 'common.cancel' })}</button>
          </div>
        </form>
      </section>`;
    }
    return html`<section class="amendment-section" aria-labelledby="amendment-motive-title">
      <h2 id="amendment-motive-title">${msg('Exposé des motifs', { id: 'amendments.form.motive' })}</h2>
      <p class="amendment-motive">${a.motive.trim() === '' ? msg('Aucun exposé des motifs.', { id: 'amendment.noMotive' }) : a.motive}</p>
      ${mayEdit ? html`<button type="button" @click=${() => (this.isEditing = true)}>${msg('Modifier le titre et les motifs', { id: 'amendment.edit' })}</button>` : nothing}
    </section>`;
  }

  private renderStanding(props: ProgrammePageProps, a: AmendmentView, standing: Standing | null, mayEdit: boolean): TemplateResult | typeof nothing {
    if (!isOpenAmendment(a.state) || standing === null) return nothing;
    if (standing.kind === 'missing') return html`<p class="notice notice--error">${standing.title}</p>`;
    if (standing.kind === 'new-sheet') return nothing;
    const { result } = standing;
    if (result.status === 'unchanged') {
      return html`<p class="notice">${msg('Le texte visé n’a pas changé depuis la proposition : l’amendement s’appliquera tel quel.', { id: 'amendment.standing.unchanged' })}</p>`;
    }
    if (result.status === 'rebased') {
      return html`<p class="notice">${msg('Le texte visé a changé depuis la proposition, mais pas aux endroits amendés : l’amendement s’appliquera sur le texte actuel, sans rien effacer de ces changements.', { id: 'amendment.standing.rebased' })}</p>`;
    }
    const mayRebase = mayEdit;
    return html`<section class="notice notice--warning amendment-conflict" aria-labelledby="amendment-conflict-title">
      <h2 id="amendment-conflict-title" class="notice__title">${msg('Conflit : le texte a changé aux mêmes endroits', { id: 'amendment.conflict.title' })}</h2>
      <p>${msg('Depuis la proposition, le texte visé a été modifié aux endroits que l’amendement change. Rien n’est écrasé : l’acceptation est bloquée tant que le brouillon n’est pas repris sur le texte actuel.', { id: 'amendment.conflict.body' })}</p>
      ${result.conflicts.map(
        (conflict, index) => html`<div class="amendment-conflict__pair">
          <h3 class="visually-hidden">${msg(str`Passage en conflit ${index + 1}`, { id: 'amendment.conflict.passage' })}</h3>
          <div>
            <h4>${msg('Ce que propose l’amendement', { id: 'amendment.conflict.amendment' })}</h4>
            <trame-amendment-diff .blocks=${diffBlocks(conflict.base, conflict.amendment)}></trame-amendment-diff>
          </div>
          <div>
            <h4>${msg('Ce qui a changé depuis dans le contrat', { id: 'amendment.conflict.current' })}</h4>
            <trame-amendment-diff .blocks=${diffBlocks(conflict.base, conflict.current)}></trame-amendment-diff>
          </div>
        </div>`,
      )}
      ${mayRebase
        ? html`<p>${msg('« Reprendre le texte actuel » repart du texte actuel en gardant les autres modifications de l’amendement ; ses versions des passages en conflit restent dans l’historique, pour les réécrire.', { id: 'amendment.conflict.rebaseHint' })}</p>
            <button type="button" class="primary" ?disabled=${this.isBusy} @click=${() => void this.act(props, a, 'rebase')}>${msg('Reprendre le texte actuel', { id: 'amendment.rebase' })}</button>`
        : nothing}
    </section>`;
  }

  private renderDiff(standing: Standing | null): TemplateResult {
    return html`<section class="amendment-section" aria-labelledby="amendment-diff-title">
      <h2 id="amendment-diff-title">${msg('Ce que l’amendement change', { id: 'amendment.diff.title' })}</h2>
      <p class="hint">${msg('Les ajouts sont soulignés, les suppressions barrées.', { id: 'amendment.diff.legend' })}</p>
      ${standing === null
        ? html`<p class="hint">${msg('Chargement du texte…', { id: 'amendment.diff.loading' })}</p>`
        : standing.kind === 'missing'
          ? html`<p>${standing.title}</p>`
          : html`<trame-amendment-diff .blocks=${standing.diff}></trame-amendment-diff>`}
    </section>`;
  }

  private renderEditor(a: AmendmentView): TemplateResult {
    const session = this.draft.session;
    return html`<section class="amendment-section amendment-editor" aria-labelledby="amendment-editor-title">
      <h2 id="amendment-editor-title">${msg('Rédiger l’amendement', { id: 'amendment.editor.title' })}</h2>
      <p class="hint">${msg('Le brouillon est partagé : les autres signataires le voient et l’écrivent en même temps que vous.', { id: 'amendment.editor.hint' })}</p>
      ${a.target.kind === 'new-sheet' && session !== null
        ? html`<div class="field">
            <label for="amendment-sheet-title">${msg('Titre de la nouvelle fiche', { id: 'amendment.editor.sheetTitle' })}</label>
            <input id="amendment-sheet-title" maxlength="200" lang="fr" ${bindYText(draftTitle(session.doc))} />
          </div>`
        : nothing}
      <trame-sheet-rich-text
        .session=${session}
        .fragment=${session?.fragment}
        ?editable=${this.draft.synced}
        fieldId="amendment-draft"
        label=${a.target.kind === 'new-sheet' ? msg('Description de la nouvelle fiche', { id: 'amendment.editor.description' }) : msg('Texte proposé', { id: 'amendment.editor.text' })}
        placeholderText=${msg('Écrivez ici la rédaction proposée.', { id: 'amendment.editor.placeholder' })}
      ></trame-sheet-rich-text>
    </section>`;
  }

  private renderActions(props: ProgrammePageProps, a: AmendmentView, standing: Standing | null, isSignatory: boolean): TemplateResult | typeof nothing {
    const mayPropose = can(props.role, 'amendments.propose');
    const mayDecide = can(props.role, 'amendments.decide');
    const open = isOpenAmendment(a.state);
    const isAuthor = a.authors.some((author) => author.personId === props.me.id && author.role === 'author');
    const buttons: TemplateResult[] = [];
    const button = (action: AmendmentAction, label: string, primary = false): TemplateResult =>
      html`<button type="button" class=${primary ? 'primary' : ''} ?disabled=${this.isBusy} @click=${() => void this.act(props, a, action)}>${label}</button>`;
    if (open && mayPropose && !isSignatory) buttons.push(button('cosign', msg('Cosigner l’amendement', { id: 'amendment.cosign' }), true));
    if (a.state === 'draft' && isSignatory) buttons.push(button('submit', msg('Déposer l’amendement', { id: 'amendment.submit' }), true));
    if (a.state === 'submitted' && mayDecide) buttons.push(button('discuss', msg('Mettre en discussion', { id: 'amendment.discuss' })));
    const blocked = standing?.kind === 'missing' || (standing?.kind === 'compared' && standing.result.status === 'conflict');
    if ((a.state === 'submitted' || a.state === 'discussion') && mayDecide) {
      buttons.push(html`<button type="button" class="primary" ?disabled=${this.isBusy || blocked} aria-describedby=${blocked ? 'amendment-accept-blocked' : nothing} @click=${() => void this.act(props, a, 'accept')}>${msg('Accepter et appliquer au contrat', { id: 'amendment.accept' })}</button>`);
      if (!this.isRejecting) buttons.push(html`<button type="button" ?disabled=${this.isBusy} @click=${() => (this.isRejecting = true)}>${msg('Rejeter…', { id: 'amendment.rejectOpen' })}</button>`);
    }
    if (open && isAuthor) buttons.push(button('withdraw', msg('Retirer l’amendement', { id: 'amendment.withdraw' })));
    if (a.state === 'accepted' && mayDecide && a.revertible !== null) {
      buttons.push(html`<button type="button" ?disabled=${this.isBusy || !a.revertible.ok} aria-describedby=${a.revertible.ok ? nothing : 'amendment-revert-why'} @click=${() => void this.act(props, a, 'revert')}>${msg('Annuler l’application', { id: 'amendment.revert' })}</button>`);
    }
    if (buttons.length === 0 && !this.isRejecting) return nothing;
    return html`<section class="amendment-section" aria-labelledby="amendment-actions-title">
      <h2 id="amendment-actions-title">${msg('Actions', { id: 'amendment.actions' })}</h2>
      <div class="form-actions">${buttons}</div>
      ${blocked && mayDecide && (a.state === 'submitted' || a.state === 'discussion')
        ? html`<p class="hint" id="amendment-accept-blocked">${msg('L’acceptation est bloquée : le passage visé a changé aux mêmes endroits, ou n’existe plus.', { id: 'amendment.acceptBlocked' })}</p>`
        : nothing}
      ${a.state === 'accepted' && a.revertible !== null && !a.revertible.ok ? html`<p class="hint" id="amendment-revert-why">${a.revertible.reason}</p>` : nothing}
      ${this.isRejecting
        ? html`<form class="form amendment-reject" @submit=${(event: SubmitEvent) => void this.reject(event, props, a)}>
            <div class="field">
              <label for="amendment-reject-reason">${msg('Raison du rejet (communiquée aux signataires)', { id: 'amendment.rejectReason' })}</label>
              <textarea id="amendment-reject-reason" name="reason" rows="3" maxlength="5000" required></textarea>
            </div>
            <div class="form-actions">
              <button type="submit" class="primary" ?disabled=${this.isBusy}>${msg('Rejeter l’amendement', { id: 'amendment.reject' })}</button>
              <button type="button" @click=${() => (this.isRejecting = false)}>${msg('Annuler', { id: 'common.cancel' })}</button>
            </div>
          </form>`
        : nothing}
    </section>`;
  }

  private renderDecision(a: AmendmentView): TemplateResult | typeof nothing {
    const decision = a.decision;
    if (decision === null) return nothing;
    const authors = a.authors.map(signatoryWords).join(', ');
    return html`<section class="amendment-section card amendment-decision" aria-labelledby="amendment-decision-title">
      <h2 id="amendment-decision-title">${msg('Décision', { id: 'amendment.decision' })}</h2>
      <p>
        ${decision.outcome === 'accepted'
          ? msg(str`Accepté par ${decision.byName} le ${dateFormat.format(new Date(decision.at))}, et appliqué au contrat.`, { id: 'amendment.decision.accepted' })
          : msg(str`Rejeté par ${decision.byName} le ${dateFormat.format(new Date(decision.at))}.`, { id: 'amendment.decision.rejected' })}
      </p>
      ${decision.outcome === 'accepted' ? html`<p><strong>${msg('Auteurs crédités :', { id: 'amendment.decision.credited' })}</strong> ${authors}</p>` : nothing}
      ${decision.merge === 'rebased' ? html`<p class="hint">${msg('Appliqué sur un texte modifié depuis la proposition, sans écraser ces modifications.', { id: 'amendment.decision.rebased' })}</p>` : nothing}
      ${decision.reason.trim() === '' ? nothing : html`<p><strong>${decision.outcome === 'rejected' ? msg('Raison :', { id: 'amendment.decision.reason' }) : msg('Note :', { id: 'amendment.decision.note' })}</strong> ${decision.reason}</p>`}
    </section>`;
  }

  private renderHistory(a: AmendmentView): TemplateResult {
    return html`<section class="amendment-section" aria-labelledby="amendment-history-title">
      <h2 id="amendment-history-title">${msg('Historique', { id: 'amendment.history' })}</h2>
      <ol class="amendment-history">
        ${a.history.map(
          (event) => html`<li>
            <time datetime=${event.at}>${dateFormat.format(new Date(event.at))}</time> — ${event.byName} : ${eventWords(event.event)}
            ${event.from !== event.to ? html`(${stateWords(event.to)})` : nothing}
            ${event.event === 'rebased' && event.note !== ''
              ? html`<details><summary>${msg('Version précédente des passages en conflit', { id: 'amendment.history.dropped' })}</summary><p class="amendment-motive">${event.note}</p></details>`
              : event.note === '' ? nothing : html`<br /><span class="hint">${event.note}</span>`}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private async act(props: ProgrammePageProps, a: AmendmentView, action: AmendmentAction, body: Record<string, unknown> = {}): Promise<void> {
    this.isBusy = true;
    this.actionProblem = null;
    this.notice = null;
    try {
      await actOnAmendment(props.view.id, a.id, action, body);
      this.notice = doneWords(action);
      this.isRejecting = false;
      await this.load();
    } catch (error) {
      this.actionProblem = describeError(error);
    } finally {
      this.isBusy = false;
    }
  }

  private async reject(event: SubmitEvent, props: ProgrammePageProps, a: AmendmentView): Promise<void> {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    if (reason === '') {
      this.actionProblem = msg('Donnez la raison du rejet : elle est communiquée aux auteurs.', { id: 'amendment.rejectReason.missing' });
      this.querySelector<HTMLElement>('#amendment-reject-reason')?.focus();
      return;
    }
    await this.act(props, a, 'reject', { reason });
  }

  private async saveEdit(event: SubmitEvent, props: ProgrammePageProps, a: AmendmentView): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.isBusy = true;
    this.actionProblem = null;
    try {
      await editAmendment(props.view.id, a.id, { title: String(data.get('title') ?? ''), motive: String(data.get('motive') ?? '') });
      this.isEditing = false;
      await this.load();
    } catch (error) {
      this.actionProblem = describeError(error);
    } finally {
      this.isBusy = false;
    }
  }
}

function eventWords(event: string): string {
  switch (event) {
    case 'proposed': return msg('a proposé l’amendement', { id: 'amendment.event.proposed' });
    case 'edited': return msg('a modifié le titre ou les motifs', { id: 'amendment.event.edited' });
    case 'cosigned': return msg('a cosigné', { id: 'amendment.event.cosigned' });
    case 'submitted': return msg('a déposé l’amendement', { id: 'amendment.event.submitted' });
    case 'discussion': return msg('a mis l’amendement en discussion', { id: 'amendment.event.discussion' });
    case 'withdrawn': return msg('a retiré l’amendement', { id: 'amendment.event.withdrawn' });
    case 'rebased': return msg('a repris le texte actuel', { id: 'amendment.event.rebased' });
    case 'accepted': return msg('a accepté l’amendement', { id: 'amendment.event.accepted' });
    case 'rejected': return msg('a rejeté l’amendement', { id: 'amendment.event.rejected' });
    case 'reverted': return msg('a annulé son application', { id: 'amendment.event.reverted' });
    default: return event;
  }
}

function doneWords(action: AmendmentAction): string {
  switch (action) {
    case 'cosign': return msg('Vous cosignez cet amendement : vous pouvez maintenant le rédiger.', { id: 'amendment.done.cosign' });
    case 'submit': return msg('Amendement déposé.', { id: 'amendment.done.submit' });
    case 'withdraw': return msg('Amendement retiré.', { id: 'amendment.done.withdraw' });
    case 'rebase': return msg('Le brouillon repart du texte actuel.', { id: 'amendment.done.rebase' });
    case 'discuss': return msg('Amendement mis en discussion.', { id: 'amendment.done.discuss' });
    case 'accept': return msg('Amendement accepté : le contrat est modifié.', { id: 'amendment.done.accept' });
    case 'reject': return msg('Amendement rejeté.', { id: 'amendment.done.reject' });
    case 'revert': return msg('Application annulée : le texte d’avant est rétabli.', { id: 'amendment.done.revert' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-amendment-page': AmendmentPage;
  }
}
