/**
 * The territories an action sheet may cover: the whole region, or some of its départements (the
 * founding case's eight, in Rhône-Alpes). Local development plans (*plans locaux de
 * développement*) are free names, kept beside them on each sheet.
 */
export interface Territory {
  code: string;
  name: string;
}

export const regionCode = 'region';

export const territories: readonly Territory[] = [
  { code: regionCode, name: 'Toute la région' },
  { code: '01', name: 'Ain' },
  { code: '07', name: 'Ardèche' },
  { code: '26', name: 'Drôme' },
  { code: '38', name: 'Isère' },
  { code: '42', name: 'Loire' },
  { code: '69', name: 'Rhône' },
  { code: '73', name: 'Savoie' },
  { code: '74', name: 'Haute-Savoie' },
];

const names = new Map(territories.map((territory) => [territory.code, territory.name]));

/** True for a known territory code. */
export function isTerritoryCode(code: unknown): code is string {
  return typeof code === 'string' && names.has(code);
}

/** The name of a territory ("Isère"), or the code itself when unknown. */
export function territoryName(code: string): string {
  return names.get(code) ?? code;
}
