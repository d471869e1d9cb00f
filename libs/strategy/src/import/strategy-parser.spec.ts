import { readFileSync } from 'node:fs';

import { PRIORITY_NAMES } from './priority-names.js';
import { detectDocumentKind, parseStrategyDocument } from './strategy-parser.js';
import { STRATEGY_LEVELS, type ParsedDocument, type ParsedNode, type StrategyLevel } from './types.js';

// The project keeps its own copies of the public seed documents.
function readSeed(fileName: string): string {
  return readFileSync(new URL(`../../seeds/${fileName}`, import.meta.url), 'utf8');
}

const KONCEPCE_TEXT = readSeed('koncepce-2022-2027.txt');
const ACTION_PLAN_TEXT = readSeed('akcni-plan-2023.txt');

function allNodes(document: ParsedDocument): ParsedNode[] {
  const nodes: ParsedNode[] = [];
  const visit = (node: ParsedNode): void => {
    nodes.push(node);
    node.children.forEach(visit);
  };
  document.roots.forEach(visit);
  return nodes;
}

function nodesAt(document: ParsedDocument, level: StrategyLevel): ParsedNode[] {
  return allNodes(document).filter((node) => node.level === level);
}

function findNode(document: ParsedDocument, level: StrategyLevel, code: string): ParsedNode {
  const node = nodesAt(document, level).find((candidate) => candidate.code === code);
  if (node === undefined) throw new Error(`no ${level} ${code}`);
  return node;
}

function parentOf(document: ParsedDocument, child: ParsedNode): ParsedNode | undefined {
  return allNodes(document).find((node) => node.children.includes(child));
}

/** Structural rules that hold for any parsed document. */
function expectConsistentTree(document: ParsedDocument): void {
  for (const level of STRATEGY_LEVELS) {
    const codes = nodesAt(document, level).map((node) => node.code);
    expect(new Set(codes).size).toBe(codes.length);
  }
  for (const subgoal of nodesAt(document, 'subgoal')) {
    for (const measure of subgoal.children) expect(measure.code.startsWith(`${subgoal.code}.`)).toBe(true);
  }
  for (const measure of nodesAt(document, 'measure')) {
    for (const activity of measure.children) expect(activity.code.startsWith(`${measure.code}.`)).toBe(true);
  }
  for (const area of nodesAt(document, 'area')) {
    expect(area.code.startsWith(`${parentOf(document, area)?.code}.`)).toBe(true);
  }
}

describe('detectDocumentKind', () => {
  it('recognises both seeds by their title line', () => {
    expect(detectDocumentKind(KONCEPCE_TEXT)).toBe('koncepce');
    expect(detectDocumentKind(ACTION_PLAN_TEXT)).toBe('action-plan');
  });

  it('returns null for other text, and parsing such text fails clearly', () => {
    const text = 'Zápis z jednání Komise IC\n1. Úvod';
    expect(detectDocumentKind(text)).toBeNull();
    expect(() => parseStrategyDocument(text)).toThrow(/Cannot tell which strategy document/);
  });
});

