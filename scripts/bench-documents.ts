/*
 * `npm run bench:documents` — how fast the official grant agreements render.
 *
 * Renders --n agreements (500) as one batch through DocumentRenderPool (a worker thread per core),
 * after a warm-up that is not measured. Every agreement has the full content of a real one: 5 tranches, 8
 * conditions of which 3 are minor (a fixed levy, a percentage, a percentage range), 3 action-plan
 * activities, long Czech texts, DejaVu fonts embedded. Each document differs (number, recipient,
 * amounts), so nothing is served from a cache of a previous document's output.
 * Target: at least 50 documents/s on a 2-core machine. No database is needed.
 *
 * Flags: --n <500>  --warmup <5>  --threads <worker threads, default one per core; 0 renders on the main
 *        thread one after another>  --sample <file.pdf> (also writes a warm-up agreement there)
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DocumentRenderPool, renderGrantAgreement } from '#documents';
import type { GrantAgreementData } from '#documents';

const say = (line = '') => process.stdout.write(`${line}\n`);

function parseOptions(argv: string[]) {
  const options = { n: 500, warmup: 5, threads: cpus().length, sample: undefined as string | undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const raw = inline ?? argv[++i];
    if (flag === '--sample') {
      if (!raw) throw new Error('--sample needs a file name');
      options.sample = raw;
      continue;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} needs a whole number`);
    if (flag === '--n' && value > 0) options.n = value;
    else if (flag === '--warmup') options.warmup = value;
    else if (flag === '--threads') options.threads = value;
    else throw new Error(`unknown option ${flag}; use --n, --warmup, --threads (0: main thread), --sample`);
  }
  return options;
}

/** A valid IČO for every index, so the agreements pass the check-digit validation. */
function ico(index: number): string {
  const digits = String(3_000_000 + index).padStart(7, '0');
  const sum = [8, 7, 6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return `${digits}${(11 - (sum % 11)) % 10}`;
}

const LONG_PURPOSE =
  'Úhrada osobních nákladů komunitních tlumočníků a interkulturních pracovníků, kteří v základních ' +
  'a mateřských školách na Žižkově, v Řeporyjích, Ďáblicích a Kbelích tlumočí při třídních schůzkách, ' +
  'konzultacích s rodiči a při zápisu žáků s odlišným mateřským jazykem; dále úhrada nákladů na ' +
  'přípravu a tisk informačních materiálů ve vietnamštině, ukrajinštině, ruštině a maďarštině, ' +
  'pronájmu prostor pro kurzy češtiny pro rodiče, supervize pracovníků a nezbytné administrativy ' +
  'projektu, to vše v souladu s rozpočtem projektu, který je přílohou č. 1 této smlouvy.';

function conditions(): GrantAgreementData['conditions'] {
  const detail =
    ' Příjemce tuto povinnost plní po celou dobu, v níž má být dosaženo účelu dotace, a její plnění ' +
    'doloží v závěrečné zprávě o realizaci projektu a při kontrole poskytovatele; změny je povinen ' +
    'předem písemně projednat s věcně příslušným odborem Magistrátu hlavního města Prahy.';
  return [
    { text: `Příjemce použije dotaci výhradně k účelu podle článku II a v souladu s rozpočtem projektu.${detail}` },
    { text: `Příjemce povede o použití dotace oddělenou analytickou účetní evidenci a doklady označí číslem smlouvy.${detail}` },
    {
      text: `Příjemce uvede ve všech propagačních materiálech, že projekt finančně podpořilo hlavní město Praha.${detail}`,
      minor: true,
      penalty: { kind: 'fixed', amount: '2000.00' },
    },
    { text: `Příjemce nepřevede dotaci ani její část na jinou právnickou nebo fyzickou osobu.${detail}` },
    {
      text: `Příjemce předloží průběžnou zprávu o realizaci projektu nejpozději do 31. 7. 2023.${detail}`,
      minor: true,
      penalty: { kind: 'percentage', percent: '5' },
    },
    { text: `Příjemce umožní poskytovateli veřejnosprávní kontrolu a předloží mu veškeré účetní doklady.${detail}` },
    {
      text: `Příjemce oznámí poskytovateli změnu identifikačních údajů či bankovního spojení do 15 dnů.${detail}`,
      minor: true,
      penalty: { kind: 'percentage-range', minPercent: '1', maxPercent: '2.5' },
    },
    { text: `Příjemce nepoužije dotaci na daň z přidané hodnoty, může-li uplatnit nárok na její odpočet.${detail}` },
  ];
}

function agreement(index: number): GrantAgreementData {
  // 150 000 Kč plus a few hundred per document: different amounts, always five equal tranches.
  const tranche = 30_000 + (index % 97) * 100;
  return {
    agreementNumber: `DOT/NMC/${String(index + 1).padStart(4, '0')}/2023`,
    version: 1,
    issuingDepartment: ['Oddělení národnostních menšin a cizinců'],
    provider: {
      name: 'Hlavní město Praha',
      seat: 'Mariánské náměstí 2/2, 110 00 Praha 1',
      ico: '00064581',
      dic: 'CZ00064581',
      bankAccount: { number: '27-5157998/6000', bankName: 'PPF banka a.s.' },
      representedBy: { name: 'Mgr. Kateřina Šťastná', role: 'ředitelka Odboru sociálních věcí Magistrátu hl. m. Prahy' },
    },
    recipient: {
      name: `Sdružení pro integraci a migraci Žluťoučký kůň č. ${index + 1}, o.p.s.`,
      legalForm: 'obecně prospěšná společnost',
      seat: 'Plzeňská 1240/4, 150 00 Praha 5 – Smíchov',
      ico: ico(index),
      registration: `rejstřík obecně prospěšných společností vedený Městským soudem v Praze, oddíl O, vložka ${1000 + index}`,
      bankAccount: { number: '23456780/0800', bankName: 'Česká spořitelna, a.s.' },
      statutoryRepresentatives: [{ name: 'Jiří Dvořák', role: 'ředitel společnosti' }],
    },
    call: { code: 'NMC-2023', title: 'Integrace cizinců na území hlavního města Prahy v roce 2023' },
    project: { applicationNumber: `NMC-2023-${String(index + 1).padStart(4, '0')}`, title: 'Komunitní tlumočníci ve školách – Žižkov, Řeporyje, Ďáblice' },
    budgetArea: { code: 'I', name: 'Integrační aktivity' },
    activities: [
      { code: '13.II.1', name: 'Podpora komunitního tlumočení ve školách, školských zařízeních a na úřadech', sharePercent: '50' },
      { code: '15.I.2', name: 'Kurzy češtiny pro rodiče žáků s odlišným mateřským jazykem', sharePercent: '30' },
      { code: '22.I.1', name: 'Sousedská setkání a akce pro veřejnost podporující soužití', sharePercent: '20' },
    ],
    amount: `${tranche * 5}.00`,
    purpose: LONG_PURPOSE,
    purposePeriod: { from: '2023-01-01', to: '2023-12-31' },
    payments: [
      { amount: `${tranche}.00`, dueDate: '2023-05-31', condition: 'po uveřejnění smlouvy v registru smluv' },
      { amount: `${tranche}.00`, dueDate: '2023-06-30' },
      { amount: `${tranche}.00`, dueDate: '2023-07-31', condition: 'po předložení průběžné zprávy o realizaci projektu' },
      { amount: `${tranche}.00`, dueDate: '2023-09-15', condition: 'po schválení průběžné zprávy poskytovatelem' },
      { amount: `${tranche}.00`, dueDate: '2023-10-31' },
    ],
    conditions: conditions(),
    settlement: {
      deadline: '2024-01-31',
      returnAccount: { number: '19-5157998/6000', bankName: 'PPF banka a.s.' },
      variableSymbol: String(2023000000 + index),
    },
    resolution: { body: 'rada', number: String(1200 + (index % 50)), date: '2023-03-20' },
  };
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const threads = options.threads;
  say('Benchmark „smlouvy“ / documents: grant agreements rendered to PDF');
  say(
    `  ${options.n} smluv / agreements; ${threads === 0 ? 'v hlavním vlákně / on the main thread' : `${threads} vláken / worker threads (DocumentRenderPool)`}; ${cpus().length} jádra / cores, Node ${process.version}`,
  );
  const pool = threads === 0 ? null : new DocumentRenderPool(threads);
  const render = (data: GrantAgreementData) => (pool ? pool.agreement(data) : renderGrantAgreement(data));
  try {
    // Warm-up, not measured: every worker loads its fonts and compiles the layout code once.
    const warm = await Promise.all(Array.from({ length: Math.max(options.warmup, threads * 2) }, (_, i) => render(agreement(options.n + i))));
    if (options.sample) {
      writeFileSync(options.sample, warm[0]);
      say(`  ukázka / sample: ${options.sample}`);
    }
    const started = performance.now();
    // The whole batch at once, as "render every agreement of a resolution" would ask.
    const buffers = await Promise.all(Array.from({ length: options.n }, (_, i) => render(agreement(i))));
    const elapsed = performance.now() - started;
    const bytes = buffers.reduce((sum, b) => sum + b.length, 0);
    // Cheap page count: each page object carries "/Type /Page\n" exactly once.
    const pages = buffers[0].toString('latin1').split('/Type /Page\n').length - 1;
    const perSecond = oneDecimal((options.n * 1000) / elapsed);
    say(`  dokument / document: ${pages} stran / pages, ${Math.round(bytes / options.n / 1024)} kB`);
    say(
      `  celkem / total: ${oneDecimal(elapsed / 1000)} s, ${oneDecimal(bytes / 1024 / 1024)} MB; ${oneDecimal((elapsed * Math.max(threads, 1)) / options.n)} ms of one thread per document`,
    );
    say(`  propustnost / throughput: ${perSecond} documents/s — cíl / target ≥ 50`);
    say(`  paměť / memory: ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB RSS (main thread's process)`);
    say('');
    say(`RESULT bench=documents docs_per_s=${perSecond}`);
  } finally {
    await pool?.close();
  }
}

/** Figures printed with one decimal (timings and sizes, not money). */
function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
