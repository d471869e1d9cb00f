import 'reflect-metadata';
import { Money } from '#core';
import { Criterion, rankArea, RankingCandidate, Ratio, recommend, RecommendationInput, RecommendationStrategy, scoreApplication } from './index.js';

const NB = '\u00a0';
const JUST = 'Zdůvodnění hodnocení kritéria.';

function criterion(id: string, maxScore: number, weight: string, position: number, minScore: number | null = null): Criterion {
  return { id, code: id.toUpperCase(), name: `Kritérium ${id}`, maxScore, weight, minScore, position };
}

// K2 weighs twice as much as K1, so it is the first-weighted criterion. Full scale 30 points.
const K1 = criterion('k1', 10, '1.000', 1);
const K2 = criterion('k2', 10, '2.000', 2);
const CRITERIA = [K1, K2];

interface Options {
  /** One [k1, k2] pair per reviewer; [] means no submitted sheet. */
  sheets?: Array<Array<number | 'na'>>;
  /** Consensus points, to pin the final score. */
  final?: string;
  threshold?: string;
  requested?: string;
  cut?: [string, string];
  adjustment?: [string, string];
  voteRejected?: boolean;
  submittedAt?: Date;
  criteria?: Criterion[];
}

let counter = 0;
function candidate(applicationNumber: string, o: Options = {}): RankingCandidate {
  const criteria = o.criteria ?? CRITERIA;
  const rows = o.sheets ?? [[5, 5]];
  const score = scoreApplication({
    applicationId: `id-${applicationNumber}`,
    criteria,
    sheets: rows.map((row, i) => ({
      reviewerId: `r${i}`,
      scores: criteria.map((c, j) => ({ criterionId: c.id, score: row[j] === 'na' ? null : row[j], notApplicable: row[j] === 'na', justification: JUST })),
    })),
    consensus: o.final ? { points: Ratio.parse(o.final), reason: 'Shoda komise.' } : null,
    overallThreshold: o.threshold ? Ratio.parse(o.threshold) : null,
  });
  counter += 1;
  return {
    applicationId: `id-${applicationNumber}`,
    applicationNumber,
    budgetAreaCode: 'A',
    score,
    submittedAt: o.submittedAt ?? new Date(Date.UTC(2025, 2, 1, 9, 0, counter)),
    requested: Money.parse(o.requested ?? '100000'),
    cut: o.cut ? { amount: Money.parse(o.cut[0]), reason: o.cut[1] } : null,
    adjustment: o.adjustment ? { amount: Money.parse(o.adjustment[0]), reason: o.adjustment[1] } : null,
    voteRejected: o.voteRejected ?? false,
  };
}

const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 9, minute, 0));
const order = (ranked: { applicationNumber: string }[]) => ranked.map((r) => r.applicationNumber);
const m = (text: string) => Money.parse(text);