describe('action plan 2023 (seed 001)', () => {
  const plan = parseStrategyDocument(ACTION_PLAN_TEXT);

  it('reads the title, the year and the period', () => {
    expect(plan).toMatchObject({
      kind: 'action-plan',
      title: 'Akční plán Koncepce hl. m. Prahy pro oblast integrace cizinců pro rok 2023',
      year: 2023,
      periodFrom: 2023,
      periodTo: 2023,
    });
  });

  it('has exact counts per level', () => {
    // 75 measures: every "OPATŘENÍ n.x" / "n.x⇥…" header, sub-goals 1–34, none repeated.
    // 133 activities: every row whose first cell starts with an activity number (n.x.y), none
    // repeated; the domain notes' "about 130" is that figure rounded. It includes 17.II.1, whose
    // row has only a name ("aktivita bude realizována v rámci priority Soužití").
    expect(plan.counts).toEqual({ priority: 5, area: 13, subgoal: 34, measure: 75, activity: 133 });
  });

  it('places every line that carries content, and skips only by named rules', () => {
    expect(plan.unplaced).toEqual([]);
    expect(plan.skipped).toEqual({
      title: 1,
      'table-of-contents': 22, // "Obsah" and its 21 entries
      abbreviations: 42, // the heading and 41 abbreviations
      introduction: 6, // "Úvod" and five paragraphs
      'activity-table-header': 69, // 68 headers, one of them wrapped ("Garant +" / "spolupráce")
      'table-rule': 30,
    });
  });

  it('names the priorities as the table of contents does', () => {
    expect(plan.roots.map((priority) => [priority.code, priority.name])).toEqual(PRIORITY_NAMES.map((name, index) => [String(index + 1), name]));
  });

  it('puts every sub-goal under its area', () => {
    const areaOfSubgoal = Object.fromEntries(nodesAt(plan, 'subgoal').map((subgoal) => [subgoal.code, parentOf(plan, subgoal)?.code]));
    const expected: Record<string, string> = {};
    const ranges: [string, number, number][] = [
      ['1.A', 1, 4],
      ['1.B', 5, 8],
      ['1.C', 9, 10],
      ['2.A', 11, 12],
      ['2.B', 13, 14],
      ['3.A', 15, 17],
      ['3.B', 18, 18],
      ['3.C', 19, 20],
      ['4.A', 21, 24],
      ['4.B', 25, 26],
      ['4.C', 27, 29],
      ['5.A', 30, 32],
      ['5.B', 33, 34],
    ];
    for (const [area, from, to] of ranges) for (let goal = from; goal <= to; goal += 1) expected[String(goal)] = area;
    expect(areaOfSubgoal).toEqual(expected);
    expect(findNode(plan, 'area', '2.B')).toMatchObject({ sourceCode: 'B', name: 'Integrace cizinců na lokální úrovni', sourceLine: 315 });
  });

  it('keeps codes unique per level and every code under its parent', () => {
    expectConsistentTree(plan);
  });

  describe('numbering normalisation', () => {
    it.each([
      ['activity', '1.I.2', '1.1.2'],
      ['activity', '6.I.1', '6.1.1'],
      ['measure', '6.I', '6.1'],
      ['measure', '3.I', 'OPATŘENÍ 3.1'],
      ['measure', '2.I', 'Opatření 2.1'],
      ['measure', '22.I', 'OPATŘENÍ 22.1'],
      ['measure', '13.II', 'OPATŘENÍ 13.II'],
    ] as const)('%s %s was written %j', (level, code, sourceCode) => {
      expect(findNode(plan, level, code).sourceCode).toBe(sourceCode);
    });

    it('records no source code when only a trailing period differs', () => {
      expect(findNode(plan, 'activity', '1.I.1').sourceCode).toBeUndefined(); // written "1.I.1."
      expect(findNode(plan, 'activity', '20.II.2').sourceCode).toBeUndefined(); // written "20.II.2."
      expect(findNode(plan, 'measure', '5.I').sourceCode).toBeUndefined(); // written "5.I"
    });

    it('files 6.1.x activities under measure 6.I next to 6.II and 6.III', () => {
      const subgoal6 = findNode(plan, 'subgoal', '6');
      expect(subgoal6.children.map((measure) => measure.code)).toEqual(['6.I', '6.II', '6.III']);
      expect(findNode(plan, 'measure', '6.I').children.map((activity) => activity.code)).toEqual(['6.I.1', '6.I.2']);
    });
  });

  describe('wrapped rows', () => {
    it('joins a name continued on a later line, after a blank line', () => {
      expect(findNode(plan, 'activity', '13.III.1').name).toBe('Zařazení tématu „informování cizinců o fungování místní samosprávy a životě na MČ“ do programu PP MČ a RPP');
    });

    it('joins several wrapped cells column by column', () => {
      expect(findNode(plan, 'activity', '21.III.3')).toMatchObject({
        name:
          'Realizace a finanční podpora doučování žáků s OMJ ze ZŠ ve všech potřebných předmětech v průběhu školního roku i o prázdninách, ' +
          'včetně informovanosti školských zařízení o poskytovatelích doučování (i prostřednictvím portálu metropolevsech.eu)',
        activity: {
          guarantor: 'SML MHMP, odd. NMC',
          partners: 'žadatelé o dotaci',
          fundingSource: 'rozpočet HMP (dotační programy SML MHMP / odd. NMC)',
          indicators: ['počty podpořených žáků', 'počet kurzů'],
        },
      });
    });

    it('takes a measure name from the line after its code', () => {
      expect(findNode(plan, 'measure', '27.II')).toMatchObject({
        sourceLine: 751,
        name: 'Vzdělávání pro získání kvalifikace učitele ČDJ a následná metodická podpora pedagogů ČDJ.',
      });
    });

    it('completes a wrapped detail label', () => {
      expect(findNode(plan, 'measure', '24.I').measureDetails?.targetState).toBe(
        'Efektivně spolupracující odbory školství a mládeže na úrovni MHMP i MČ, posílená meziodborová spolupráce.',
      );
    });
  });

  describe('activity fields', () => {
    it('reads 1.I.1 with a per-year cost and a wrapped frequency and funding source', () => {
      expect(findNode(plan, 'activity', '1.I.1')).toEqual({
        level: 'activity',
        code: '1.I.1',
        name: 'realizace projektů zahrnujících personální posílení odd. NMC',
        sourceLine: 99,
        children: [],
        activity: {
          guarantor: 'odd. NMC',
          partners: 'PRI MHMP',
          targetGroups: 'ODD. NMC',
          frequency: 'každoročně (1-leté projekty) / 1 x v období AP (víceleté projekty)',
          estimatedCostsText: 'r. 2022 - 300.000 r. 2023 - 300.000',
          estimatedCostsCzk: '300000.00',
          fundingSource: 'externí zdroje (MV ČR, fondy EU) + povinné kofinancování z rozpočtu HMP',
          indicators: ['realizované projekty posilující personální kapacity odd. NMC'],
          fundedByGrantProgramme: false,
        },
      });
    });

    it('reads 11.II.1 with a single numeric cost and a bulleted indicator list', () => {
      expect(findNode(plan, 'activity', '11.II.1').activity).toEqual({
        guarantor: 'odd. NMC, ICP',
        partners: null,
        targetGroups: 'OV',
        frequency: '1 x v období AP',
        estimatedCostsText: '10.000 Kč',
        estimatedCostsCzk: '10000.00',
        fundingSource: 'projekty obcí / rozpočet ICP',
        indicators: [
          'vytvořené informační letáky o RPP, PP MČ a PP OŠ',
          'nově oslovení relevantní aktéři zapojení do poradních platforem',
          'informační leták o PP MČ a PP OŠ (1x leták)',
        ],
        fundedByGrantProgramme: false,
      });
    });

    it('reads 13.II.1, funded through the grant programme', () => {
      expect(findNode(plan, 'activity', '13.II.1')).toMatchObject({
        name: 'Podpora realizace aktivit pro majoritu i cizince ze strany MČ v oblasti integrace cizinců na lokální úrovni ' + 'prostřednictvím dotačních programů hl. m. Prahy',
        sourceLine: 332,
        activity: {
          guarantor: 'odd. NMC',
          partners: 'žadatelé o dotaci',
          targetGroups: 'MČ',
          frequency: 'každoročně',
          estimatedCostsText: 'dle rozpočtu schváleného na daný rok',
          estimatedCostsCzk: null,
          fundingSource: 'rozpočet HMP (dotační programy)',
          indicators: ['počet podpořených aktivit'],
          fundedByGrantProgramme: true,
        },
      });
    });

    it('reads 32.I.2, whose cost for 2023 continues on a wrapped line', () => {
      expect(findNode(plan, 'activity', '32.I.2').activity).toMatchObject({
        partners: 'OMM MHMP, ICP, MČ, NNO včetně migrantských, ambasády, organizace veřejného sektoru',
        estimatedCostsText: '2022: 0 Kč 2023: 90.000 Kč (grafika, tisk, aktualizace, distribuce)',
        estimatedCostsCzk: '90000.00',
        fundedByGrantProgramme: false,
      });
    });

    it('turns dash placeholders into nulls', () => {
      expect(findNode(plan, 'activity', '6.I.2').activity).toMatchObject({ estimatedCostsText: null, fundingSource: null });
      expect(findNode(plan, 'activity', '17.II.1').activity).toMatchObject({ guarantor: null, indicators: [] });
    });

    it('flags exactly the activities whose funding source names a grant programme', () => {
      const flagged = nodesAt(plan, 'activity')
        .filter((activity) => activity.activity?.fundedByGrantProgramme)
        .map((activity) => activity.code);
      expect(flagged).toEqual([
        '11.III.1',
        '13.II.1',
        '13.III.2',
        '13.IV.1',
        '16.I.5',
        '17.I.1',
        '18.I.1',
        '18.III.2',
        '21.I.1',
        '21.II.2',
        '21.II.3',
        '21.II.4',
        '21.III.1',
        '21.III.2',
        '21.III.3',
        '21.IV.1',
        '21.IV.2',
        '22.I.1',
        '22.I.2',
        '23.I.2',
        '23.I.4',
        '25.I.1',
        '25.II.1',
        '25.II.2',
        '27.I.1',
        '27.I.2',
        '27.I.3',
        '27.I.4',
        '29.I.1',
        '31.I.1',
        '31.II.1',
        '32.I.1',
        '32.II.1',
        '33.I.1',
        '33.II.1',
        '33.II.4',
        '34.I.1',
      ]);
      // Announcing the programme, or an external funder's grant conditions, is not funding through it.
      expect(findNode(plan, 'activity', '6.I.1').activity?.fundedByGrantProgramme).toBe(false);
      expect(findNode(plan, 'activity', '5.II.1').activity?.fundedByGrantProgramme).toBe(false);
    });
  });
});

