import { readFile } from 'node:fs/promises';
import { systemActor } from '#core';
import { StrategyService } from '#strategy';
import { createTestApp, TestApp } from '#testing';

const seed = (name: string) => readFile(new URL(`../libs/strategy/seeds/${name}`, import.meta.url), 'utf8');

describe('strategy catalogue', () => {
  let t: TestApp;
  let service: StrategyService;
  beforeAll(async () => {
    t = await createTestApp();
    service = t.app.get(StrategyService);
  });
  afterAll(() => t.close());

  it('imports the 2023 action plan with exact counts, once', async () => {
    const text = await seed('akcni-plan-2023.txt');
    const first = await service.importDocument(systemActor('test'), text, 'akcni-plan-2023.txt');
    expect(first.counts).toEqual({ priority: 5, area: 13, subgoal: 34, measure: 75, activity: 133 });
    expect(first.unplaced).toEqual([]);
    const again = await service.importDocument(systemActor('test'), text, 'akcni-plan-2023.txt');
    expect(again.created).toBe(false);
    expect(again.version.id).toBe(first.version.id);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM strategy_node WHERE version_id = $1', [first.version.id]);
    expect(count).toBe(5 + 13 + 34 + 75 + 133);
  });

  it('imports the Koncepce, and keeps old versions when a changed plan arrives', async () => {
    const koncepce = await service.importDocument(systemActor('test'), await seed('koncepce-2022-2027.txt'), 'koncepce.txt');
    expect(koncepce.version.kind).toBe('koncepce');
    expect(koncepce.counts).toMatchObject({ priority: 5, area: 13 });

    const original = await seed('akcni-plan-2023.txt');
    // A corrected edition: the same plan with one activity renamed.
    const revised = original.replace('Shrnutí a průběžná aktualizace', 'Shrnutí, revize a průběžná aktualizace');
    expect(revised).not.toBe(original);
    const next = await service.importDocument(systemActor('test'), revised, 'akcni-plan-2023-revize.txt');
    expect(next.created).toBe(true);
    const versions = await t.http.get('/strategy/versions').expect(200);
    const ids = versions.body.map((v: { id: string }) => v.id);
    expect(ids).toContain(next.version.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
  });

  it('browses the tree and a node with its ancestors', async () => {
    const versions = (await t.http.get('/strategy/versions').expect(200)).body as { id: string; kind: string; sourceName: string }[];
    const plan = versions.find((v) => v.sourceName === 'akcni-plan-2023.txt')!;
    const tree = (await t.http.get(`/strategy/versions/${plan.id}/tree`).expect(200)).body;
    expect(tree.roots).toHaveLength(5);
    const area2B = tree.roots[1].children.find((a: { code: string }) => a.code === '2.B');
    const subgoal13 = area2B.children.find((s: { code: string }) => s.code === '13');
    const measure = subgoal13.children.find((m: { code: string }) => m.code === '13.II');
    expect(measure.children.length).toBeGreaterThan(0);
    const activity = measure.children[0];
    expect(activity).toMatchObject({ level: 'activity', fundedByGrantProgramme: true });

    const node = (await t.http.get(`/strategy/nodes/${activity.id}`).expect(200)).body;
    expect(node.ancestors.map((a: { code: string }) => a.code)).toEqual(['2', '2.B', '13', '13.II']);
    await t.http.get(`/strategy/nodes/00000000-0000-4000-8000-000000000000`).expect(404);
    const badId = await t.http.get(`/strategy/nodes/not-a-uuid`).expect(422);
    expect(badId.body.code).toBe('BAD_REQUEST');
  });

  it('searches in Czech without caring about diacritics', async () => {
    const withAccents = (await t.http.get('/strategy/search').query({ q: 'komunitní tlumočení', level: 'activity' }).expect(200)).body;
    const without = (await t.http.get('/strategy/search').query({ q: 'komunitni tlumoceni', level: 'activity' }).expect(200)).body;
    expect(withAccents.total).toBeGreaterThan(0);
    expect(without.total).toBe(withAccents.total);
    const prefix = (await t.http.get('/strategy/search').query({ q: 'vzdel', pageSize: 5 }).expect(200)).body;
    expect(prefix.items.length).toBeGreaterThan(0);
    expect(prefix.items.length).toBeLessThanOrEqual(5);
    const funded = (await t.http.get('/strategy/search').query({ q: 'cizinc', fundedByGrantProgramme: 'true', pageSize: 200 }).expect(200)).body;
    expect(funded.items.every((n: { fundedByGrantProgramme: boolean }) => n.fundedByGrantProgramme)).toBe(true);
    const empty = await t.http.get('/strategy/search').query({ q: '!!!' }).expect(422);
    expect(empty.body.errors[0]).toMatchObject({ field: 'q', code: 'SEARCH_QUERY_EMPTY' });
  });

  it('refuses a document it does not recognise', async () => {
    await expect(service.importDocument(systemActor('test'), 'Nákupní seznam\nmléko\nchléb', 'seznam.txt')).rejects.toMatchObject({ code: 'STRATEGY_DOCUMENT_UNRECOGNISED' });
  });
});