describe('rankArea', () => {
  it('lets the weights change the order', () => {
    const x = candidate('X', { sheets: [[10, 4]] }); // weighted 18, unweighted 14
    const y = candidate('Y', { sheets: [[4, 8]] }); // weighted 20, unweighted 12
    expect(order(rankArea(CRITERIA, [x, y]))).toEqual(['Y', 'X']);

    const flat = [criterion('k1', 10, '1', 1), criterion('k2', 10, '1', 2)];
    const x1 = candidate('X', { sheets: [[10, 4]], criteria: flat });
    const y1 = candidate('Y', { sheets: [[4, 8]], criteria: flat });
    expect(order(rankArea(flat, [x1, y1]))).toEqual(['X', 'Y']);
  });

  it('breaks a 3-way tie by the mean of the first-weighted criterion', () => {
    // All three have 22 points; later submission and higher numbers would favour the reverse order.
    const p = candidate('2025/003', { sheets: [[2, 10]], submittedAt: at(30) });
    const q = candidate('2025/002', { sheets: [[4, 9]], submittedAt: at(20) });
    const r = candidate('2025/001', { sheets: [[6, 8]], submittedAt: at(10) });
    const ranked = rankArea(CRITERIA, [r, q, p]);
    expect(order(ranked)).toEqual(['2025/003', '2025/002', '2025/001']);
    expect(ranked.map((x) => x.rank)).toEqual([1, 2, 3]);
    expect(ranked.every((x) => x.final!.equals(Ratio.fromInteger(22)))).toBe(true);
    expect(ranked[1].tieBreak).toContain('Shodné výsledné hodnocení (22,00 b.) s přihláškami 2025/003, 2025/001.'.replace(/ b\./, `${NB}b.`));
    expect(ranked[1].tieBreak).toContain(`Za přihláškou 2025/003: rozhodl vyšší průměr nejvýše váženého kritéria K2 (Kritérium k2) (10,00${NB}b. oproti 9,00${NB}b.)`);
    expect(ranked[1].tieBreak).toContain(`Před přihláškou 2025/001: rozhodl vyšší průměr nejvýše váženého kritéria K2 (Kritérium k2) (9,00${NB}b. oproti 8,00${NB}b.)`);
  });

  it('picks the first-weighted criterion by largest weight, then lowest position', () => {
    const kz = criterion('kz', 10, '1', 0);
    const ky = criterion('ky', 10, '2', 1);
    const kx = criterion('kx', 10, '2.000', 2);
    const criteria = [kx, kz, ky];
    // Same final (25); kx would favour U, ky favours V.
    const u = candidate('U', { criteria, sheets: [[8, 5, 2]], submittedAt: at(1) });
    const v = candidate('V', { criteria, sheets: [[2, 5, 8]], submittedAt: at(2) });
    expect(u.score.final!.equals(v.score.final!)).toBe(true);
    const ranked = rankArea(criteria, [u, v]);
    expect(order(ranked)).toEqual(['V', 'U']);
    expect(ranked[0].tieBreak).toContain('KY');
  });

  it('breaks a 3-way tie by earlier submission when the criterion means are equal', () => {
    const a = candidate('2025/001', { submittedAt: at(30) });
    const b = candidate('2025/002', { submittedAt: at(10) });
    const c = candidate('2025/003', { submittedAt: at(20) });
    const ranked = rankArea(CRITERIA, [a, b, c]);
    expect(order(ranked)).toEqual(['2025/002', '2025/003', '2025/001']);
    // 9:20 UTC is 10:20 in Prague in March.
    expect(ranked[1].tieBreak).toContain('Za přihláškou 2025/002: rozhodlo dřívější podání (1. 3. 2025 10:10:00 oproti 1. 3. 2025 10:20:00).');
    expect(ranked[1].tieBreak).toContain('Před přihláškou 2025/001: rozhodlo dřívější podání');
  });

  it('breaks a 3-way tie by application number when everything else is equal', () => {
    const same = at(5);
    const ranked = rankArea(CRITERIA, [candidate('B-10', { submittedAt: same }), candidate('B-02', { submittedAt: same }), candidate('B-07', { submittedAt: same })]);
    expect(order(ranked)).toEqual(['B-02', 'B-07', 'B-10']);
    expect(ranked[2].tieBreak).toContain('Za přihláškou B-07: rozhodlo číslo přihlášky (B-07 je řazeno před B-10).');
  });

  it('puts applications without a final score last, still ranked, and explains untied neighbours only when needed', () => {
    const none = candidate('N', { sheets: [] });
    const high = candidate('H', { sheets: [[9, 9]] });
    const low = candidate('L', { sheets: [[1, 1]] });
    const ranked = rankArea(CRITERIA, [none, low, high]);
    expect(order(ranked)).toEqual(['H', 'L', 'N']);
    expect(ranked[2]).toMatchObject({ rank: 3, final: null });
    expect(ranked[2].tieBreak).toContain('Bez výsledného hodnocení');
    expect(ranked[0].tieBreak).toBe('');

    // Finals that print the same with two decimals get an explanation with more of them.
    const f1 = candidate('F1', { final: '20.004' });
    const f2 = candidate('F2', { final: '20.001' });
    const close = rankArea(CRITERIA, [f2, f1]);
    expect(order(close)).toEqual(['F1', 'F2']);
    expect(close[1].tieBreak).toContain('20,004');
  });
});

