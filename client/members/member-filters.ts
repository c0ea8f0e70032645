/**
 * The filters of the member list, as a light-DOM template: network, structure (grouped by
 * network, narrowed by the chosen network), role and a search box. They apply as they change and
 * live in the page's address (`?reseau=&structure=&role=&q=`) so a filtered list can be shared.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { roles } from '../../shared/permissions';
import type { MemberFilters } from '../../shared/schemas/members';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import { roleName } from '../i18n/role-names';
import { controlValue } from '../ui/dom';
import { groupStructures } from './structure-options';

const queryNames = { network: 'reseau', structure: 'structure', role: 'role', q: 'q' } as const;

/** Reads the filters from the page's query string. */
export function readFilters(search: string): MemberFilters {
  const query = new URLSearchParams(search);
  const role = query.get(queryNames.role);
  const filters: MemberFilters = {};
  const network = query.get(queryNames.network);
  const structure = query.get(queryNames.structure);
  const text = query.get(queryNames.q);
  if (network) filters.network = network;
  if (structure) filters.structure = structure;
  if (role !== null && (roles as readonly string[]).includes(role)) filters.role = role as MemberFilters['role']; // checked just above
  if (text) filters.q = text;
  return filters;
}

/** The query string for filters ('' when none). */
export function filtersQuery(filters: MemberFilters): string {
  const query = new URLSearchParams();
  for (const key of ['network', 'structure', 'role', 'q'] as const) {
    const value = filters[key];
    if (value !== undefined && value !== '') query.set(queryNames[key], value);
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/** True when at least one filter is set. */
export function hasFilters(filters: MemberFilters): boolean {
  return filtersQuery(filters) !== '';
}

/** Renders the filter form; `onChange` receives the new filters. */
export function renderMemberFilters(view: WorkspaceView, filters: MemberFilters, onChange: (filters: MemberFilters) => void): TemplateResult {
  const networks = filters.network === undefined ? view.networks : view.networks.filter((network) => network.id === filters.network);
  const groups = groupStructures(networks, view.structures, '', filters.structure ?? '');
  const set = (key: keyof MemberFilters, value: string): void => {
    const next: MemberFilters = { ...filters };
    if (value === '') delete next[key];
    // Every filter is a string; the role select only offers roles, which the server checks anyway.
    else (next as Record<string, string>)[key] = value;
    // A structure outside the newly chosen network would hide everyone: drop it.
    if (key === 'network' && next.structure !== undefined && view.structures.find((s) => s.id === next.structure)?.networkId !== value) delete next.structure;
    onChange(next);
  };
  return html`<form class="card filters" role="search" aria-label=${msg('Filtrer les membres', { id: 'members.filters' })} @submit=${(event: Event) => event.preventDefault()}>
    <div class="field">
      <label for="filter-q">${msg('Rechercher', { id: 'members.filter.search' })}</label>
      <input id="filter-q" type="search" name="q" autocomplete="off" aria-describedby="filter-q-hint" .value=${live(filters.q ?? '')}
        @input=${(event: Event) => set('q', controlValue(event))} />
      <p id="filter-q-hint" class="hint">${msg('Un nom de personne ou de structure.', { id: 'members.filter.search.hint' })}</p>
    </div>
    <div class="field">
      <label for="filter-network">${msg('Réseau', { id: 'members.filter.network' })}</label>
      <select id="filter-network" name="reseau" .value=${live(filters.network ?? '')} @change=${(event: Event) => set('network', controlValue(event))}>
        <option value="" ?selected=${filters.network === undefined}>${msg('Tous les réseaux', { id: 'members.filter.allNetworks' })}</option>
        ${view.networks.map((network) => html`<option value=${network.id} ?selected=${network.id === filters.network}>${network.name}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="filter-structure">${msg('Structure', { id: 'invitation.structure' })}</label>
      <select id="filter-structure" name="structure" .value=${live(filters.structure ?? '')} @change=${(event: Event) => set('structure', controlValue(event))}>
        <option value="" ?selected=${filters.structure === undefined}>${msg('Toutes les structures', { id: 'members.filter.allStructures' })}</option>
        ${groups.map((group) => html`<optgroup label=${group.network.name}>
          ${group.structures.map((structure) => html`<option value=${structure.id} ?selected=${structure.id === filters.structure}>${structure.name}</option>`)}
        </optgroup>`)}
      </select>
    </div>
    <div class="field">
      <label for="filter-role">${msg('Rôle', { id: 'invitation.role' })}</label>
      <select id="filter-role" name="role" .value=${live(filters.role ?? '')} @change=${(event: Event) => set('role', controlValue(event))}>
        <option value="" ?selected=${filters.role === undefined}>${msg('Tous les rôles', { id: 'members.filter.allRoles' })}</option>
        ${roles.map((role) => html`<option value=${role} ?selected=${role === filters.role}>${roleName(role)}</option>`)}
      </select>
    </div>
    ${hasFilters(filters)
      ? html`<div class="filters__clear"><button type="button" @click=${() => onChange({})}>${msg('Effacer les filtres', { id: 'members.filter.clear' })}</button></div>`
      : nothing}
  </form>`;
}
