// #core carries class-validator DTOs whose decorators need the polyfill the apps load in main.
import 'reflect-metadata';
import { extractPdfPages } from './testing/pdf-text.js';
import { renderGrantAgreement } from './grant-agreement.js';
import type { GrantAgreementData, GrantCondition } from './grant-agreement.js';

/**
 * Extraction may turn the no-break spaces of Czech typography into either kind, or plain spaces,
 * and a sentence may wrap anywhere, so every run of white space compares as one plain space.
 */
function normaliseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}

async function extractText(buffer: Buffer): Promise<{ text: string; pages: string[]; title: unknown }> {
  const { pages, title } = await extractPdfPages(buffer);
  return { text: normaliseSpaces(pages.join('\f')), pages, title };
}

const CONDITIONS: GrantCondition[] = [
  { text: 'Příjemce použije dotaci výhradně k účelu uvedenému v článku II a v souladu s rozpočtem projektu.' },
  { text: 'Příjemce povede o použití dotace oddělenou účetní evidenci a účetní doklady označí číslem této smlouvy.' },
  {
    text: 'Příjemce uvede v propagačních materiálech projektu, že projekt finančně podpořilo hlavní město Praha, a použije logo hl. m. Prahy.',
    minor: true,
    penalty: { kind: 'fixed', amount: '2000.00' },
  },
  { text: 'Příjemce nepřevede dotaci ani její část na jinou osobu, nestanoví-li smlouva jinak.' },
  {
    text: 'Příjemce předloží průběžnou zprávu o realizaci projektu nejpozději do 31. 7. 2023.',
    minor: true,
    penalty: { kind: 'percentage', percent: '5' },
  },
  { text: 'Příjemce umožní poskytovateli kontrolu použití dotace a předloží mu k nahlédnutí veškeré doklady.' },
  {
    text: 'Příjemce písemně oznámí poskytovateli změnu svých identifikačních údajů nebo bankovního spojení do 15 dnů ode dne, kdy nastala.',
    minor: true,
    penalty: { kind: 'percentage-range', minPercent: '1', maxPercent: '2.5' },
  },
  { text: 'Příjemce nepoužije dotaci na úhradu daně z přidané hodnoty, může-li uplatnit nárok na její odpočet.' },
];

function agreement(overrides: Partial<GrantAgreementData> = {}): GrantAgreementData {
  return {
    agreementNumber: 'DOT/NMC/0042/2023',
    version: 1,
    issuingDepartment: ['Oddělení národnostních menšin a cizinců'],
    provider: {
      name: 'Hlavní město Praha',
      seat: 'Mariánské náměstí 2/2, 110 00 Praha 1',
      ico: '00064581',
      dic: 'CZ00064581',
      bankAccount: { number: '27-5157998/6000', bankName: 'PPF banka a.s.' },
      representedBy: { name: 'Mgr. Kateřina Šťastná', role: 'ředitelka Odboru sociálních věcí MHMP' },
    },
    recipient: {
      name: 'Sdružení pro integraci a migraci, o.p.s.',
      legalForm: 'obecně prospěšná společnost',
      seat: 'Plzeňská 1240/4, 150 00 Praha 5 – Smíchov',
      ico: '12345679',
      registration: 'rejstřík obecně prospěšných společností vedený Městským soudem v Praze, oddíl O, vložka 1234',
      bankAccount: { number: '23456780/0800', bankName: 'Česká spořitelna, a.s.' },
      statutoryRepresentatives: [{ name: 'Jiří Dvořák', role: 'ředitel společnosti' }],
    },
    call: { code: 'NMC-2023', title: 'Integrace cizinců na území hl. m. Prahy 2023' },
    project: { applicationNumber: 'NMC-2023-0042', title: 'Komunitní tlumočníci ve školách – Žižkov, Řeporyje' },
    budgetArea: { code: 'I', name: 'Integrační aktivity' },
    activities: [
      { code: '13.II.1', name: 'Podpora komunitního tlumočení ve školách a úřadech', sharePercent: '50' },
      { code: '15.I.2', name: 'Kurzy češtiny pro rodiče žáků s odlišným mateřským jazykem', sharePercent: '33.33' },
      { code: '22.I.1', name: 'Sousedská setkání a akce pro veřejnost v Ďáblicích', sharePercent: '16.67' },
    ],
    amount: '150000.00',
    purpose:
      'Úhrada osobních a provozních nákladů projektu komunitního tlumočení ve 12 základních školách na Žižkově a v Řeporyjích, včetně tlumočení do vietnamštiny, ukrajinštiny a maďarštiny.',
    purposePeriod: { from: '2023-01-01', to: '2023-12-31' },
    payments: [
      { amount: '30000.00', dueDate: '2023-05-31', condition: 'po nabytí účinnosti smlouvy' },
      { amount: '30000.00', dueDate: '2023-06-30' },
      { amount: '30000.00', dueDate: '2023-07-31' },
      { amount: '30000.00', dueDate: '2023-09-15', condition: 'po schválení průběžné zprávy' },
      { amount: '30000.00', dueDate: '2023-10-31' },
    ],
    conditions: CONDITIONS,
    settlement: {
      deadline: '2024-01-31',
      returnAccount: { number: '19-5157998/6000', bankName: 'PPF banka a.s.' },
      variableSymbol: '2023004201',
    },
    resolution: { body: 'rada', number: '1234', date: '2023-03-20' },
    ...overrides,
  };
}