function input(strategy: RecommendationStrategy, allocation: string, candidates: RankingCandidate[], extra: Partial<RecommendationInput> = {}): RecommendationInput {
  return { criteria: CRITERIA, allocation: m(allocation), minGrant: null, maxGrant: null, strategy, candidates, ...extra };
}

const RANK: RecommendationStrategy = { kind: 'rank_order', allowPartial: false };
const PARTIAL: RecommendationStrategy = { kind: 'rank_order', allowPartial: true };
const PROPORTIONAL: RecommendationStrategy = { kind: 'proportional' };

describe('recommend in rank order', () => {
  it('explains each line in Czech with the formatted amounts', () => {
    const result = recommend(input(RANK, '600000', [candidate('2025/001', { final: '22', requested: '200000', cut: ['20000', 'nezpůsobilá položka'] })]));
    const line = result.lines[0];
    expect(line).toMatchObject({ reasonCode: 'FUNDED_IN_FULL', rank: 1 });
    expect(line.recommended.toString()).toBe('180000.00');
    expect(line.explanation.cs).toBe(
      `1. místo (22,00${NB}b.): požadováno 200${NB}000,00${NB}Kč, po krácení o 20${NB}000,00${NB}Kč (nezpůsobilá položka) 180${NB}000,00${NB}Kč; doporučeno v plné výši, v okruhu zbývá 420${NB}000,00${NB}Kč.`,
    );
    expect(line.explanation.en).toBe(
      'Rank 1 (22.00 pts): requested 200,000.00 CZK, after a cut of 20,000.00 CZK (nezpůsobilá položka) 180,000.00 CZK; recommended in full; 420,000.00 CZK remains in the area.',
    );
    expect(result.remaining.toString()).toBe('420000.00');
  });

  it('skips what does not fit and carries on down the list', () => {
    const result = recommend(
      input(
        RANK,
        '500000',
        [
          candidate('A', { final: '29', requested: '300000' }),
          candidate('B', { final: '28', requested: '250000' }),
          candidate('C', { final: '27', requested: '150000' }),
          candidate('D', { final: '26', requested: '40000' }),
          candidate('E', { final: '25', requested: '10000', voteRejected: true }),
          candidate('F', { final: '10', requested: '10000', threshold: '15' }),
          candidate('G', { sheets: [], requested: '10000' }),
        ],
        { minGrant: m('50000') },
      ),
    );
    expect(result.lines.map((l) => [l.applicationNumber, l.reasonCode, l.recommended.toString(), l.remainingAfter.toString()])).toEqual([
      ['A', 'FUNDED_IN_FULL', '300000.00', '200000.00'],
      ['B', 'ALLOCATION_EXHAUSTED', '0.00', '200000.00'],
      ['C', 'FUNDED_IN_FULL', '150000.00', '50000.00'],
      ['D', 'BELOW_MIN_GRANT', '0.00', '50000.00'],
      ['E', 'VOTED_DOWN', '0.00', '50000.00'],
      ['F', 'NOT_RECOMMENDABLE', '0.00', '50000.00'],
      ['G', 'NO_SCORE', '0.00', '50000.00'],
    ]);
    expect(result.recommendedTotal.toString()).toBe('450000.00');
    expect(result.lines[1].explanation.cs).toContain(`zbývá jen 200${NB}000,00${NB}Kč`);
    expect(result.lines[3].explanation.cs).toContain(`minimální výše dotace 50${NB}000,00${NB}Kč`);
    expect(result.lines[5].explanation.cs).toContain(`výsledné hodnocení 10,00${NB}b. je pod celkovým prahem 15,00${NB}b.`);
  });

  it('funds the rest partially in whole crowns only when it reaches the minimum grant', () => {
    const partial = recommend(
      input(PARTIAL, '500000.50', [
        candidate('A', { final: '29', requested: '300000' }),
        candidate('B', { final: '28', requested: '250000' }),
        candidate('C', { final: '27', requested: '1000' }),
      ]),
    );
    expect(partial.lines.map((l) => [l.reasonCode, l.recommended.toString()])).toEqual([
      ['FUNDED_IN_FULL', '300000.00'],
      ['FUNDED_PARTIALLY', '200000.00'],
      ['ALLOCATION_EXHAUSTED', '0.00'],
    ]);
    expect(partial.remaining.toString()).toBe('0.50');
    expect(partial.lines[1].explanation.cs).toContain(`doporučeno částečně 200${NB}000,00${NB}Kč`);

    const tooLittle = recommend(
      input(PARTIAL, '340000', [candidate('A', { final: '29', requested: '300000' }), candidate('B', { final: '28', requested: '250000' })], { minGrant: m('50000') }),
    );
    expect(tooLittle.lines.map((l) => l.reasonCode)).toEqual(['FUNDED_IN_FULL', 'ALLOCATION_EXHAUSTED']);
    expect(tooLittle.lines[1].explanation.cs).toContain('zbytek je nižší než minimální výše dotace');
  });

  it('caps at the maximum grant and rounds a request down to whole crowns', () => {
    const result = recommend(
      input(RANK, '1000000', [candidate('A', { final: '29', requested: '400000' }), candidate('B', { final: '28', requested: '100000.60' })], { maxGrant: m('250000') }),
    );
    expect(result.lines.map((l) => [l.eligible.toString(), l.recommended.toString()])).toEqual([
      ['250000.00', '250000.00'],
      ['100000.00', '100000.00'],
    ]);
    expect(result.lines[0].explanation.cs).toContain(`omezeno maximální výší dotace na 250${NB}000,00${NB}Kč`);
    expect(result.lines[1].explanation.cs).toContain(`zaokrouhleno dolů na celé koruny 100${NB}000,00${NB}Kč`);
  });

  it('takes a commission adjustment, capped by the eligible amount and by what remains', () => {
    const result = recommend(
      input(RANK, '300000', [
        candidate('A', { final: '29', requested: '100000', adjustment: ['120000', 'podle rozpočtu'] }),
        candidate('B', { final: '28', requested: '180000', adjustment: ['150000', 'snížení počtu akcí'] }),
      ]),
    );
    expect(result.lines.map((l) => [l.reasonCode, l.recommended.toString()])).toEqual([
      ['ADJUSTED_BY_COMMISSION', '100000.00'],
      ['ADJUSTED_BY_COMMISSION', '150000.00'],
    ]);
    expect(result.lines[0].explanation.cs).toContain(`omezeno na způsobilou částku 100${NB}000,00${NB}Kč`);

    const short = recommend(
      input(RANK, '300000', [
        candidate('A', { final: '29', requested: '200000' }),
        candidate('B', { final: '28', requested: '180000', adjustment: ['150000', 'snížení počtu akcí'] }),
      ]),
    );
    expect(short.lines[1]).toMatchObject({ reasonCode: 'ADJUSTED_BY_COMMISSION' });
    expect(short.lines[1].recommended.toString()).toBe('100000.00');
    expect(short.lines[1].explanation.cs).toContain(`v okruhu však zbývalo jen 100${NB}000,00${NB}Kč, doporučeno tedy 100${NB}000,00${NB}Kč`);
  });

  it('refuses inconsistent input', () => {
    expect(() => recommend(input(RANK, '1000', [candidate('A', { requested: '100', cut: ['200', 'x'] })]))).toThrow(/cut exceeds/);
    expect(() => recommend(input(RANK, '1000', [], { minGrant: m('10'), maxGrant: m('5') }))).toThrow(/minimum grant/);
    const other = { ...candidate('B'), budgetAreaCode: 'Z' };
    expect(() => recommend(input(RANK, '1000', [candidate('A'), other]))).toThrow(/one budget area/);
  });
});

