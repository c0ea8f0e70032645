import { describe, expect, it } from 'vitest';
import type { VersionView } from '../../shared/schemas/versions';
import { checkpointDays, comparePath, editorNames, formatBytes, localDay, namedVersions, publicLinkUrl, versionPath } from '../../client/versions/version-lists';

/** An instant of local time, as the ISO string the server sends. */
function at(year: number, month: number, day: number, hour: number, minute = 0): string {
  return new Date(year, month - 1, day, hour, minute).toISOString();
}

function version(id: string, kind: VersionView['kind'], createdAt: string): VersionView {
  return {
    id,
    workspaceId: 'ws',
    kind,
    name: id,
    comment: '',
    createdAt,
    createdBy: kind === 'checkpoint' ? null : 'p1',
    createdByName: kind === 'checkpoint' ? 'Trame' : 'Coordination',
    stateBytes: 100,
    restoredFrom: null,
    editors: [],
    envelope: null,
    isFreezing: false,
    publication: null,
  };
}

describe('the versions page’s lists', () => {
  const versions = [
    version('cp-1', 'checkpoint', at(2026, 3, 12, 9)),
    version('v-old', 'named', at(2026, 3, 10, 14)),
    version('cp-3', 'checkpoint', at(2026, 3, 13, 0, 5)),
    version('adopted', 'adopted', at(2026, 3, 14, 18)),
    version('cp-2', 'checkpoint', at(2026, 3, 12, 23, 55)),
  ];

  it('lists named and adopted versions newest first, without checkpoints', () => {
    expect(namedVersions(versions).map((v) => v.id)).toEqual(['adopted', 'v-old']);
  });

  it('groups checkpoints by local day, newest day and newest checkpoint first', () => {
    const days = checkpointDays(versions);
    expect(days.map((day) => day.day)).toEqual(['2026-03-13', '2026-03-12']);
    expect(days[1]?.checkpoints.map((v) => v.id)).toEqual(['cp-2', 'cp-1']);
    expect(localDay(at(2026, 1, 2, 23, 59))).toBe('2026-01-02');
    expect(checkpointDays([version('v', 'named', at(2026, 3, 1, 1))])).toEqual([]);
  });

  it('writes sizes in French units', () => {
    expect(formatBytes(850)).toBe('850 octets');
    expect(formatBytes(12_600)).toBe('12,3 Ko');
    expect(formatBytes(1_258_291)).toBe('1,2 Mo');
  });

  it('names the editors only when every one of them can be named', () => {
    const names = new Map([
      ['p1', 'Zoé Martin'],
      ['p2', 'Amine Benali'],
    ]);
    expect(editorNames(['p1', 'p2'], names)).toEqual(['Amine Benali', 'Zoé Martin']);
    expect(editorNames(['p1', 'p3'], names)).toBeNull();
    expect(editorNames(['p1'], null)).toBeNull();
  });

  it('builds the paths of the version and comparison pages', () => {
    expect(versionPath('ess', 'v1')).toBe('/w/ess/versions/v1');
    expect(comparePath('ess', 'v1')).toBe('/w/ess/versions/comparer?de=v1&a=live');
    expect(comparePath('ess', 'v1', 'v2')).toBe('/w/ess/versions/comparer?de=v1&a=v2');
    expect(publicLinkUrl('https://trame.example', '/p/abc_DEF-1')).toBe('https://trame.example/p/abc_DEF-1');
  });
});