describe('renderGrantAgreement', () => {
  it('contains every element of § 10a odst. 5 with Czech diacritics intact', async () => {
    const buffer = await renderGrantAgreement(agreement());
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages, title } = await extractText(buffer);

    expect(title).toBe('Smlouva o poskytnutí dotace č. DOT/NMC/0042/2023');
    for (const letter of ['ř', 'ě', 'ů', 'č', 'ň', 'ť', 'ď', 'ž', 'š', 'á', 'í', 'é', 'ú', 'Ř', 'Ž', 'Š']) {
      expect(text).toContain(letter);
    }
    expect(text).toContain('Veřejnoprávní smlouva o poskytnutí účelové dotace z rozpočtu hlavního města Prahy');
    expect(text).toContain('č. DOT/NMC/0042/2023');
    expect(text).toContain('§ 10a odst. 5 zákona č. 250/2000 Sb., o rozpočtových pravidlech územních rozpočtů');

    // a) provider and recipient
    expect(text).toContain('Hlavní město Praha');
    expect(text).toContain('Sídlo Mariánské náměstí 2/2, 110 00 Praha 1');
    expect(text).toContain('IČO 00064581');
    expect(text).toContain('Zastoupený Mgr. Kateřina Šťastná, ředitelka Odboru sociálních věcí MHMP');
    expect(text).toContain('Název Sdružení pro integraci a migraci, o.p.s.');
    expect(text).toContain('Právní forma obecně prospěšná společnost');
    expect(text).toContain('Sídlo Plzeňská 1240/4, 150 00 Praha 5 – Smíchov');
    expect(text).toContain('IČO 12345679');
    expect(text).toContain('Statutární orgán Jiří Dvořák, ředitel společnosti');
    expect(text).toContain('(dále jen „poskytovatel“)');
    expect(text).toContain('(dále jen „příjemce“)');
    // b) bank accounts of both
    expect(text).toContain('PPF banka a.s., č. ú. 27-5157998/6000');
    expect(text).toContain('Česká spořitelna, a.s., č. ú. 23456780/0800');
    // c) amount and the instalments with their dates
    expect(text).toContain('účelovou dotaci ve výši 150 000,00 Kč');
    expect(text).toContain('v 5 splátkách');
    expect(text).toContain('1. 30 000,00 Kč 31. 5. 2023 po nabytí účinnosti smlouvy');
    expect(text).toContain('2. 30 000,00 Kč 30. 6. 2023 –');
    expect(text).toContain('4. 30 000,00 Kč 15. 9. 2023 po schválení průběžné zprávy');
    expect(text).toContain('5. 30 000,00 Kč 31. 10. 2023');
    expect(text).toContain('Celkem 150 000,00 Kč');
    // d) purpose
    expect(text).toContain('Účelem dotace je: Úhrada osobních a provozních nákladů projektu komunitního tlumočení');
    expect(text).toContain('Komunitní tlumočníci ve školách – Žižkov, Řeporyje (žádost č. NMC-2023-0042)');
    // e) period
    expect(text).toContain('Účelu dotace musí být dosaženo v době od 1. 1. 2023 do 31. 12. 2023.');
    // f) conditions, numbered, minor ones with their lower levy
    expect(text).toContain('1. Příjemce použije dotaci výhradně k účelu uvedenému v článku II');
    expect(text).toContain('8. Příjemce nepoužije dotaci na úhradu daně z přidané hodnoty');
    expect(text).toMatch(/3\. Příjemce uvede v propagačních materiálech projektu.*? Méně závažná povinnost \(§ 10a odst\. 6\): odvod za porušení v pevné výši 2 000,00 Kč\./);
    expect(text).toMatch(
      /5\. Příjemce předloží průběžnou zprávu.*? Méně závažná povinnost \(§ 10a odst\. 6\): odvod za porušení ve výši 5 % poskytnuté dotace, tj\. 7 500,00 Kč\./,
    );
    expect(text).toMatch(
      /7\. Příjemce písemně oznámí poskytovateli změnu.*? Méně závažná povinnost \(§ 10a odst\. 6\): odvod za porušení ve výši od 1 % do 2,5 % poskytnuté dotace \(1 500,00 Kč až 3 750,00 Kč\)/,
    );
    expect(text.match(/Méně závažná povinnost/g)).toHaveLength(3);
    expect(text.match(/Povinnost, jejíž porušení je porušením rozpočtové kázně/g)).toHaveLength(5);
    // g) transformation / winding-up
    expect(text).toContain('Povinnosti příjemce při přeměně nebo zrušení s likvidací');
    expect(text).toContain('§ 10a odst. 5 písm. g)');
    expect(text).toContain('Před zrušením s likvidací je příjemce povinen provést finanční vypořádání dotace');
    // h) settlement deadline and the account for returns
    expect(text).toContain('finanční vypořádání dotace (vyúčtování) nejpozději do 31. 1. 2024');
    expect(text).toContain('Účet pro vrácení prostředků 19-5157998/6000, PPF banka a.s.');
    expect(text).toContain('Variabilní symbol 2023004201');
    // i) date and signatures of both parties
    expect(text).toContain('V Praze dne ……………………');
    expect(text).toContain('Za poskytovatele:');
    expect(text).toContain('Za příjemce:');
    expect(text).toContain('Mgr. Kateřina Šťastná ředitelka Odboru sociálních věcí MHMP');
    expect(text).toContain('Jiří Dvořák ředitel společnosti');

    // Registr smluv, the approving resolution, the budget area and the action plan
    expect(text).toContain('převyšuje 50 000 Kč, a proto podléhá uveřejnění v registru smluv');
    expect(text).toContain('zákona č. 340/2015 Sb., o zvláštních podmínkách účinnosti některých smluv');
    expect(text).toContain('účinnosti dnem uveřejnění v registru smluv');
    expect(text).toContain('Uveřejnění smlouvy v registru smluv zajistí poskytovatel');
    expect(text).toContain('O poskytnutí dotace rozhodla Rada hlavního města Prahy usnesením č. 1234 ze dne 20. 3. 2023.');
    expect(text).toContain('Doložka podle § 43 zákona č. 131/2000 Sb., o hlavním městě Praze');
    expect(text).toContain('Oblast podpory (okruh) Okruh I – Integrační aktivity');
    expect(text).toContain('13.II.1 Podpora komunitního tlumočení ve školách a úřadech 50 % 75 000,00 Kč');
    expect(text).toContain('15.I.2 Kurzy češtiny pro rodiče žáků s odlišným mateřským jazykem 33,33 % 49 995,00 Kč');
    expect(text).toContain('22.I.1 Sousedská setkání a akce pro veřejnost v Ďáblicích 16,67 % 25 005,00 Kč');
    expect(text).toContain('Celkem 100 % 150 000,00 Kč');

    expect(text).toContain(`Smlouva č. DOT/NMC/0042/2023 Strana 1 z ${pages.length}`);
    expect(text).not.toContain('Dodatek');
  });

  it('prints version 2 as the first amendment, "Dodatek č. 1", with what it changes, followed by the full text', async () => {
    const data = agreement({
      version: 2,
      amendment: {
        changes: ['V článku IV se termín výplaty 4. splátky mění z 15. 9. 2023 na 30. 9. 2023.', 'V článku III se doba, v níž má být dosaženo účelu, prodlužuje do 31. 12. 2023.'],
      },
    });
    const { text, title } = await extractText(await renderGrantAgreement(data));

    expect(title).toBe('Dodatek č. 1 ke smlouvě o poskytnutí dotace č. DOT/NMC/0042/2023');
    expect(text).toContain('Dodatek č. 1 ke smlouvě č. DOT/NMC/0042/2023');
    expect(text).toContain('Smluvní strany se dohodly na tomto dodatku č. 1');
    expect(text).toContain('1. V článku IV se termín výplaty 4. splátky mění z 15. 9. 2023 na 30. 9. 2023.');
    expect(text).toContain('2. V článku III se doba, v níž má být dosaženo účelu, prodlužuje');
    expect(text).toContain('úplné znění ve znění dodatku č. 1');
    expect(text).toContain('Smlouva č. DOT/NMC/0042/2023 – dodatek č. 1');
    // Still the whole agreement after the changes.
    expect(text).toContain('Veřejnoprávní smlouva o poskytnutí účelové dotace z rozpočtu hlavního města Prahy');
    expect(text).toContain('Za příjemce:');
  });

  it('pays a small grant in one payment, without the register, approved by the Assembly', async () => {
    const data = agreement({
      amount: '45000.00',
      payments: [{ amount: '45000.00', dueDate: '2023-06-30' }],
      conditions: [CONDITIONS[0], CONDITIONS[2]],
      activities: [],
      resolution: { body: 'zastupitelstvo', number: '7/12', date: '2023-04-27' },
      signing: { provider: { date: '2023-05-10' }, recipient: { place: 'Brně', date: '2023-05-12' } },
    });
    const { text } = await extractText(await renderGrantAgreement(data));

    expect(text).toContain('vyplacena jednorázově');
    expect(text).toContain('ve výši 45 000,00 Kč do 30. 6. 2023');
    expect(text).toContain('nepřevyšuje 50 000 Kč, a proto nepodléhá uveřejnění v registru smluv');
    expect(text).toContain('Smlouva nabývá platnosti a účinnosti dnem podpisu oběma smluvními stranami.');
    expect(text).not.toContain('dnem uveřejnění');
    expect(text).toContain('rozhodlo Zastupitelstvo hlavního města Prahy usnesením č. 7/12 ze dne 27. 4. 2023');
    expect(text).toContain('V Praze dne 10. 5. 2023');
    expect(text).toContain('V Brně dne 12. 5. 2023');
    expect(text).not.toContain('Aktivita akčního plánu');
    expect(text).toContain('2. Příjemce uvede v propagačních materiálech');
  });

  it('prints the transformation duties the caller gives instead of the standard ones', async () => {
    const data = agreement({ transformationDuties: ['Příjemce oznámí přeměnu poskytovateli předem, nejméně 30 dnů před jejím zápisem.'] });
    const { text } = await extractText(await renderGrantAgreement(data));
    expect(text).toContain('1. Příjemce oznámí přeměnu poskytovateli předem, nejméně 30 dnů před jejím zápisem.');
    expect(text).not.toContain('Před zrušením s likvidací');
  });

  it('is deterministic for the same data', async () => {
    const first = await renderGrantAgreement(agreement());
    const second = await renderGrantAgreement(agreement());
    expect(first.equals(second)).toBe(true);
  });

  it('rejects data nobody could sign', async () => {
    const base = agreement();
    const cases: [Partial<GrantAgreementData>, RegExp][] = [
      [{ payments: base.payments.slice(0, 4) }, /payments add up to 120000\.00 but the grant is 150000\.00/],
      [{ amount: '150 000' }, /amount/],
      [{ activities: base.activities.slice(0, 2) }, /add up to 83,33 %/],
      [{ recipient: { ...base.recipient, ico: '12345678' } }, /IČO/],
      [{ recipient: { ...base.recipient, bankAccount: { number: '23456781/0800', bankName: 'ČS' } } }, /recipient\.bankAccount\.number/],
      [{ purposePeriod: { from: '2023-02-30', to: '2023-12-31' } }, /purposePeriod\.from/],
      [{ purposePeriod: { from: '2023-12-31', to: '2023-01-01' } }, /ends/],
      [{ settlement: { ...base.settlement, deadline: '2023-06-30' } }, /settlement\.deadline/],
      [{ settlement: { ...base.settlement, variableSymbol: 'VS-42' } }, /variableSymbol/],
      [{ version: 2 }, /amendment/],
      [{ conditions: [{ text: 'x', minor: true, penalty: { kind: 'fixed', amount: '150000.00' } }] }, /lower than the grant/],
      [{ conditions: [{ text: 'x', minor: true, penalty: { kind: 'percentage', percent: '100' } }] }, /less than 100/],
      [{ conditions: [{ text: 'x', minor: true, penalty: { kind: 'percentage-range', minPercent: '5', maxPercent: '2' } }] }, /minPercent 5 must be lower/],
      [{ payments: [{ ...base.payments[1] }, { ...base.payments[0], amount: '120000.00' }] }, /earlier than the previous/],
      [{ recipient: { ...base.recipient, statutoryRepresentatives: [] } }, /statutoryRepresentatives/],
    ];
    for (const [overrides, message] of cases) {
      await expect(renderGrantAgreement(agreement(overrides))).rejects.toThrow(message);
    }
  });

  it('breaks a long agreement over pages and numbers them', async () => {
    const longText = 'Příjemce zajistí, že účastníci kurzů češtiny obdrží potvrzení o absolvování a že docházka bude řádně evidována; ';
    const conditions = Array.from({ length: 30 }, (_, index) => ({ text: `${longText.repeat(3)}(podmínka ${index + 1})` }));
    const { pages, text } = await extractText(await renderGrantAgreement(agreement({ conditions })));
    expect(pages.length).toBeGreaterThan(3);
    expect(text).toContain('30. Příjemce zajistí');
    expect(text).toContain(`Strana ${pages.length} z ${pages.length}`);
    // The signatures stay together on the last page.
    expect(normaliseSpaces(pages.at(-1)!)).toContain('Za poskytovatele:');
    expect(normaliseSpaces(pages.at(-1)!)).toContain('Za příjemce:');
  });
});