describe('Koncepce 2022–2027 (seed 000)', () => {
  const koncepce = parseStrategyDocument(KONCEPCE_TEXT);

  it('reads the title and the period', () => {
    expect(koncepce).toMatchObject({
      kind: 'koncepce',
      title: 'Koncepce hl. m. Prahy pro oblast integrace cizinců 2022–2027 [akt. 2022]',
      year: null,
      periodFrom: 2022,
      periodTo: 2027,
    });
  });

  it('has exact counts per level', () => {
    // The portal lists 27 of the 34 goals (8, 10, 20, 25, 26, 29 and 32 are missing; area 4.B has
    // none) and 15 measures; it has no activities.
    expect(koncepce.counts).toEqual({ priority: 5, area: 13, subgoal: 27, measure: 15, activity: 0 });
    expect(findNode(koncepce, 'area', '4.B').children).toEqual([]);
  });

  it('places every line, skipping only the portal banner and the title', () => {
    expect(koncepce.unplaced).toEqual([]);
    expect(koncepce.skipped).toEqual({ 'page-header-footer': 2, title: 1 });
  });

  it('names the implicit priorities from the action plan', () => {
    expect(koncepce.roots.map((priority) => priority.name)).toEqual(PRIORITY_NAMES);
  });

  it('reads goal 2.B.13 as sub-goal 13 of area 2.B, with its measures and descriptors', () => {
    const goal = findNode(koncepce, 'subgoal', '13');
    expect(goal).toMatchObject({
      sourceCode: '2.B.13',
      name: 'Ukotvení a další rozvoj agendy integrace cizinců na úřadech městských částí',
      sourceLine: 56,
      descriptors: ['VIII.e začleňování cizinců', 'XVII.b optimalizace procesů ve veřejné správě', 'XVII.c veřejné služby'],
    });
    expect(parentOf(koncepce, goal)?.code).toBe('2.B');
    expect(goal.children.map((measure) => [measure.code, measure.sourceCode])).toEqual([
      ['13.I', '2.B.13.I'],
      ['13.II', '2.B.13.II'],
      ['13.III', '2.B.13.III'],
    ]);
  });

  it('keeps codes unique per level and every code under its parent', () => {
    expectConsistentTree(koncepce);
  });

  it('agrees with the action plan on where every goal and measure sits', () => {
    const plan = parseStrategyDocument(ACTION_PLAN_TEXT);
    for (const goal of nodesAt(koncepce, 'subgoal')) {
      expect(parentOf(plan, findNode(plan, 'subgoal', goal.code))?.code).toBe(parentOf(koncepce, goal)?.code);
    }
    for (const measure of nodesAt(koncepce, 'measure')) {
      expect(parentOf(plan, findNode(plan, 'measure', measure.code))?.code).toBe(parentOf(koncepce, measure)?.code);
    }
  });
});