describe('recommend proportionally', () => {
  it('funds everyone in full when the area is not oversubscribed', () => {
    const result = recommend(input(PROPORTIONAL, '500000', [candidate('A', { final: '29', requested: '200000' }), candidate('B', { final: '28', requested: '100000' })]));
    expect(result.lines.map((l) => [l.reasonCode, l.recommended.toString()])).toEqual([
      ['FUNDED_IN_FULL', '200000.00'],
      ['FUNDED_IN_FULL', '100000.00'],
    ]);
  });

  it('gives everyone the same share when oversubscribed', () => {
    const result = recommend(
      input(PROPORTIONAL, '100000', [
        candidate('A', { final: '29', requested: '100000' }),
        candidate('B', { final: '28', requested: '50000' }),
        candidate('C', { final: '27', requested: '50000' }),
        candidate('D', { final: '26', requested: '50000', voteRejected: true }),
      ]),
    );
    expect(result.lines.map((l) => [l.reasonCode, l.recommended.toString()])).toEqual([
      ['FUNDED_PROPORTIONALLY', '50000.00'],
      ['FUNDED_PROPORTIONALLY', '25000.00'],
      ['FUNDED_PROPORTIONALLY', '25000.00'],
      ['VOTED_DOWN', '0.00'],
    ]);
    expect(result.lines[1].explanation.cs).toContain(`50,00${NB}% způsobilé částky`);
    expect(result.lines[1].explanation.cs).toContain(`k poměrnému rozdělení 100${NB}000,00${NB}Kč na způsobilé částky celkem 200${NB}000,00${NB}Kč`);
  });

  it('drops applications under the minimum one at a time and recomputes until stable', () => {
    // Round 1: share 100/214 → 36 000 gives 16 822 < 25 000, drop it. Round 2: share 100/178 →
    // 38 000 gives 21 348, drop it. Round 3: share 100/140 → 71 428 and 28 571, both clear the
    // minimum. Dropping everyone under the minimum in round 1 would have lost 40 000 as well.
    const result = recommend(
      input(
        PROPORTIONAL,
        '100000',
        [
          candidate('A', { final: '29', requested: '100000' }),
          candidate('B', { final: '28', requested: '40000' }),
          candidate('C', { final: '27', requested: '38000' }),
          candidate('D', { final: '26', requested: '36000' }),
        ],
        { minGrant: m('25000') },
      ),
    );
    expect(result.lines.map((l) => [l.applicationNumber, l.reasonCode, l.recommended.toString()])).toEqual([
      ['A', 'FUNDED_PROPORTIONALLY', '71428.00'],
      ['B', 'FUNDED_PROPORTIONALLY', '28571.00'],
      ['C', 'BELOW_MIN_GRANT', '0.00'],
      ['D', 'BELOW_MIN_GRANT', '0.00'],
    ]);
    expect(result.recommendedTotal.toString()).toBe('99999.00');
    expect(result.remaining.toString()).toBe('1.00');
    expect(result.lines[2].explanation.cs).toContain(`by činil 21${NB}348,00${NB}Kč, což je méně než minimální výše dotace 25${NB}000,00${NB}Kč`);
    expect(result.lines[3].explanation.cs).toContain(`by činil 16${NB}822,00${NB}Kč`);
  });

  it('takes commission adjustments off the allocation first', () => {
    const result = recommend(
      input(PROPORTIONAL, '100000', [
        candidate('A', { final: '29', requested: '70000' }),
        candidate('B', { final: '28', requested: '50000', adjustment: ['30000', 'dohoda komise'] }),
        candidate('C', { final: '27', requested: '70000' }),
      ]),
    );
    expect(result.lines.map((l) => [l.reasonCode, l.recommended.toString()])).toEqual([
      ['FUNDED_PROPORTIONALLY', '35000.00'],
      ['ADJUSTED_BY_COMMISSION', '30000.00'],
      ['FUNDED_PROPORTIONALLY', '35000.00'],
    ]);
  });
});

