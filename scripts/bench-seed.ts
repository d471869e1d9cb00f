import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** A small deterministic generator, so every run of a benchmark works on the same data. */
export function generator(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % below;
  };
}

function ico(index: number): string {
  const base = String(2_000_000 + index).padStart(7, '0');
  const sum = [8, 7, 6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * Number(base[i]), 0);
  return `${base}${(11 - (sum % 11)) % 10}`;
}

export interface SeededCall {
  callId: string;
  areas: { id: string; code: string; name: string; allocation: string }[];
  criteria: { id: string; code: string; name: string; max: number; weight: string; min: number | null; position: number }[];
  organisations: string[];
  applications: string[];
}

/**
 * Inserts, inside the caller's transaction, a call in evaluation (5 weighted criteria, two budget
 * areas) with `n` formally accepted applications of `n` NGOs, each mapped to two action-plan
 * activities (2/3 and 1/3). Straight SQL: benchmarks measure what follows, not the set-up.
 */
export async function seedCallInEvaluation(
  client: pg.Client,
  options: { n: number; now: Date; areaAllocations: [string, string]; requested: (index: number) => string; areaOf: (index: number) => 0 | 1 },
): Promise<SeededCall> {
  const { now } = options;
  const callId = randomUUID();
  await client.query(
    `INSERT INTO grant_call (id, code, year, title, status, eligible_applicant_types, cost_categories, state_aid_regime, version, created_at, updated_at, min_grant, max_grant, total_allocation,
                             reviewers_per_application, purpose, reasons, opens_at, closes_at, decision_deadline, conditions, settlement_deadline, published_at)
     VALUES ($1::uuid, 'BENCH-' || substr($1::text, 1, 8), 2027, 'Dotační program hl. m. Prahy pro oblast integrace cizinců – zkušební výzva', 'in_evaluation', '{ngo,city_district}', '[]', 'none', 1, $2, $2,
             20000, 1500000, $3::numeric + $4::numeric, 3, 'Podpora integrace cizinců', 'Akční plán Koncepce', $2::timestamptz - interval '60 days', $2::timestamptz - interval '30 days',
             '2027-06-30', 'Podmínky výzvy', '2028-01-31', $2::timestamptz - interval '90 days')`,
    [callId, now, options.areaAllocations[0], options.areaAllocations[1]],
  );
  const areas = [
    { id: randomUUID(), code: 'I', name: 'Okruh I – integrační aktivity', allocation: options.areaAllocations[0] },
    { id: randomUUID(), code: 'II', name: 'Okruh II – publikace a audiovizuální díla', allocation: options.areaAllocations[1] },
  ];
  for (const [position, area] of areas.entries()) {
    await client.query(`INSERT INTO call_budget_area (id, call_id, code, name, allocation, position) VALUES ($1, $2, $3, $4, $5, $6)`, [
      area.id,
      callId,
      area.code,
      area.name,
      area.allocation,
      position,
    ]);
  }
  const criteria = [
    { code: 'K1', name: 'Soulad s akčním plánem Koncepce', max: 20, weight: '3', min: null },
    { code: 'K2', name: 'Kvalita a proveditelnost projektu', max: 20, weight: '2', min: 5 },
    { code: 'K3', name: 'Přiměřenost a hospodárnost rozpočtu', max: 10, weight: '2', min: null },
    { code: 'K4', name: 'Zkušenosti žadatele', max: 10, weight: '1', min: null },
    { code: 'K5', name: 'Spolupráce s městskou částí', max: 10, weight: '1', min: null },
  ].map((c, position) => ({ ...c, id: randomUUID(), position }));
  for (const c of criteria) {
    await client.query(`INSERT INTO call_criterion (id, call_id, code, name, max_score, weight, min_score, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      c.id,
      callId,
      c.code,
      c.name,
      c.max,
      c.weight,
      c.min,
      c.position,
    ]);
  }
  // Two activities of a small action plan of the benchmark's own.
  const versionId = randomUUID();
  const activityIds = [randomUUID(), randomUUID()];
  await client.query(
    `INSERT INTO strategy_version (id, kind, title, period_from, period_to, source_sha256, source_name, imported_at, counts, unplaced)
     VALUES ($1, 'action-plan', 'Akční plán (benchmark)', 2027, 2027, repeat('0', 64), 'bench', $2, '{}', '[]')`,
    [versionId, now],
  );
  await client.query(
    `INSERT INTO strategy_node (id, version_id, level, code, name, position, source_line, search_text)
     SELECT id, $2, 'activity', 'B.' || ord, 'Aktivita č. ' || ord, ord, ord, 'aktivita' FROM unnest($1::uuid[]) WITH ORDINALITY AS n(id, ord)`,
    [activityIds, versionId],
  );

  const organisations = Array.from({ length: options.n }, () => randomUUID());
  const applications = Array.from({ length: options.n }, () => randomUUID());
  await client.query(
    `INSERT INTO organisation (id, type, legal_form, name, ico, seat_street, seat_city, seat_postal_code, created_at, updated_at, version)
     SELECT id, 'ngo', 'spolek', 'Spolek pro integraci č. ' || ord, ico, 'Školská ' || ord, 'Praha', '110 00', $3, $3, 1
       FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS o(id, ico, ord)`,
    [organisations, organisations.map((_, i) => ico(i)), now],
  );
  await client.query(
    `INSERT INTO application (id, number, call_id, organisation_id, status, draft, draft_version, current_version_no, title, budget_area_id, requested_amount, total_cost, first_submitted_at, last_submitted_at, created_at, updated_at)
     SELECT id, 'BENCH-' || lpad(ord::text, 4, '0') || '-' || substr($5::text, 1, 4), $5::uuid, org, 'accepted', '{}', 1, 1, 'Komunitní tlumočení a kurzy češtiny č. ' || ord, area, req::numeric, req::numeric * 2,
            $6::timestamptz + make_interval(secs => ord), $6::timestamptz + make_interval(secs => ord), $6, $6
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) WITH ORDINALITY AS a(id, org, area, req, ord)`,
    [applications, organisations, applications.map((_, i) => areas[options.areaOf(i)].id), applications.map((_, i) => options.requested(i)), callId, now],
  );
  await client.query(
    `INSERT INTO application_activity (application_id, strategy_node_id, share_basis_points)
     SELECT a, $2::uuid, 6667 FROM unnest($1::uuid[]) a UNION ALL SELECT a, $3::uuid, 3333 FROM unnest($1::uuid[]) a`,
    [applications, activityIds[0], activityIds[1]],
  );
  return { callId, areas, criteria, organisations, applications };
}
