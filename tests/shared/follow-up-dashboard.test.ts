import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { consolidate } from '../../shared/budget/consolidate';
import { buildDashboard, comparePeriods, currentFinances, daysBetween, lateLabel, lateness, percentDone, plannedByFunder, type DashboardInput } from '../../shared/follow-up/dashboard';
import { emptySheetPlan, writeProgramme } from '../../shared/programme/edit';
import { sheetAt } from '../../shared/programme/layout';
import type { SheetPlan } from '../../shared/programme/plan';
import { readProgramme, type ProgrammeView } from '../../shared/programme/read';
import type { Evaluation, FollowUp, RealisationStatus } from '../../shared/schemas/follow-up';

const envelope = {
  totalCents: 3_381_649_100,
  shares: [
    { funder: 'Région Rhône-Alpes', amountCents: 760_250_000 },
    { funder: 'État', amountCents: 342_500_000 },
    { funder: 'Acteurs locaux de l’ESS', amountCents: 2_278_899_100 },
  ],
};

const sheet = (id: string, title: string, overrides: Partial<SheetPlan> = {}): SheetPlan => ({ ...emptySheetPlan(), id, title, ...overrides });

/** Three axes, the last empty; lines spread so that the programme consolidates exactly to the envelope. */
function programme(): ProgrammeView {
  const doc = new Y.Doc();
  writeProgramme(doc, {
    axes: [
      {
        id: 'axe-1',
        title: 'Promouvoir l’ESS',
        aim: '',
        sheets: [
          sheet('fiche-1-1', 'Observatoire', {
            lead: 'cress',
            territories: ['region'],
            startDate: '2011-01-01',
            endDate: '2011-12-31',
            indicators: [{ name: 'Études publiées', unit: 'études', baseline: 0, target: 4 }],
            budget: [
              { funder: 'Région Rhône-Alpes', year: 2011, amountCents: 500_000_000 },
              { funder: 'ÉTAT', year: 2011, amountCents: 100_000_000 },
            ],
          }),
          sheet('fiche-1-2', 'Mois de l’ESS', {
            lead: 'scop',
            territories: ['38', '69'],
            startDate: '2012-01-01',
            endDate: '2013-12-31',
            budget: [
              { funder: 'Région Rhône-Alpes', year: 2012, amountCents: 260_250_000 },
              { funder: 'État', year: 2012, amountCents: 242_500_000 },
            ],
          }),
        ],
      },
      {
        id: 'axe-2',
        title: 'Développer les entreprises',
        aim: '',
        sheets: [
          sheet('fiche-2-1', 'Fonds de garantie', { lead: 'unknown-structure', territories: ['69'], startDate: '2011-06-01', endDate: null, budget: [{ funder: 'Acteurs locaux de l’ESS', year: 2013, amountCents: 2_278_899_100 }] }),
          sheet('fiche-2-2', 'Abandonnée', { lead: null, startDate: '2011-01-01', endDate: '2011-06-30' }),
        ],
      },
      { id: 'axe-3', title: 'Vide', aim: '', sheets: [] },
    ],
  });
  return readProgramme(doc);
}

const at = '2012-03-01T10:00:00.000Z';
const author = { authorId: 'p1', authorName: 'Claire Coordination', structureName: null };

function followUp(sheetId: string, status: RealisationStatus, extra: Partial<FollowUp> = {}): FollowUp {
  return { workspaceId: 'w', sheetId, status, statusChangedAt: at, reports: [], actuals: [], finances: [], ...extra };
}

function evaluation(id: string, sheetId: string, period: string, ...revisions: { assessment: Evaluation['revisions'][number]['assessment']; recordedAt: string; recommendation?: string }[]): Evaluation {
  return {
    id,
    workspaceId: 'w',
    sheetId,
    period,
    revisions: revisions.map((revision) => ({ period, comment: 'Avis', recommendation: revision.recommendation ?? '', assessment: revision.assessment, recordedAt: revision.recordedAt, ...author })),
  };
}