describe('recommend on random areas', () => {
  // A seeded generator, so a failure can be replayed.
  function generator(seed: number) {
    let state = seed >>> 0;
    return (n: number): number => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
  }

  it('never exceeds the allocation, an eligible amount, the maximum, or goes under the minimum', () => {
    const rnd = generator(20250301);
    const crowns = (max: number) => Money.fromHalere(BigInt(rnd(max + 1)) * 100n + (rnd(4) === 0 ? BigInt(rnd(100)) : 0n));
    const seen = new Map<string, number>();
    for (let area = 0; area < 200; area++) {
      const candidates: RankingCandidate[] = [];
      const count = 1 + rnd(10);
      for (let i = 0; i < count; i++) {
        const requested = crowns(500000);
        const c = candidate(`R${area}-${i}`, {
          sheets:
            rnd(10) === 0
              ? []
              : [
                  [rnd(11), rnd(11)],
                  [rnd(11), rnd(3) === 0 ? 'na' : rnd(11)],
                ],
          threshold: rnd(5) === 0 ? '15' : undefined,
          voteRejected: rnd(10) === 0,
          submittedAt: at(rnd(3)),
        });
        c.requested = requested;
        if (rnd(3) === 0) c.cut = { amount: Money.fromHalere((requested.halere * BigInt(rnd(1001))) / 1000n), reason: 'krácení' };
        if (rnd(5) === 0) c.adjustment = { amount: crowns(600000), reason: 'úprava' };
        candidates.push(c);
      }
      const minGrant = rnd(2) === 0 ? null : crowns(100000);
      const maxGrant = rnd(2) === 0 ? null : Money.fromHalere((minGrant?.halere ?? 0n) + crowns(400000).halere);
      const allocation = crowns(2000000);
      const strategy: RecommendationStrategy = rnd(2) === 0 ? { kind: 'proportional' } : { kind: 'rank_order', allowPartial: rnd(2) === 0 };
      const result = recommend({ criteria: CRITERIA, allocation, minGrant, maxGrant, strategy, candidates });

      const context = `area ${area} (${strategy.kind})`;
      expect([context, result.recommendedTotal.compare(allocation) <= 0]).toEqual([context, true]);
      expect(result.recommendedTotal.add(result.remaining).equals(allocation)).toBe(true);
      expect(result.lines).toHaveLength(count);
      let running = allocation;
      for (const line of result.lines) {
        const c = candidates.find((x) => x.applicationId === line.applicationId)!;
        const afterCut = c.cut ? c.requested.subtract(c.cut.amount) : c.requested;
        const capped = maxGrant && afterCut.compare(maxGrant) > 0 ? maxGrant : afterCut;
        expect(line.eligible.halere).toBe(capped.halere - (capped.halere % 100n));
        expect(line.recommended.compare(line.eligible)).toBeLessThanOrEqual(0);
        expect(line.recommended.halere % 100n).toBe(0n);
        if (maxGrant) expect(line.recommended.compare(maxGrant)).toBeLessThanOrEqual(0);
        seen.set(`${strategy.kind}:${line.reasonCode}`, (seen.get(`${strategy.kind}:${line.reasonCode}`) ?? 0) + 1);
        if (!line.recommended.isZero()) {
          if (minGrant) expect(line.recommended.compare(minGrant)).toBeGreaterThanOrEqual(0);
          expect(c.score.recommendable && !c.voteRejected).toBe(true);
        } else {
          expect(['FUNDED_IN_FULL', 'FUNDED_PARTIALLY', 'FUNDED_PROPORTIONALLY', 'ADJUSTED_BY_COMMISSION']).not.toContain(line.reasonCode);
        }
        running = running.subtract(line.recommended);
        expect(line.remainingAfter.equals(running)).toBe(true);
        expect(line.explanation.cs).toContain(line.requested.format());
        expect(line.explanation.cs).toContain(`v okruhu zbývá ${line.remainingAfter.format()}.`);
      }
    }
    // The generator must actually reach every outcome of both strategies, or the checks above prove little.
    expect([...seen.keys()].sort()).toEqual(
      [
        ...['ADJUSTED_BY_COMMISSION', 'ALLOCATION_EXHAUSTED', 'BELOW_MIN_GRANT', 'FUNDED_IN_FULL', 'FUNDED_PROPORTIONALLY', 'NOT_RECOMMENDABLE', 'NO_SCORE', 'VOTED_DOWN'].map(
          (c) => `proportional:${c}`,
        ),
        ...['ADJUSTED_BY_COMMISSION', 'ALLOCATION_EXHAUSTED', 'BELOW_MIN_GRANT', 'FUNDED_IN_FULL', 'FUNDED_PARTIALLY', 'NOT_RECOMMENDABLE', 'NO_SCORE', 'VOTED_DOWN'].map(
          (c) => `rank_order:${c}`,
        ),
      ].sort(),
    );
  });
});
