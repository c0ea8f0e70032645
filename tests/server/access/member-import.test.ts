import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, ImportResult } from '../../../shared/schemas/imports';
import type { Me } from '../../../shared/schemas/people';
import { demoEmail } from '../../helpers/sessions';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { csvFile, encodeWindows1252 } from '../../helpers/csv';
import { acceptInvitation, secretOf } from '../../helpers/people';
import { expectProblem } from '../../helpers/problems';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';

const api = `/api/workspaces/${demoWorkspaceId}`;
const header = ['structure', 'reseau', 'ville', 'departement', 'email', 'nom', 'role', 'representant'];
const cooperatives = 'Coopératives (SCOP, SCIC, CAE)';

/** The demo networks, as people type them in a spreadsheet. */
const networkNames = [cooperatives, 'Associations employeuses', 'Mutuelles', 'Fondations', 'Insertion par l’activité économique', 'Finance solidaire et têtes de réseau'];
const networkIds = ['cooperatives', 'associations', 'mutuelles', 'fondations', 'insertion', 'finance-solidaire'];
const prefixes = [['SCOP', 'SCIC'], ['Association', 'Collectif'], ['Mutuelle'], ['Fondation'], ['Régie de quartier', 'Atelier'], ['Club Cigales', 'Fonds']];
const themes = ['Éco-construction', 'Café-librairie', 'Maraîchage bio', 'Crèche parentale', 'Ressourcerie', 'Théâtre forain', 'Vélo-école', 'Épicerie solidaire', 'Chantier naval', 'Énergie citoyenne', 'Fromagerie', 'Médiation numérique'];
// Excel drops the leading zero of a numeric column: Ain (01) and Ardèche (07) come out as 1 and 7.
const places = [
  ['Saint-Étienne', '42'], ['Bourg-en-Bresse', '1'], ['Aubenas', '7'], ['Montélimar', '26'], ['Vienne', '38'],
  ['Villeurbanne', '69'], ['Aix-les-Bains', '73'], ['Annecy', '74'], ['Trévoux', '1'], ['Tournon-sur-Rhône', '7'],
] as const;
const firstNames = ['Amélie', 'Jérôme', 'Françoise', 'Gaël', 'Hélène', 'Noël', 'Zoé', 'Loïc', 'Cécile', 'Benoît', 'Maëlle', 'Théo', 'Agnès', 'Rémi'];
const lastNames = ['Lefèvre', 'Dupré', 'Bérard', 'Garçon', 'Müller', 'Chênevert', 'Aubépine', 'Ducœur', 'Lemaître', 'Pâris'];

interface PlannedPerson { email: string; isRepresentative: boolean }
interface PlannedStructure { name: string; networkId: string; city: string; departement: string; people: PlannedPerson[] }

/**
 * A network's member file as a coordinator would export it from Excel: 120 structures across the
 * demo networks, one to three people each with the representative marked, French headers with
 * accents, semicolons, CRLF, Windows-1252, a quoted name, and départements without their zero.
 */
function realisticFile(): { bytes: Uint8Array<ArrayBuffer>; structures: PlannedStructure[]; lineCount: number } {
  const lines: string[][] = [['Structure', 'Réseau', 'Ville', 'Département', 'E-mail', 'Nom', 'Rôle', 'Représentant']];
  const structures: PlannedStructure[] = [];
  for (let i = 0; i < 120; i++) {
    const network = i % networkNames.length;
    const [city, departement] = places[i % places.length] ?? places[0];
    const theme = themes[Math.floor(i / places.length) % themes.length] ?? '';
    const prefix = prefixes[network]?.[i % (prefixes[network]?.length ?? 1)] ?? '';
    const name = i === 0 ? 'Collectif « Le Grain de Sel » et "Cie" (Lyon)' : `${prefix} ${theme} (${city})`;
    const peopleCount = i % 5 === 0 ? 3 : i % 7 === 3 ? 1 : 2;
    const structure: PlannedStructure = { name, networkId: networkIds[network] ?? '', city, departement: departement.padStart(2, '0'), people: [] };
    for (let k = 0; k < peopleCount; k++) {
      const first = firstNames[(i + k) % firstNames.length] ?? '';
      const last = lastNames[(i * 3 + k) % lastNames.length] ?? '';
      const email = `p${i}-${k}.${first.normalize('NFD').replace(/[\u0300-\u036f]/g, '')}@reseau-${network}.example`;
      const role = k === 0 ? 'membre' : k === 1 ? (i % 10 === 1 ? 'Animation' : 'Membre') : i % 2 === 0 ? 'observatrice' : 'Partenaire';
      const isRepresentative = k === 0;
      lines.push([name, networkNames[network] ?? '', city, departement, k === 1 ? email.toUpperCase() : email, `${first} ${last}`, role, isRepresentative ? 'oui' : k === 1 ? 'non' : '']);
      structure.people.push({ email: email.toLowerCase(), isRepresentative });
    }
    structures.push(structure);
  }
  return { bytes: encodeWindows1252(csvFile(lines)), structures, lineCount: lines.length - 1 };
}

