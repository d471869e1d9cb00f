import { describe, expect, it } from 'vitest';
import { listChanges } from './call-diff';

interface Area {
  code: string;
  name: string;
  allocation: string;
}
const areas: Area[] = [
  { code: 'I', name: 'Integrace', allocation: '15000000.00' },
  { code: 'II', name: 'Publikace', allocation: '1000000.00' },
  { code: 'III', name: 'Tlumočení', allocation: '500000.00' },
];
const describeArea = (a: Area) => `${a.name}: ${a.allocation}`;
const changes = (after: Area[]) =>
  listChanges(
    areas,
    after,
    (a) => a.code,
    (a) => `${a.code} ${a.name}`,
    describeArea,
  );

describe('listChanges', () => {
  it('finds nothing when the lists are the same, whatever the order', () => {
    expect(changes([areas[2], areas[0], areas[1]])).toEqual([]);
  });

  it('reports a changed item by its code, with before and after', () => {
    expect(changes([{ ...areas[0], allocation: '14000000.00' }, areas[1], areas[2]])).toEqual([
      { key: 'I', label: 'I Integrace', before: 'Integrace: 15000000.00', after: 'Integrace: 14000000.00' },
    ]);
  });

  it('reports an added and a removed item', () => {
    const added = { code: 'IV', name: 'Nový', allocation: '1.00' };
    expect(changes([areas[0], areas[1], added])).toEqual([
      { key: 'IV', label: 'IV Nový', before: '', after: 'Nový: 1.00' },
      { key: 'III', label: 'III Tlumočení', before: 'Tlumočení: 500000.00', after: '' },
    ]);
  });

  it('keys a row without a code yet by its position', () => {
    expect(changes([...areas, { code: ' ', name: '', allocation: '' }]).map((c) => c.key)).toEqual(['#4']);
  });
});
