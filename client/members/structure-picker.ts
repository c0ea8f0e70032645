/**
 * Choosing one structure among ~120, as a light-DOM template: a search box narrowing a list
 * grouped by network (a native listbox: keyboard and screen readers know it), with its count
 * announced politely.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import { controlValue } from '../ui/dom';
import { describedBy } from '../ui/form-field';
import { groupStructures } from './structure-options';

/** What the picker shows and reports. */
export interface StructurePickerInput {
  id: string;
  view: WorkspaceView;
  search: string;
  selectedId: string;
  error: string | undefined;
  /** Offers "no structure" first (partners and observers may act for none). */
  isOptional?: boolean;
  onSearch: (search: string) => void;
  onSelect: (structureId: string) => void;
}

/** Renders the picker. */
export function renderStructurePicker(input: StructurePickerInput): TemplateResult {
  const { id, view, search, selectedId, error } = input;
  const groups = groupStructures(view.networks, view.structures, search, selectedId);
  const count = groups.reduce((total, group) => total + group.structures.length, 0);
  return html`<div class="field">
    <label for=${id}>${input.isOptional === true ? msg('Structure (facultative pour ce rôle)', { id: 'picker.label.optional' }) : msg('Structure', { id: 'invitation.structure' })}</label>
    <input id="${id}-search" type="search" autocomplete="off" aria-controls=${id} aria-describedby="${id}-count"
      aria-label=${msg('Rechercher une structure', { id: 'picker.searchLabel' })}
      placeholder=${msg('Rechercher par nom, ville ou réseau', { id: 'picker.search' })} .value=${search}
      @input=${(event: Event) => input.onSearch(controlValue(event))} />
    <p id="${id}-count" class="hint" aria-live="polite">
      ${count === 0
        ? msg('Aucune structure ne correspond. Essayez un autre mot.', { id: 'picker.noMatch' })
        : count === 1
          ? msg('1 structure dans la liste', { id: 'picker.count.one' })
          : msg(str`${count} structures dans la liste`, { id: 'picker.count' })}
    </p>
    <select id=${id} name="structureId" size="8" ?required=${input.isOptional !== true} class="structure-list"
      aria-invalid=${String(error !== undefined)} aria-describedby=${describedBy(id, undefined, error)}
      @change=${(event: Event) => input.onSelect(controlValue(event))}>
      ${input.isOptional === true
        ? html`<option value="" ?selected=${selectedId === ''}>${msg('Aucune structure (partenaire, observateur)', { id: 'picker.none' })}</option>`
        : nothing}
      ${groups.map((group) => html`<optgroup label=${group.network.name}>
        ${group.structures.map((structure) => html`<option value=${structure.id} ?selected=${structure.id === selectedId}>
          ${structure.city === '' ? structure.name : `${structure.name} — ${structure.city}`}</option>`)}
      </optgroup>`)}
    </select>
    ${error === undefined ? nothing : html`<p id="${id}-error" class="field-error">${error}</p>`}
  </div>`;
}