describe('member import (CSV)', () => {
  let server: TestServer;
  let coordinator: TestSession;

  beforeAll(async () => {
    server = await startTestServer();
    coordinator = await signInAs(server.url, 'coordinator');
  });
  afterAll(() => server.destroy());

  const upload = (path: 'imports/preview' | 'imports', body: Uint8Array<ArrayBuffer> | string): Promise<Response> =>
    fetchAs(coordinator, server.url, `${api}/${path}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body });
  const preview = async (body: Uint8Array<ArrayBuffer> | string): Promise<ImportReport> => {
    const response = await upload('imports/preview', body);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as ImportReport;
  };
  /** Everything Trame stores about people and structures, to prove that nothing was written. */
  const snapshot = (): string => JSON.stringify(server.trame.db.data);
  const auditActions = async (): Promise<string[]> =>
    (await readFile(join(server.dataDir, 'audit.jsonl'), 'utf8').catch(() => '')).split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { action: string }).action);

  const badFile = csvFile([
    header,
    ['SCOP Bonne Ligne', cooperatives, 'Lyon', '69', 'bon@exemple.org', 'Bon', 'membre', 'oui'],
    ['Asso Mauvais Courriel', 'Associations employeuses', 'Lyon', '69', 'pas-une-adresse', 'Xavier', 'membre', 'non'],
    ['Structure Perdue', 'Réseau Inconnu', 'Lyon', '69', 'perdu@exemple.org', 'Yves', 'membre', 'non'],
    ['SCOP Bonne Ligne', cooperatives, 'Lyon', '69', 'BON@exemple.org', 'Bon bis', 'membre', 'non'],
    ['SCOP Bonne Ligne', cooperatives, 'Lyon', '69', 'chef@exemple.org', 'Zoé', 'chef', 'non'],
    ['SCOP Bonne Ligne', cooperatives, 'Lyon', '69', 'second@exemple.org', 'René', 'membre', 'oui'],
    ['SCOP Courte', cooperatives],
    ['SCOP Longue', cooperatives, 'Lyon', '69', 'long@exemple.org', 'N'.repeat(301), 'membre', 'non'],
    [],
    ['SCOP Trop', cooperatives, 'Lyon', '69', 'trop@exemple.org', 'Tom', 'membre', 'non', 'en trop'],
    ['SCOP Bonne Ligne', cooperatives, 'Lyon', '69', demoEmail('member'), 'Sophie', 'membre', 'non'],
    ['Sans Réseau', '', 'Lyon', '69', 'sans@exemple.org', 'Sam', 'membre', 'peut-être'],
    ['Isère Solidaire', cooperatives, 'Grenoble', 'Isère', 'isere@exemple.org', 'Iris', 'membre', 'non'],
  ]);

  it('reports every wrong line with its line number and a French message, and writes nothing', async () => {
    const before = snapshot();
    const report = await preview(badFile);
    expect(snapshot()).toBe(before);
    expect(report).toMatchObject({ encoding: 'utf-8', delimiter: ';', fileErrors: [] });
    const byLine = new Map(report.lines.map((l) => [l.line, l]));
    const expectLine = (line: number, status: 'ok' | 'warning' | 'error', ...messages: (string | RegExp)[]): void => {
      const reported = byLine.get(line);
      expect(reported?.status, `line ${line}: ${JSON.stringify(reported)}`).toBe(status);
      expect(reported?.messages).toHaveLength(messages.length);
      for (const [i, message] of messages.entries()) expect(reported?.messages[i]).toMatch(message);
    };
    expectLine(2, 'ok');
    expectLine(3, 'error', 'Adresse e-mail invalide « pas-une-adresse ».');
    expectLine(4, 'error', /^Réseau inconnu « Réseau Inconnu »\. Réseaux possibles : Coopératives \(SCOP, SCIC, CAE\), Associations employeuses, /);
    expectLine(5, 'error', 'Adresse « bon@exemple.org » en double : déjà ligne 2.');
    expectLine(6, 'error', 'Rôle inconnu « chef ». Rôles possibles : Coordination, Animation, Membre, Partenaire (comité de pilotage), Observateur.');
    expectLine(7, 'error', 'La structure a déjà un représentant ligne 2 : une structure, une voix.');
    expectLine(8, 'error', 'Nombre de colonnes incorrect : 2 au lieu de 8.');
    expectLine(9, 'error', 'La colonne « nom » est trop longue (300 caractères au plus).');
    expect(byLine.has(10)).toBe(false); // an empty line is skipped, and does not shift the numbers
    expectLine(11, 'error', 'Nombre de colonnes incorrect : 9 au lieu de 8.');
    expectLine(12, 'warning', /^membre@trame\.example fait déjà partie de l’espace \(Membre\) : pas de nouvelle invitation\.$/);
    expectLine(13, 'error', 'Réseau manquant.', 'Colonne « représentant » : indiquez « oui » ou « non » (et non « peut-être »).');
    expectLine(14, 'error', 'Département « Isère » : indiquez son numéro (par exemple 38).');
    expect(report.summary).toMatchObject({ lines: 12, errors: 10, warnings: 1 });
  });

  it('refuses to apply a file with any wrong line, with the report, and writes nothing (all or nothing)', async () => {
    const before = snapshot();
    const auditBefore = await auditActions();
    const response = await upload('imports', badFile);
    const problem = await expectProblem(response, 400, 'Import refusé : corrigez les lignes signalées, rien n’a été enregistré.');
    expect(problem.detail).toBe('10 ligne(s) en erreur.');
    expect((problem['report'] as ImportReport).summary.errors).toBe(10);
    expect(snapshot()).toBe(before);
    expect(await auditActions()).toEqual(auditBefore);
  });

  it('reports a missing required column for the whole file', async () => {
    const before = snapshot();
    const report = await preview(csvFile([['reseau', 'email'], [cooperatives, 'a@exemple.org']]));
    expect(report.fileErrors).toEqual(['Ce fichier CSV n’a pas de colonne « structure ». Ajoutez-la ou partez du modèle à télécharger.']);
    expect(report.lines).toEqual([]);
    await expectProblem(await upload('imports', csvFile([['reseau', 'email'], [cooperatives, 'a@exemple.org']])), 400);
    expect(snapshot()).toBe(before);
  });

  it('previews a realistic 120-structure Excel file (Windows-1252, semicolons) cleanly and imports it in one go', async () => {
    const { bytes, structures, lineCount } = realisticFile();
    const peopleCount = structures.reduce((sum, s) => sum + s.people.length, 0);
    const before = snapshot();
    const report = await preview(bytes);
    expect(snapshot()).toBe(before);
    expect(report.lines.filter((l) => l.status !== 'ok')).toEqual([]);
    expect(report).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      fileErrors: [],
      summary: { lines: lineCount, structuresToCreate: 120, structuresReused: 0, invitations: peopleCount, errors: 0, warnings: 0 },
    });

    const started = performance.now();
    const response = await upload('imports', bytes);
    expect(response.status, await response.clone().text()).toBe(201);
    expect(performance.now() - started).toBeLessThan(5000);
    const result = (await response.json()) as ImportResult;
    expect(result.invitations).toHaveLength(peopleCount);

    const stored = server.trame.db.data.structures.filter((s) => s.workspaceId === demoWorkspaceId);
    for (const planned of structures) {
      const structure = stored.find((s) => s.name === planned.name);
      expect(structure, planned.name).toMatchObject({ networkId: planned.networkId, city: planned.city, departement: planned.departement, representativeId: null });
      expect(structure?.id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
    }
    const invitations = server.trame.db.data.invitations.filter((i) => i.workspaceId === demoWorkspaceId);
    for (const person of structures.flatMap((s) => s.people)) {
      expect(invitations.find((i) => i.email === person.email)?.makesRepresentative, person.email).toBe(person.isRepresentative);
    }

    // Accepting applies the representative the file named, and only that one.
    const grainDeSel = structures[0];
    const grainDeSelId = stored.find((s) => s.name === grainDeSel?.name)?.id;
    const linkOf = (email: string | undefined): string => secretOf(result.invitations.find((i) => i.email === email)?.linkPath ?? '');
    const colleague = await acceptInvitation(server, linkOf(grainDeSel?.people[1]?.email), 'Jérôme Bérard');
    expect(server.trame.db.data.structures.find((s) => s.id === grainDeSelId)?.representativeId).toBeNull();
    expect(colleague.me.structures).toEqual([expect.objectContaining({ id: grainDeSelId, name: 'Collectif « Le Grain de Sel » et "Cie" (Lyon)', isRepresentative: false })]);
    const representative = await acceptInvitation(server, linkOf(grainDeSel?.people[0]?.email), 'Amélie Lefèvre');
    expect(representative.me.structures).toEqual([expect.objectContaining({ id: grainDeSelId, isRepresentative: true })]);
    expect(server.trame.db.data.structures.find((s) => s.id === grainDeSelId)?.representativeId).toBe(representative.personId);

    // Importing the same file again creates nothing new: the structures exist, the people are invited or members.
    const again = await preview(bytes);
    expect(again.summary).toMatchObject({ structuresToCreate: 0, structuresReused: 120, invitations: 0, errors: 0, warnings: peopleCount });
    const pendingEmail = grainDeSel?.people[2]?.email ?? '';
    const until = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(new Date(invitations.find((i) => i.email === pendingEmail)?.expiresAt ?? ''));
    expect(again.lines.find((l) => l.email === pendingEmail)?.messages).toEqual([`${pendingEmail} a déjà une invitation en attente (jusqu’au ${until}) : pas de nouvelle invitation.`]);
  });

  it('refuses a file of 10,000 lines as a whole, with a message that says how to split it', async () => {
    const lines = [header, ...Array.from({ length: 10_000 }, (_, i) => [`Structure ${i}`, cooperatives, 'Lyon', '69', `p${i}@exemple.org`, `Personne ${i}`, 'membre', 'non'])];
    const before = snapshot();
    const report = await preview(csvFile(lines));
    expect(report.fileErrors).toEqual([expect.stringMatching(/^Ce fichier compte 10\u202f000 lignes ; un import en accepte 5\u202f000 au plus\. Découpez-le en plusieurs fichiers\.$/u)]);
    expect(report.lines).toEqual([]);
    expect(snapshot()).toBe(before);
  });

  it('refuses a file over the size limit with a 413 that gives the right limit', async () => {
    const problem = await expectProblem(await upload('imports/preview', 'x'.repeat(3 * 1024 * 1024)), 413, 'Le fichier est trop volumineux.');
    expect(problem.detail).toBe('La limite est de 2 Mio : découpez-le en plusieurs fichiers.');
  });

  it('refuses an empty file, or one with only its header, clearly', async () => {
    expect((await preview('')).fileErrors).toEqual(['Le fichier est vide. Téléchargez le modèle pour voir les colonnes attendues.']);
    expect((await preview('\r\n \r\n')).fileErrors).toEqual(['Le fichier est vide. Téléchargez le modèle pour voir les colonnes attendues.']);
    expect((await preview(`${header.join(';')}\r\n`)).fileErrors).toEqual(['Le fichier ne contient que la ligne d’en-tête : aucune structure ni personne à importer.']);
  });

  it('refuses binary files (an image, an Excel workbook) with a message that says what to do', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(2000)]);
    expect((await preview(png)).fileErrors).toEqual(['Ce fichier n’est pas un fichier texte CSV. Enregistrez votre tableau au format « CSV UTF-8 » (ou « CSV (séparateur : point-virgule) ») et importez ce fichier-là.']);
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...randomBytes(2000)]);
    expect((await preview(xlsx)).fileErrors).toEqual([
      'Ce fichier est un classeur Excel ou OpenDocument, pas un CSV. Dans votre tableur : « Enregistrer sous » > « CSV UTF-8 », puis importez ce fichier-là.',
    ]);
    expect((await preview(randomBytes(4000))).fileErrors).toHaveLength(1);
    await expectProblem(await upload('imports', png), 400);
  });

  it('explains a broken quote with its line number, in French', async () => {
    const fine = `SCOP Correcte;${cooperatives};Lyon;69;c@exemple.org;C;membre;non\r\n`;
    const report = await preview(`${header.join(';')}\r\n${fine}"SCOP Guillemet;${cooperatives};Lyon;69;g@exemple.org;G;membre;non\r\n${fine.repeat(3)}`);
    expect(report.fileErrors).toEqual(['Ligne 3 : un guillemet ouvert n’est jamais fermé. Vérifiez cette ligne dans votre tableur.']);
  });

  it('serves a template that re-imports cleanly', async () => {
    const response = await fetchAs(coordinator, server.url, `${api}/imports/template.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?modele-import-membres\.csv"?$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel opens UTF-8 correctly
    const report = await preview(bytes);
    expect(report).toMatchObject({ encoding: 'utf-8', delimiter: ';', fileErrors: [], summary: { lines: 2, structuresToCreate: 1, invitations: 2, errors: 0, warnings: 0 } });
    const applied = await upload('imports', bytes);
    expect(applied.status).toBe(201);
    expect(((await applied.json()) as ImportResult).invitations.map((i) => i.email)).toEqual(['marie.dupont@exemple.org', 'paul.martin@exemple.org']);
    const me = (await (await fetchAs(coordinator, server.url, '/api/me')).json()) as Me;
    expect(me.workspaces).toEqual([{ workspaceId: demoWorkspaceId, role: 'coordinator' }]);
  });
});