describe('reporting lines that cannot be placed', () => {
  it('reports junk and misplaced rows in an action plan, and still joins later wraps', () => {
    const text = [
      'Akční plán Koncepce hl. m. Prahy pro oblast integrace cizinců pro rok 2023', // 1
      'Tento řádek předchází obsahu.', // 2
      'Obsah', // 3
      'PRIORITA SOUŽITÍ.....\t73', // 4
      '', // 5
      'PRIORITA SOUŽITÍ', // 6
      'A Komunikace tématu integrace', // 7
      'Dílčí cíl 30. Prezentace města jako hlavního aktéra lokální integrace', // 8
      'OPATŘENÍ 30.1\tRozvoj a implementace komunikační strategie.', // 9
      'Aktivity\tGarant + spolupráce\tCílové skupiny\tFrekvence plnění\tNáklady\tZdroj financování\tIndikátory', // 10
      '30.I.1 Zpracování rešerše\todd. NMC + OMM MHMP\tOV\t1 x v období AP\t2023: 25.000 Kč\trozpočet HMP\t- rešerše - zpráva', // 11
      'Tato věta sem nepatří.', // 12
      '', // 13
      '\t\t\t\t\t\t- třetí indikátor', // 14
      '31.I.1 Aktivita jiného opatření\todd. NMC\t\t\t\t\t', // 15
    ].join('\n');

    const plan = parseStrategyDocument(text);

    expect(plan.unplaced).toEqual([
      { line: 2, text: 'Tento řádek předchází obsahu.', reason: expect.stringContaining('front-matter') },
      { line: 12, text: 'Tato věta sem nepatří.', reason: expect.stringContaining('continuation of the activity row from line 11') },
      { line: 15, text: '31.I.1 Aktivita jiného opatření\todd. NMC\t\t\t\t\t', reason: 'activity 31.I.1 belongs to measure 31.I, but it follows measure 30.I' },
    ]);
    expect(findNode(plan, 'activity', '30.I.1').activity).toMatchObject({
      estimatedCostsCzk: '25000.00',
      indicators: ['rešerše', 'zpráva', 'třetí indikátor'],
    });
    expect(plan.counts).toEqual({ priority: 1, area: 1, subgoal: 1, measure: 1, activity: 1 });
  });

  it('reports junk, orphan measures and unknown priorities in a Koncepce', () => {
    const text = [
      'hlavní město PRAHA', // 1
      'Koncepce hl. m. Prahy pro oblast integrace cizinců 2022–2027', // 2
      '1.A. Integrace cizinců jako průřezová agenda', // 3
      '1.A.1 Posílení administrativních kapacit oddělení NMC', // 4
      'Deskriptory:', // 5
      'VIII.e začleňování cizinců', // 6
      'náhodný řádek bez čísla', // 7
      '1.B.6.I Opatření, jehož cíl chybí', // 8
      '9.A. Neexistující priorita', // 9
    ].join('\n');

    const koncepce = parseStrategyDocument(text);

    expect(koncepce.unplaced.map(({ line, reason }) => [line, reason])).toEqual([
      [7, 'not an area, goal, measure or descriptor line'],
      [8, 'measure 1.B.6.I belongs to goal 1.B.6, but it follows goal 1.A.1'],
      [9, 'priority 9 does not exist (the Koncepce has 5)'],
    ]);
    expect(findNode(koncepce, 'subgoal', '1').descriptors).toEqual(['VIII.e začleňování cizinců']);
  });
});
