/**
 * The legend of the authorship view: each structure with its colour swatch (the same tint and
 * dotted underline as the text) and the characters its people wrote; the people on demand (a
 * disclosure); the characters whose author is unknown. A template function, so the contract
 * page and the version viewer show the same legend.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { authorshipTint } from '../../shared/versions/authorship-colours';
import { noStructureName, type AuthorshipView } from '../../shared/versions/authorship';
import { formatCount } from '../i18n/format';

const colourPattern = /^#[0-9a-f]{6}$/i;

function swatch(colour: string): TemplateResult {
  const safe = colourPattern.test(colour) ? colour : '#4d535c';
  return html`<span class="authorship-swatch" style=${styleMap({ '--authorship-colour': safe, '--authorship-tint': authorshipTint(safe) })} aria-hidden="true">Aa</span>`;
}

/** « Sans structure » is a French name sent by the server: translated here. */
export function structureLabel(name: string, structureId: string | null): string {
  return structureId === null && name === noStructureName ? msg('Sans structure', { id: 'authorship.noStructure' }) : name;
}

export function characters(count: number): string {
  return count === 1 ? msg('1 caractère', { id: 'authorship.oneCharacter' }) : msg(str`${formatCount(count)} caractères`, { id: 'authorship.characters' });
}

/** The legend of `view` (null while it loads). */
export function renderAuthorshipLegend(view: AuthorshipView, headingId: string): TemplateResult {
  return html`<section class="authorship-legend" aria-labelledby=${headingId} data-testid="authorship-legend">
    <h2 class="authorship-legend__title" id=${headingId}>${msg('Qui a écrit ce texte', { id: 'authorship.legend.title' })}</h2>
    ${view.structures.length === 0
      ? html`<p class="authorship-legend__empty">${msg('Aucun passage de ce texte n’a d’auteur connu : il a été écrit avant le suivi des auteurs, ou par Trame.', { id: 'authorship.legend.none' })}</p>`
      : html`<ul class="authorship-legend__list">
          ${view.structures.map(
            (structure) => html`<li data-structure=${structure.structureName}>
              ${swatch(structure.colour)}
              <span class="authorship-legend__text">
                <span class="authorship-legend__name">${structureLabel(structure.structureName, structure.structureId)}</span>
                <span class="authorship-legend__count">${characters(structure.characters)}</span>
              </span>
            </li>`,
          )}
        </ul>`}
    ${view.unknownCharacters > 0
      ? html`<p class="authorship-legend__unknown">
          ${msg(str`${characters(view.unknownCharacters)} sans auteur connu (écrits avant le suivi des auteurs, ou par Trame), laissés sans couleur.`, { id: 'authorship.legend.unknown' })}
        </p>`
      : nothing}
    ${view.people.length === 0
      ? nothing
      : html`<details class="authorship-legend__people">
          <summary>${msg('Voir les personnes', { id: 'authorship.legend.people' })}</summary>
          <ul>
            ${view.people.map(
              (person) => html`<li>
                ${swatch(person.colour)}
                <span class="authorship-legend__text">
                  <span class="authorship-legend__name">${person.personName}</span>
                  <span class="authorship-legend__structure">${structureLabel(person.structureName, person.structureId)}</span>
                  <span class="authorship-legend__count">${characters(person.characters)}</span>
                </span>
              </li>`,
            )}
          </ul>
        </details>`}
  </section>`;
}