function input(view: ProgrammeView, overrides: Partial<DashboardInput> = {}): DashboardInput {
  return {
    programme: view,
    consolidation: consolidate(view.lines, envelope),
    envelope,
    followUps: [],
    evaluations: [],
    structures: [
      { id: 'cress', name: 'CRESS Rhône-Alpes' },
      { id: 'scop', name: 'SCOP Menuiserie de la Bresse' },
    ],
    today: '2012-03-01',
    ...overrides,
  };
}

describe('follow-up dashboard', () => {
  it('counts sheets without a follow-up record as not started, in programme order', () => {
    const view = programme();
    const dashboard = buildDashboard(input(view));
    expect(dashboard.rows.map((row) => row.number)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(dashboard.rows.every((row) => row.status === 'not-started')).toBe(true);
    expect(dashboard.totals.byStatus).toEqual({ 'not-started': 4, 'in-progress': 0, done: 0, abandoned: 0 });
    expect(dashboard.totals.percentDone).toBe(0);
    expect(dashboard.totals.plannedCents).toBe(envelope.totalCents);
    expect(dashboard.axes.map((axis) => [axis.number, axis.sheetCount, axis.percentDone])).toEqual([
      [1, 2, 0],
      [2, 2, 0],
      [3, 0, null],
    ]);
  });

  it('computes progress per axis among non-abandoned sheets, and money planned / committed / spent', () => {
    const view = programme();
    const dashboard = buildDashboard(
      input(view, {
        followUps: [
          followUp('fiche-1-1', 'done', {
            finances: [
              { funder: 'Région Rhône-Alpes', committedCents: 400_000_000, spentCents: 100_000_000, updatedAt: '2011-05-01T00:00:00.000Z', updatedBy: 'p1' },
              // A newer record for the same funder (other spelling) replaces the older one.
              { funder: 'region rhone-alpes', committedCents: 450_000_000, spentCents: 300_000_000, updatedAt: '2011-09-01T00:00:00.000Z', updatedBy: 'p1' },
              { funder: 'État', committedCents: 100_000_000, spentCents: 50_000_000, updatedAt: '2011-09-01T00:00:00.000Z', updatedBy: 'p1' },
            ],
          }),
          followUp('fiche-1-2', 'in-progress'),
          followUp('fiche-2-2', 'abandoned'),
        ],
      }),
    );
    const [axis1, axis2] = dashboard.axes;
    expect(axis1?.byStatus).toEqual({ 'not-started': 0, 'in-progress': 1, done: 1, abandoned: 0 });
    expect(axis1?.percentDone).toBe(50);
    expect(axis1?.plannedCents).toBe(1_102_750_000);
    expect(axis1?.committedCents).toBe(550_000_000);
    expect(axis1?.spentCents).toBe(350_000_000);
    // Axis 2: one abandoned (left out), one not started → 0 % of 1.
    expect(axis2?.percentDone).toBe(0);
    expect(dashboard.totals.percentDone).toBe(33);
    const row = dashboard.rows[0];
    expect(row).toMatchObject({ leadName: 'CRESS Rhône-Alpes', axisNumber: 1, axisTitle: 'Promouvoir l’ESS', committedCents: 550_000_000, spentCents: 350_000_000, plannedCents: 600_000_000 });
    // Unknown lead: its id is shown rather than nothing; no lead: empty.
    expect(dashboard.rows[2]?.leadName).toBe('unknown-structure');
    expect(dashboard.rows[3]?.leadName).toBe('');
  });

  it('gives each funder its share, planned, committed and spent, matching spellings', () => {
    const view = programme();
    const dashboard = buildDashboard(
      input(view, {
        followUps: [
          followUp('fiche-1-1', 'in-progress', { finances: [{ funder: 'etat', committedCents: 12_345, spentCents: 45, updatedAt: at, updatedBy: 'p1' }] }),
          followUp('fiche-1-2', 'in-progress', { finances: [{ funder: 'Fondation X', committedCents: 100, spentCents: 0, updatedAt: at, updatedBy: 'p1' }] }),
        ],
      }),
    );
    expect(dashboard.funders).toEqual([
      { funder: 'Région Rhône-Alpes', shareCents: 760_250_000, plannedCents: 760_250_000, committedCents: 0, spentCents: 0 },
      { funder: 'État', shareCents: 342_500_000, plannedCents: 342_500_000, committedCents: 12_345, spentCents: 45 },
      { funder: 'Acteurs locaux de l’ESS', shareCents: 2_278_899_100, plannedCents: 2_278_899_100, committedCents: 0, spentCents: 0 },
      { funder: 'Fondation X', shareCents: null, plannedCents: 0, committedCents: 100, spentCents: 0 },
    ]);
  });

  it('counts a sheet in each territory it covers and says how much is shared', () => {
    const dashboard = buildDashboard(input(programme(), { followUps: [followUp('fiche-1-2', 'done')] }));
    const byCode = new Map(dashboard.territories.map((territory) => [territory.code, territory]));
    expect(dashboard.territories.map((territory) => territory.name)).toEqual(['Toute la région', 'Isère', 'Rhône', 'Territoire non précisé']);
    expect(byCode.get('69')).toMatchObject({ sheetCount: 2, plannedCents: 502_750_000 + 2_278_899_100, sharedSheetCount: 1, sharedPlannedCents: 502_750_000, percentDone: 50 });
    expect(byCode.get('38')).toMatchObject({ sheetCount: 1, sharedSheetCount: 1, percentDone: 100 });
    expect(byCode.get('region')).toMatchObject({ sheetCount: 1, sharedSheetCount: 0, sharedPlannedCents: 0 });
    expect(byCode.get('')?.sheetCount).toBe(1);
    expect(dashboard.rows[1]?.territories).toEqual(['Isère', 'Rhône']);
  });

  it('lists late actions: end passed and not done, or start passed and not started', () => {
    const view = programme();
    const dashboard = buildDashboard(
      input(view, {
        today: '2012-03-01',
        followUps: [followUp('fiche-1-1', 'in-progress'), followUp('fiche-2-1', 'not-started'), followUp('fiche-2-2', 'abandoned')],
      }),
    );
    // 1.1 ended 2011-12-31 (61 days); 2.1 should have started 2011-06-01; 1.2 started 2012-01-01 and is not started either.
    expect(dashboard.late.map((late) => [late.number, late.kind, late.daysLate, late.label])).toEqual([
      ['2.1', 'start-passed', 274, 'devait commencer il y a 274 jours'],
      ['1.1', 'end-passed', 61, 'en retard de 61 jours'],
      ['1.2', 'start-passed', 60, 'devait commencer il y a 60 jours'],
    ]);
    expect(dashboard.rows[0]?.late).toEqual({ kind: 'end-passed', daysLate: 61 });
    // Done or abandoned is never late; a date of today is not passed yet.
    expect(lateness({ startDate: '2011-01-01', endDate: '2011-02-01' }, 'done', '2012-01-01')).toBeNull();
    expect(lateness({ startDate: '2012-01-01', endDate: '2012-12-31' }, 'not-started', '2012-01-01')).toBeNull();
    expect(lateness({ startDate: '2011-01-01', endDate: '2011-01-02' }, 'not-started', '2011-01-03')).toEqual({ kind: 'end-passed', dueDate: '2011-01-02', daysLate: 1 });
    expect(lateLabel('end-passed', 1)).toBe('en retard de 1 jour');
    expect(lateLabel('start-passed', 1200)).toBe('devait commencer il y a 1\u202f200 jours');
  });

  it('keeps the latest evaluation per sheet and counts assessments', () => {
    const view = programme();
    const dashboard = buildDashboard(
      input(view, {
        evaluations: [
          evaluation('e1', 'fiche-1-1', '2011', { assessment: 'satisfactory', recordedAt: '2012-01-10T00:00:00.000Z' }),
          evaluation('e2', 'fiche-1-1', '2011-S2', { assessment: 'unsatisfactory', recordedAt: '2012-02-10T00:00:00.000Z' }),
          evaluation(
            'e3',
            'fiche-1-2',
            '2012-S1',
            { assessment: 'unsatisfactory', recordedAt: '2012-07-01T00:00:00.000Z' },
            { assessment: 'to-watch', recordedAt: '2012-07-05T00:00:00.000Z', recommendation: 'Renforcer l’animation' },
          ),
          evaluation('gone', 'deleted-sheet', '2012', { assessment: 'unsatisfactory', recordedAt: '2012-07-01T00:00:00.000Z' }),
        ],
      }),
    );
    expect(dashboard.latestEvaluations.map((e) => [e.number, e.period, e.assessment, e.revisionCount])).toEqual([
      ['1.1', '2011', 'satisfactory', 1],
      ['1.2', '2012-S1', 'to-watch', 2],
    ]);
    expect(dashboard.assessmentCounts).toEqual({ satisfactory: 1, 'to-watch': 1, unsatisfactory: 0 });
    expect(dashboard.rows[1]?.latestEvaluation).toEqual({ period: '2012-S1', assessment: 'to-watch', comment: 'Avis', recommendation: 'Renforcer l’animation' });
    expect(dashboard.rows[2]?.latestEvaluation).toBeNull();
  });

  it('gives each indicator its latest actual next to its target, and reports count and date', () => {
    const view = programme();
    const indicatorId = view.sheets.get('fiche-1-1')?.indicators[0]?.id ?? '';
    const actual = (value: number, date: string, createdAt: string) => ({ id: `${value}`, indicatorId, value, date, createdAt, ...author });
    const dashboard = buildDashboard(
      input(view, {
        followUps: [
          followUp('fiche-1-1', 'in-progress', {
            actuals: [actual(3, '2011-12-01', '2011-12-02T00:00:00.000Z'), actual(1, '2011-06-01', '2012-01-01T00:00:00.000Z'), actual(2, '2011-12-01', '2011-12-01T00:00:00.000Z')],
            reports: [
              { id: 'r1', date: '2011-10-01', text: 'Lancement', createdAt: at, ...author },
              { id: 'r2', date: '2011-11-15', text: 'Suite', createdAt: at, ...author },
            ],
          }),
        ],
      }),
    );
    expect(dashboard.rows[0]?.indicators).toEqual([{ id: indicatorId, name: 'Études publiées', unit: 'études', baseline: 0, target: 4, latestActual: 3, latestActualDate: '2011-12-01' }]);
    expect(dashboard.rows[0]).toMatchObject({ reportsCount: 2, latestReportDate: '2011-11-15' });
    expect(dashboard.rows[1]).toMatchObject({ reportsCount: 0, latestReportDate: null });
  });

  it('puts sheets whose axis was deleted last, under their own group', () => {
    const doc = new Y.Doc();
    writeProgramme(doc, { axes: [{ id: 'a', title: 'A', aim: '', sheets: [sheet('s1', 'Un'), sheet('s2', 'Deux')] }] });
    sheetAt(doc, 's1')?.set('axisId', 'deleted');
    const view = readProgramme(doc);
    const dashboard = buildDashboard(input(view));
    expect(dashboard.rows.map((row) => [row.number, row.axisNumber])).toEqual([
      ['1.1', 1],
      ['?.1', null],
    ]);
    expect(dashboard.axes.map((axis) => [axis.number, axis.title, axis.sheetCount])).toEqual([
      [1, 'A', 1],
      [null, 'Fiches sans axe', 1],
    ]);
  });

  it('has helpers that agree with the calendar and with periods', () => {
    expect(daysBetween('2011-12-31', '2012-03-01')).toBe(61);
    expect(daysBetween('2012-03-25', '2012-03-26')).toBe(1);
    expect(['2012', '2012-S2', '2011', '2012-S1'].sort(comparePeriods)).toEqual(['2011', '2012-S1', '2012-S2', '2012']);
    expect(percentDone({ 'not-started': 0, 'in-progress': 0, done: 0, abandoned: 2 })).toBeNull();
    expect(percentDone({ 'not-started': 1, 'in-progress': 1, done: 1, abandoned: 5 })).toBe(33);
    expect(currentFinances(undefined)).toEqual([]);
    const view = programme();
    expect([...plannedByFunder(view.sheets.get('fiche-1-1')!)]).toEqual([
      ['Région Rhône-Alpes', 500_000_000],
      ['ÉTAT', 100_000_000],
    ]);
  });
});

