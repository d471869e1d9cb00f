import { Money, formatCzechDate, normaliseBankAccount, pragueInstant, requireIco } from '#core';
import { PdfDocumentBuilder } from './pdf-document.js';
import type { KeyValueRow, ParagraphOptions, TableCell } from './pdf-document.js';

/*
 * "Veřejnoprávní smlouva o poskytnutí účelové dotace z rozpočtu hlavního města Prahy": the agreement
 * that § 10a odst. 5 zákona č. 250/2000 Sb. requires before any koruna is paid. Like the other
 * documents, everything arrives as plain values gathered by the caller; this file only checks that
 * the values can stand in a signed agreement and lays them out.
 */

/**
 * Everything printed in the agreement. Amounts are decimal strings with a dot ("150000.00"),
 * dates are ISO calendar dates ("2023-06-30") read as Prague calendar days, percentages are
 * decimal strings ("5", "2.5").
 */
export interface GrantAgreementData {
  /** The agreement's register number, e.g. "DOT/NMC/0042/2023"; also the footer of every page. */
  agreementNumber: string;
  /**
   * 1 for the agreement as first concluded. A higher version is printed as "Dodatek č. <version − 1>"
   * to the agreement (the full text as amended, preceded by what the amendment changes) and then
   * needs `amendment`.
   */
  version: number;
  /** What this version changes; required (with at least one change) when `version` > 1. */
  amendment?: GrantAgreementAmendment;
  /**
   * Lines printed under "Magistrát hlavního města Prahy" in the header, e.g. the department that
   * administers the programme. Left out, the header names only the city and the office.
   */
  issuingDepartment?: readonly string[];
  /** § 10a odst. 5: the provider's identification and account. */
  provider: GrantProvider;
  /** § 10a odst. 5: the recipient's identification, legal form, statutory body and account. */
  recipient: GrantRecipient;
  call: { code: string; title: string };
  /** The application the grant was awarded on. */
  project: { applicationNumber: string; title: string };
  /** The call's budget area (okruh), e.g. `{ code: 'I', name: 'Integrační aktivity' }`. */
  budgetArea: { code: string; name: string };
  /**
   * The action-plan activities the project serves, with the share of the grant attributed to each.
   * When any are given the shares must add up to exactly 100, so that every koruna is traced to
   * the strategy; the printed amounts then add up to the grant to the haléř.
   */
  activities: readonly GrantActivityShare[];
  /** The grant, e.g. "150000.00"; must be positive. Printed in figures only. */
  amount: string;
  /** The purpose the money may be used for (§ 10a odst. 5), one or more sentences. */
  purpose: string;
  /** The period in which the purpose must be achieved; eligible costs arise only within it. */
  purposePeriod: { from: string; to: string };
  /**
   * One entry for a single payment, more for tranches. The amounts must add up to `amount` and the
   * due dates must not go backwards.
   */
  payments: readonly GrantPayment[];
  /**
   * The further conditions whose breach is a breach of budget discipline, in the order they are
   * numbered. Conditions marked minor (§ 10a odst. 6) carry their lower levy.
   */
  conditions: readonly GrantCondition[];
  /**
   * The recipient's duties on transformation or winding-up (§ 10a odst. 5 písm. g), one per
   * numbered point. Left out, the standard duties of the city's programme are printed.
   */
  transformationDuties?: readonly string[];
  settlement: GrantSettlement;
  /** The resolution that approved the grant; it is also quoted in the § 43 clause. */
  resolution: ApprovingResolution;
  /** Dates are left as blanks to fill in by hand unless given (e.g. for an electronic signature). */
  signing?: { provider?: SigningPlace; recipient?: SigningPlace };
}

export interface GrantAgreementAmendment {
  /** One sentence per change, e.g. "Článek IV: termín výplaty 2. splátky se mění na 15. 9. 2023." */
  changes: readonly string[];
}

export interface BankAccountData {
  /** Czech domestic form "prefix-number/bank" (prefix optional); it is checked and printed canonically. */
  number: string;
  /** e.g. "PPF banka a.s." */
  bankName: string;
}

export interface SignatoryData {
  name: string;
  /** e.g. "ředitelka Odboru …", "předseda spolku". */
  role: string;
}

export interface GrantProvider {
  /** "Hlavní město Praha". */
  name: string;
  /** "Mariánské náměstí 2/2, 110 00 Praha 1". */
  seat: string;
  /** "00064581"; checked for a valid check digit. */
  ico: string;
  /** "CZ00064581"; printed when given. */
  dic?: string;
  bankAccount: BankAccountData;
  /** The person signing for the city (under the delegation the resolution gives). */
  representedBy: SignatoryData;
}

export interface GrantRecipient {
  name: string;
  /** e.g. "spolek", "obecně prospěšná společnost", "městská část". */
  legalForm: string;
  seat: string;
  ico: string;
  /** e.g. "spolkový rejstřík vedený Městským soudem v Praze, oddíl L, vložka 1234". */
  registration?: string;
  bankAccount: BankAccountData;
  /** The statutory body, or the persons who sign for it; all of them get a signature line. */
  statutoryRepresentatives: readonly SignatoryData[];
}

export interface GrantActivityShare {
  /** Action-plan activity code, e.g. "13.II.1". */
  code: string;
  name: string;
  /** Share of the grant in percent, e.g. "50" or "33.33" (at most two decimals). */
  sharePercent: string;
}

export interface GrantPayment {
  amount: string;
  dueDate: string;
  /** What must hold before this payment, e.g. "po schválení průběžné zprávy". */
  condition?: string;
}

/** A condition whose breach is an ordinary breach of budget discipline (levy per § 22). */
export interface OrdinaryGrantCondition {
  text: string;
  minor?: false;
}

/** A "méně závažná" condition (§ 10a odst. 6) with the lower levy the agreement sets for it. */
export interface MinorGrantCondition {
  text: string;
  minor: true;
  penalty: MinorConditionPenalty;
}

export type GrantCondition = OrdinaryGrantCondition | MinorGrantCondition;

/**
 * The levy for breaching a minor condition: a fixed amount, a percentage of the grant, or a
 * percentage range within which the provider sets it. Each must be lower than the whole grant.
 */
export type MinorConditionPenalty =
  { kind: 'fixed'; amount: string } | { kind: 'percentage'; percent: string } | { kind: 'percentage-range'; minPercent: string; maxPercent: string };

export interface GrantSettlement {
  /** The day by which the use of the grant must be settled (finanční vypořádání). */
  deadline: string;
  /** The provider's account that unused or returned money goes to. */
  returnAccount: BankAccountData;
  /** Up to 10 digits; identifies the payment on the provider's statement. */
  variableSymbol: string;
}

export interface ApprovingResolution {
  body: ApprovingBody;
  /** e.g. "1234". */
  number: string;
  date: string;
}

/** Rada (Council) or Zastupitelstvo (Assembly) hlavního města Prahy. */
export type ApprovingBody = 'rada' | 'zastupitelstvo';

export interface SigningPlace {
  /** Defaults to "Praze" for the provider; left blank for the recipient. Locative: "V Praze", "V Brně". */
  place?: string;
  date?: string;
}

export interface GrantAgreementRenderOptions {
  /**
   * PDF creation date. Defaults to noon of the resolution date, so that rendering the same
   * agreement again gives the very same file.
   */
  creationDate?: Date;
}

const TITLE = 'Veřejnoprávní smlouva o poskytnutí účelové dotace z rozpočtu hlavního města Prahy';
const BUDGET_RULES_ACT = 'zákona č. 250/2000 Sb., o rozpočtových pravidlech územních rozpočtů, ve znění pozdějších předpisů';
const REGISTER_ACT =
  'zákona č. 340/2015 Sb., o zvláštních podmínkách účinnosti některých smluv, uveřejňování těchto smluv ' +
  'a o registru smluv (zákon o registru smluv), ve znění pozdějších předpisů';
/** Agreements whose value exceeds this only take effect once published in the Registr smluv. */
const REGISTER_THRESHOLD = Money.parse('50000.00');

const DEFAULT_TRANSFORMATION_DUTIES: readonly string[] = [
  'Příjemce je povinen písemně oznámit poskytovateli svou přeměnu (fúzi, rozdělení, změnu právní formy) ' +
    'nebo zrušení s likvidací nejpozději do 15 dnů ode dne, kdy o ní jeho příslušný orgán rozhodl, ' +
    'a v oznámení uvést svého právního nástupce, má-li jej.',
  'Před zrušením s likvidací je příjemce povinen provést finanční vypořádání dotace a vrátit ' +
    'nevyčerpané peněžní prostředky na účet poskytovatele uvedený v článku VI, a to nejpozději ' +
    'do dne podání návrhu na výmaz z veřejného rejstříku.',
  'Při přeměně, kterou příjemce zaniká, přecházejí práva a povinnosti z této smlouvy na právního ' +
    'nástupce jen s předchozím písemným souhlasem poskytovatele; neudělí-li jej poskytovatel, je ' +
    'příjemce povinen před zánikem provést finanční vypořádání a vrátit celou nevyčerpanou dotaci.',
];

/**
 * Renders the agreement. Invalid data — an amount Money cannot parse, tranches that do not add up
 * to the grant, activity shares that do not make 100 %, an IČO or account with a wrong check
 * digit, an impossible date, a minor condition without a lower levy — rejects the promise rather
 * than printing an agreement nobody could sign.
 */
export async function renderGrantAgreement(data: GrantAgreementData, options: GrantAgreementRenderOptions = {}): Promise<Buffer> {
  // Validate and format everything before laying anything out, so bad data fails fast.
  const agreement = prepareAgreement(data);

  const amendmentLabel = agreement.amendmentNumber ? `dodatek č. ${agreement.amendmentNumber}` : undefined;
  const document = new CzechDocumentBuilder({
    title: amendmentLabel
      ? `Dodatek č. ${agreement.amendmentNumber} ke smlouvě o poskytnutí dotace č. ${data.agreementNumber}`
      : `Smlouva o poskytnutí dotace č. ${data.agreementNumber}`,
    subject: `Grant agreement ${data.agreementNumber} – ${data.project.applicationNumber} – ${data.call.code}`,
    keywords: [data.agreementNumber, data.project.applicationNumber, data.call.code, 'smlouva', 'dotace'].join(', '),
    creationDate: options.creationDate ?? pragueInstant(agreement.resolutionIsoDate, '12:00:00'),
    footerNote: `Smlouva č. ${data.agreementNumber}${amendmentLabel ? ` – ${amendmentLabel}` : ''}`,
  });

  document.header({ departmentLines: data.issuingDepartment });
  if (agreement.amendmentNumber) {
    document
      .title(`Dodatek č. ${agreement.amendmentNumber}`, `ke smlouvě č. ${data.agreementNumber}`)
      .paragraph(
        `Smluvní strany se dohodly na tomto dodatku č. ${agreement.amendmentNumber}, kterým se mění ` +
          `veřejnoprávní smlouva o poskytnutí účelové dotace z rozpočtu hlavního města Prahy ` +
          `č. ${data.agreementNumber}, takto:`,
      );
    agreement.amendmentChanges.forEach((change, index) => document.paragraph(`${index + 1}. ${change}`));
    document.paragraph('Ostatní ustanovení smlouvy zůstávají beze změny. Úplné znění smlouvy ve znění tohoto dodatku ' + 'následuje.').moveDown(0.5);
  }
  document.title(TITLE, amendmentLabel ? `č. ${data.agreementNumber}, úplné znění ve znění dodatku č. ${agreement.amendmentNumber}` : `č. ${data.agreementNumber}`);
  document.paragraph(
    `uzavřená podle § 10a odst. 5 ${BUDGET_RULES_ACT}, a podle § 159 a násl. zákona č. 500/2004 Sb., ` + 'správní řád, ve znění pozdějších předpisů, mezi smluvními stranami:',
  );

  document
    .heading('Článek I – Smluvní strany')
    .paragraph('Poskytovatel:', { bold: true, align: 'left' })
    .keyValueTable(agreement.providerRows)
    .paragraph('(dále jen „poskytovatel“)', { muted: true, align: 'left' })
    .paragraph('Příjemce:', { bold: true, align: 'left' })
    .keyValueTable(agreement.recipientRows)
    .paragraph('(dále jen „příjemce“)', { muted: true, align: 'left' });

  document
    .heading('Článek II – Předmět smlouvy, výše a účel dotace')
    .paragraph(
      `1. Poskytovatel se zavazuje poskytnout příjemci z rozpočtu hlavního města Prahy účelovou ` +
        `dotaci ve výši ${agreement.amount.format()} (dále jen „dotace“) za podmínek ` +
        `stanovených touto smlouvou. Příjemce dotaci přijímá a zavazuje se ji použít v souladu ` +
        `s touto smlouvou.`,
    )
    .paragraph(`2. Účelem dotace je: ${agreement.purpose}`)
    .keyValueTable([
      { label: 'Výše dotace', value: agreement.amount },
      { label: 'Projekt', value: `${noBreaks(data.project.title)} (žádost č. ${data.project.applicationNumber})` },
      { label: 'Dotační výzva', value: `${data.call.code} – ${noBreaks(data.call.title)}` },
      { label: 'Oblast podpory (okruh)', value: `Okruh ${data.budgetArea.code} – ${noBreaks(data.budgetArea.name)}` },
    ])
    .paragraph(`3. O poskytnutí dotace rozhodl${agreement.bodyEnding} ${agreement.bodyNominative} ` + `usnesením č. ${data.resolution.number} ze dne ${agreement.resolutionDate}.`);
  if (agreement.activities.length > 0) {
    document
      .paragraph('4. Dotace slouží k naplňování Koncepce hl. m. Prahy pro oblast integrace cizinců a jejího ' + 'akčního plánu; připadá na tyto aktivity akčního plánu:')
      .table(
        [
          { header: 'Kód', width: 1.3 },
          { header: 'Aktivita akčního plánu', width: 6 },
          { header: 'Podíl', width: 1.2, align: 'right' },
          { header: 'Částka', width: 2.2, align: 'right' },
        ],
        agreement.activities,
        { totals: ['', 'Celkem', percent('100'), agreement.amount] },
      );
  }

  document
    .heading('Článek III – Doba, v níž má být dosaženo účelu')
    .paragraph(`1. Účelu dotace musí být dosaženo v době od ${agreement.periodFrom} do ${agreement.periodTo}.`)
    .paragraph(
      '2. Z dotace lze hradit pouze náklady, které vznikly v této době, souvisejí s účelem dotace ' + 'a byly uhrazeny nejpozději do dne finančního vypořádání podle článku VI.',
    );

  document.heading('Článek IV – Výplata dotace');
  const effect = agreement.needsRegister ? 'nejdříve po nabytí účinnosti této smlouvy podle článku VIII' : 'po nabytí účinnosti této smlouvy';
  if (agreement.payments.length === 1) {
    const [payment] = data.payments;
    document.paragraph(
      `1. Dotace bude příjemci vyplacena jednorázově bezhotovostním převodem na účet příjemce uvedený ` +
        `v článku I ${effect}, a to ve výši ${agreement.amount.format()} do ${agreement.payments[0][2]}` +
        `${payment.condition ? `; podmínka výplaty: ${noBreaks(payment.condition)}` : ''}.`,
    );
  } else {
    document
      .paragraph(
        `1. Dotace bude příjemci vyplacena v ${agreement.payments.length} splátkách bezhotovostním ` +
          `převodem na účet příjemce uvedený v článku I ${effect}, v těchto výších a termínech:`,
      )
      .table(
        [
          { header: 'Splátka', width: 1.1 },
          { header: 'Částka', width: 2.2, align: 'right' },
          { header: 'Splatná do', width: 1.8 },
          { header: 'Podmínka výplaty', width: 5.2 },
        ],
        agreement.payments,
        { totals: ['Celkem', agreement.amount, '', ''] },
      );
  }
  document.paragraph(
    '2. Dnem výplaty se rozumí den, kdy byla částka odepsána z účtu poskytovatele. Nesplní-li příjemce ' +
      'podmínku výplaty, poskytovatel splátku nevyplatí, dokud podmínka nebude splněna.',
  );

  document
    .heading('Článek V – Další podmínky použití dotace')
    .paragraph(
      `Příjemce je povinen dodržet následující podmínky. Jejich nedodržení je porušením rozpočtové ` +
        `kázně podle § 22 ${BUDGET_RULES_ACT}. Podmínky označené jako méně závažné povinnosti jsou ` +
        `podmínkami podle § 10a odst. 6 téhož zákona; za jejich porušení se uloží odvod v nižší ` +
        `výši uvedené u podmínky. Za porušení ostatních podmínek se uloží odvod ve výši neoprávněně ` +
        `použitých nebo zadržených peněžních prostředků.`,
    );
  agreement.conditions.forEach((condition) => {
    document.ensureSpace(3 * document.pdf.currentLineHeight(true));
    document.paragraph(condition.text).paragraph(condition.marking, { fontSize: 9, bold: condition.minor, muted: !condition.minor, align: 'left' });
  });

  document
    .heading('Článek VI – Finanční vypořádání a vrácení prostředků')
    .paragraph(
      `1. Příjemce je povinen předložit poskytovateli finanční vypořádání dotace (vyúčtování) ` +
        `nejpozději do ${agreement.settlementDeadline}. Vyúčtování doloží soupisem výdajů podle ` +
        `položek rozpočtu projektu a kopiemi účetních dokladů.`,
    )
    .paragraph(
      `2. Nevyčerpané peněžní prostředky je příjemce povinen vrátit nejpozději do ` +
        `${agreement.settlementDeadline} na účet poskytovatele uvedený níže; jako variabilní symbol ` +
        `uvede ${data.settlement.variableSymbol}. Prostředky vrácené na výzvu poskytovatele nejsou ` +
        `porušením rozpočtové kázně.`,
    )
    .keyValueTable([
      { label: 'Účet pro vrácení prostředků', value: `${agreement.returnAccount}, ${data.settlement.returnAccount.bankName}` },
      { label: 'Variabilní symbol', value: data.settlement.variableSymbol },
      { label: 'Lhůta pro vypořádání', value: agreement.settlementDeadline },
    ]);

  document.heading('Článek VII – Povinnosti příjemce při přeměně nebo zrušení s likvidací').paragraph(`Podle § 10a odst. 5 písm. g) ${BUDGET_RULES_ACT}:`, { align: 'left' });
  agreement.transformationDuties.forEach((duty, index) => document.paragraph(`${index + 1}. ${duty}`));

  document.heading('Článek VIII – Uveřejnění a účinnost smlouvy');
  if (agreement.needsRegister) {
    document
      .paragraph(
        `1. Hodnota této smlouvy převyšuje 50\u00a0000\u00a0Kč, a proto podléhá uveřejnění v registru smluv ` +
          `podle ${REGISTER_ACT}. Smlouva nabývá platnosti dnem podpisu oběma smluvními stranami ` +
          `a účinnosti dnem uveřejnění v registru smluv.`,
      )
      .paragraph(
        '2. Uveřejnění smlouvy v registru smluv zajistí poskytovatel, a to nejpozději do 30 dnů od ' +
          'jejího uzavření; o uveřejnění příjemce vyrozumí. Před uveřejněním nelze dotaci vyplatit.',
      );
  } else {
    document.paragraph(
      `1. Hodnota této smlouvy nepřevyšuje 50\u00a0000\u00a0Kč, a proto nepodléhá uveřejnění v registru smluv ` +
        `podle ${REGISTER_ACT}. Smlouva nabývá platnosti a účinnosti dnem podpisu oběma smluvními stranami.`,
    );
  }
  document.paragraph(
    `${agreement.needsRegister ? 3 : 2}. Příjemce souhlasí s uveřejněním údajů o sobě, o výši, účelu ` + 'a podmínkách dotace i s uveřejněním celého textu této smlouvy.',
  );

  document
    .heading('Článek IX – Závěrečná ustanovení')
    .paragraph(
      '1. Smlouvu lze měnit pouze písemnými, vzestupně číslovanými dodatky podepsanými oběma smluvními ' +
        'stranami. Práva a povinnosti touto smlouvou výslovně neupravené se řídí zákonem č. 250/2000 Sb. ' +
        'a zákonem č. 500/2004 Sb., správní řád.',
    )
    .paragraph(
      '2. Smluvní strany prohlašují, že si smlouvu přečetly, že byla uzavřena podle jejich pravé ' +
        'a svobodné vůle a že s jejím obsahem souhlasí, na důkaz čehož připojují své podpisy.',
    )
    .paragraph('Doložka podle § 43 zákona č. 131/2000 Sb., o hlavním městě Praze, ve znění pozdějších předpisů', {
      bold: true,
      align: 'left',
    })
    .paragraph(`Uzavření této smlouvy schválil${agreement.bodyEnding} ${agreement.bodyNominative} usnesením ` + `č. ${data.resolution.number} ze dne ${agreement.resolutionDate}.`);

  signatureColumns(document, [
    {
      heading: 'Za poskytovatele',
      placeAndDate: placeAndDate(data.signing?.provider, 'Praze'),
      signers: [data.provider.representedBy],
    },
    {
      heading: 'Za příjemce',
      placeAndDate: placeAndDate(data.signing?.recipient),
      signers: data.recipient.statutoryRepresentatives,
    },
  ]);

  return document.finish();
}

interface PreparedCondition {
  minor: boolean;
  text: string;
  marking: string;
}

interface PreparedAgreement {
  amendmentNumber: number | undefined;
  amendmentChanges: string[];
  amount: Money;
  purpose: string;
  providerRows: KeyValueRow[];
  recipientRows: KeyValueRow[];
  activities: TableCell[][];
  payments: [string, string, string, string][];
  conditions: PreparedCondition[];
  transformationDuties: string[];
  periodFrom: string;
  periodTo: string;
  settlementDeadline: string;
  returnAccount: string;
  resolutionIsoDate: string;
  resolutionDate: string;
  bodyNominative: string;
  /** Past-tense ending agreeing with the body: "rozhodla Rada" but "rozhodlo Zastupitelstvo". */
  bodyEnding: string;
  needsRegister: boolean;
}

function prepareAgreement(data: GrantAgreementData): PreparedAgreement {
  requireText(data.agreementNumber, 'agreementNumber');
  if (!Number.isInteger(data.version) || data.version < 1) {
    throw new RangeError(`version must be a whole number from 1; got ${data.version}`);
  }
  let amendmentNumber: number | undefined;
  let amendmentChanges: string[] = [];
  if (data.version > 1) {
    if (!data.amendment || data.amendment.changes.length === 0) {
      throw new RangeError(`version ${data.version} is an amendment and needs amendment.changes saying what it changes`);
    }
    amendmentChanges = data.amendment.changes.map((change, index) => noBreaks(requireText(change, `amendment.changes[${index}]`)));
    // Version 1 is the agreement as concluded, so version 2 is its first amendment: "Dodatek č. 1".
    amendmentNumber = data.version - 1;
  }

  const amount = Money.parse(data.amount, 'amount');
  if (amount.halere <= 0n) throw new RangeError(`amount must be positive; got ${data.amount}`);

  const providerIco = requireIco(data.provider.ico, 'provider.ico');
  const recipientIco = requireIco(data.recipient.ico, 'recipient.ico');
  const providerAccount = bankAccount(data.provider.bankAccount, 'provider.bankAccount');
  const recipientAccount = bankAccount(data.recipient.bankAccount, 'recipient.bankAccount');
  const returnAccount = canonicalAccount(data.settlement.returnAccount.number, 'settlement.returnAccount.number');
  if (data.recipient.statutoryRepresentatives.length === 0) {
    throw new RangeError('recipient.statutoryRepresentatives must name at least one person who signs for the recipient');
  }
  if (!/^\d{1,10}$/.test(data.settlement.variableSymbol)) {
    throw new RangeError(`settlement.variableSymbol must be 1 to 10 digits; got "${data.settlement.variableSymbol}"`);
  }

  const providerRows: KeyValueRow[] = [
    { label: 'Název', value: data.provider.name },
    { label: 'Sídlo', value: data.provider.seat },
    { label: 'IČO', value: providerIco },
    ...(data.provider.dic ? [{ label: 'DIČ', value: data.provider.dic }] : []),
    { label: 'Zastoupený', value: `${data.provider.representedBy.name}, ${data.provider.representedBy.role}` },
    { label: 'Bankovní spojení', value: providerAccount },
  ];
  const recipientRows: KeyValueRow[] = [
    { label: 'Název', value: data.recipient.name },
    { label: 'Právní forma', value: data.recipient.legalForm },
    { label: 'Sídlo', value: data.recipient.seat },
    { label: 'IČO', value: recipientIco },
    ...(data.recipient.registration ? [{ label: 'Zápis v rejstříku', value: data.recipient.registration }] : []),
    {
      label: 'Statutární orgán',
      value: data.recipient.statutoryRepresentatives.map((person) => `${person.name}, ${person.role}`).join('\n'),
    },
    { label: 'Bankovní spojení', value: recipientAccount },
  ];

  const periodFrom = isoDay(data.purposePeriod.from, 'purposePeriod.from');
  const periodTo = isoDay(data.purposePeriod.to, 'purposePeriod.to');
  if (periodTo < periodFrom) {
    throw new RangeError(`purposePeriod ends (${data.purposePeriod.to}) before it starts (${data.purposePeriod.from})`);
  }
  const settlementDay = isoDay(data.settlement.deadline, 'settlement.deadline');
  if (settlementDay < periodTo) {
    throw new RangeError(`settlement.deadline ${data.settlement.deadline} falls before the end of the purpose period ${data.purposePeriod.to}`);
  }

  if (data.payments.length === 0) throw new RangeError('payments must contain at least one payment');
  let paid = 0n;
  let previousDue = -Infinity;
  const payments = data.payments.map((payment, index): [string, string, string, string] => {
    const field = `payments[${index}]`;
    const money = Money.parse(payment.amount, `${field}.amount`);
    if (money.halere <= 0n) throw new RangeError(`${field}.amount must be positive; got ${payment.amount}`);
    const due = isoDay(payment.dueDate, `${field}.dueDate`);
    if (due < previousDue) throw new RangeError(`${field}.dueDate ${payment.dueDate} is earlier than the previous payment's`);
    previousDue = due;
    paid += money.halere;
    return [`${index + 1}.`, money.format(), formatIsoDate(payment.dueDate), payment.condition ? noBreaks(payment.condition) : '–'];
  });
  if (paid !== amount.halere) {
    throw new RangeError(`payments add up to ${Money.fromHalere(paid).toString()} but the grant is ${amount.toString()}`);
  }

  const activities = prepareActivities(data.activities, amount);

  const conditions = data.conditions.map((condition, index): PreparedCondition => {
    const field = `conditions[${index}]`;
    const text = `${index + 1}. ${noBreaks(requireText(condition.text, `${field}.text`))}`;
    if (!condition.minor) {
      return {
        minor: false,
        text,
        marking: 'Povinnost, jejíž porušení je porušením rozpočtové kázně; odvod ve výši neoprávněně použitých nebo zadržených prostředků.',
      };
    }
    return {
      minor: true,
      text,
      marking: `Méně závažná povinnost (§ 10a odst. 6): odvod za porušení ${describePenalty(condition.penalty, amount, `${field}.penalty`)}.`,
    };
  });

  const transformationDuties = (data.transformationDuties ?? DEFAULT_TRANSFORMATION_DUTIES).map((duty, index) => noBreaks(requireText(duty, `transformationDuties[${index}]`)));

  const { body } = data.resolution;
  if (body !== 'rada' && body !== 'zastupitelstvo') {
    throw new RangeError(`resolution.body must be "rada" or "zastupitelstvo"; got "${String(body)}"`);
  }
  requireText(data.resolution.number, 'resolution.number');
  isoDay(data.resolution.date, 'resolution.date');

  return {
    amendmentNumber,
    amendmentChanges,
    amount,
    purpose: noBreaks(requireText(data.purpose, 'purpose')),
    providerRows,
    recipientRows,
    activities,
    payments,
    conditions,
    transformationDuties,
    periodFrom: formatIsoDate(data.purposePeriod.from),
    periodTo: formatIsoDate(data.purposePeriod.to),
    settlementDeadline: formatIsoDate(data.settlement.deadline),
    returnAccount,
    resolutionIsoDate: data.resolution.date,
    resolutionDate: formatIsoDate(data.resolution.date),
    bodyNominative: approvingBodyName(body),
    bodyEnding: body === 'rada' ? 'a' : 'o',
    needsRegister: amount.compare(REGISTER_THRESHOLD) > 0,
  };
}

/**
 * Shares become integer weights in hundredths of a percent, and the grant is split with
 * Money.allocate, so the printed amounts always add up to the grant exactly.
 */
function prepareActivities(activities: readonly GrantActivityShare[], amount: Money): TableCell[][] {
  if (activities.length === 0) return [];
  const weights = activities.map((activity, index) => {
    const field = `activities[${index}]`;
    requireText(activity.code, `${field}.code`);
    const weight = hundredths(activity.sharePercent, `${field}.sharePercent`);
    if (weight <= 0n) throw new RangeError(`${field}.sharePercent must be positive; got ${activity.sharePercent}`);
    return weight;
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0n);
  if (total !== 10_000n) {
    throw new RangeError(`activities' sharePercent add up to ${formatHundredths(total)} %, not 100 %`);
  }
  const parts = amount.allocate(weights);
  return activities.map((activity, index) => [activity.code, noBreaks(activity.name), percent(activity.sharePercent), parts[index]]);
}

function describePenalty(penalty: MinorConditionPenalty, grant: Money, field: string): string {
  switch (penalty.kind) {
    case 'fixed': {
      const money = Money.parse(penalty.amount, `${field}.amount`);
      if (money.halere <= 0n || money.compare(grant) >= 0) {
        throw new RangeError(`${field}.amount must be positive and lower than the grant; got ${penalty.amount}`);
      }
      return `v pevné výši ${money.format()}`;
    }
    case 'percentage': {
      const share = percentOfGrant(penalty.percent, grant, `${field}.percent`);
      return `ve výši ${percent(penalty.percent)} poskytnuté dotace, tj. ${share.format()}`;
    }
    case 'percentage-range': {
      const low = percentOfGrant(penalty.minPercent, grant, `${field}.minPercent`);
      const high = percentOfGrant(penalty.maxPercent, grant, `${field}.maxPercent`);
      if (low.compare(high) >= 0) {
        throw new RangeError(`${field}: minPercent ${penalty.minPercent} must be lower than maxPercent ${penalty.maxPercent}`);
      }
      return (
        `ve výši od ${percent(penalty.minPercent)} do ${percent(penalty.maxPercent)} poskytnuté dotace ` +
        `(${low.format()} až ${high.format()}); konkrétní výši stanoví poskytovatel podle závažnosti porušení`
      );
    }
    default:
      throw new RangeError(`${field}.kind must be "fixed", "percentage" or "percentage-range"`);
  }
}

/** A minor condition's levy must be lower than the whole grant, else it is not "lower" at all. */
function percentOfGrant(value: string, grant: Money, field: string): Money {
  const weight = hundredths(value, field);
  if (weight <= 0n || weight >= 10_000n) throw new RangeError(`${field} must be more than 0 and less than 100; got ${value}`);
  return grant.multiplyByRatio(weight, 10_000n);
}

function bankAccount(account: BankAccountData, field: string): string {
  return `${requireText(account.bankName, `${field}.bankName`)}, č. ú. ${canonicalAccount(account.number, `${field}.number`)}`;
}

function canonicalAccount(value: string, field: string): string {
  const account = normaliseBankAccount(value);
  if (!account) throw new RangeError(`${field} "${value}" is not a valid Czech bank account (prefix-number/bank)`);
  return account;
}

interface PlaceAndDate {
  place?: string;
  date?: string;
}

function placeAndDate(signing: PlaceAndDate | undefined, defaultPlace?: string): string {
  const place = signing?.place ?? defaultPlace;
  const date = signing?.date ? formatIsoDate(signing.date) : undefined;
  // Blanks long enough to write a town and a date by hand.
  return `V ${place ?? '……………………'} dne ${date ?? '……………………'}`;
}

// ---------------------------------------------------------------------------------------------
// Shared with decision-letters.ts; index.ts exports only the public API of this file.
// ---------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day number of an ISO calendar date (days since 1970-01-01), after checking the date exists,
 * so dates compare and subtract as plain integers without any time zone entering.
 */
export function isoDay(value: string, field: string): number {
  const match = ISO_DATE.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = Date.UTC(year, month - 1, day);
    const date = new Date(time);
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return time / 86_400_000;
    }
  }
  throw new RangeError(`${field} must be an existing calendar date "YYYY-MM-DD"; got "${value}"`);
}

/** "2023-06-30" → "30. 6. 2023" (no-break spaces), through #core's Czech date form. */
export function formatIsoDate(value: string): string {
  // Noon keeps the Prague calendar day whatever the offset.
  return formatCzechDate(pragueInstant(value, '12:00:00'));
}

export function requireText(value: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new RangeError(`${field} must not be empty`);
  return value;
}

/** "2.5" → 250n: percentages and per-mille rates with at most two decimals, as exact integers. */
export function hundredths(value: string, field: string): bigint {
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) throw new RangeError(`${field} must be a decimal number with a dot and at most two decimals; got "${value}"`);
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

function formatHundredths(value: bigint): string {
  const whole = value / 100n;
  const fraction = value % 100n;
  return fraction === 0n ? String(whole) : `${whole},${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

/** "2.5" → "2,5 %" with a no-break space, the Czech form of a percentage. */
export function percent(value: string): string {
  return `${value.replace('.', ',')}\u00a0%`;
}

export function approvingBodyName(body: ApprovingBody): string {
  return body === 'rada' ? 'Rada hlavního města Prahy' : 'Zastupitelstvo hlavního města Prahy';
}

/** Genitive, for "usnesení Rady/Zastupitelstva …" constructions. */
export function approvingBodyGenitive(body: ApprovingBody): string {
  return body === 'rada' ? 'Rady hlavního města Prahy' : 'Zastupitelstva hlavního města Prahy';
}

/**
 * Czech typesetting rules that free text typed by staff does not follow: a one-letter preposition
 * or conjunction never ends a line, and an amount is not split between its digit groups or from
 * its "Kč".
 */
export function noBreaks(text: string): string {
  return text
    .replace(/(?<=^|[\s(„])([AIKOSUVZaikosuvz]) /g, '$1\u00a0')
    .replace(/(?<=\d) (?=\d{3}(?!\d)|Kč)/g, '\u00a0')
    .replace(/(?<=(?:^|\s)(?:§|č\.|odst\.|písm\.)) (?=\S)/g, '\u00a0');
}

/**
 * The builder with Czech no-break rules applied to every paragraph and key–value row, since most
 * sentences here are composed from templates and data ("§ 10a", "č. 1234", "v 5 splátkách").
 */
export class CzechDocumentBuilder extends PdfDocumentBuilder {
  override paragraph(text: string, options?: ParagraphOptions): this {
    return super.paragraph(noBreaks(text), options);
  }

  override keyValueTable(rows: readonly KeyValueRow[], labelShare?: number): this {
    return super.keyValueTable(
      rows.map((row) => (typeof row.value === 'string' ? { label: row.label, value: noBreaks(row.value) } : row)),
      labelShare,
    );
  }
}

export interface SignatureColumn {
  heading: string;
  placeAndDate: string;
  signers: readonly SignatoryData[];
}

/**
 * Side-by-side columns, each with its place and date and one line to sign on per signer, the name
 * and role under it. The whole block stays on one page so no signature is separated from the text.
 */
export function signatureColumns(
  document: PdfDocumentBuilder,
  columns: readonly SignatureColumn[],
  /** A closing line such as "S pozdravem", kept on the page of the signatures. */
  greeting?: string,
): void {
  const pdf = document.pdf;
  pdf.font('DejaVuSans').fontSize(10);
  const lineHeight = pdf.currentLineHeight(true);
  // Room to sign by hand above each line.
  const signingSpace = 34;
  const mostSigners = Math.max(...columns.map((column) => column.signers.length));
  const greetingSpace = greeting ? lineHeight * 3 : 0;
  document.moveDown(1.5).ensureSpace(greetingSpace + lineHeight * 3 + mostSigners * (signingSpace + lineHeight * 3));
  if (greeting) document.paragraph(greeting, { align: 'left' }).moveDown(0.5);

  const page = pdf.page;
  const left = page.margins.left;
  const width = page.width - left - page.margins.right;
  const gap = 24;
  // A lone signature takes half the width, as on paper, not a line across the whole page.
  const columnWidth = Math.min((width - gap * (columns.length - 1)) / columns.length, (width - gap) / 2);
  const top = pdf.y;
  let bottom = top;
  columns.forEach((column, index) => {
    const x = left + index * (columnWidth + gap);
    pdf.font('DejaVuSans').fillColor('#000000').text(column.placeAndDate, x, top, { width: columnWidth });
    pdf.font('DejaVuSans-Bold').text(`${column.heading}:`, x, pdf.y, { width: columnWidth });
    pdf.font('DejaVuSans');
    for (const signer of column.signers) {
      const lineY = pdf.y + signingSpace;
      pdf
        .moveTo(x, lineY)
        .lineTo(x + columnWidth, lineY)
        .lineWidth(0.5)
        .strokeColor('#000000')
        .stroke();
      pdf.text(signer.name, x, lineY + 4, { width: columnWidth });
      pdf.fillColor('#555555').text(signer.role, x, pdf.y, { width: columnWidth }).fillColor('#000000');
    }
    bottom = Math.max(bottom, pdf.y);
  });
  pdf.x = left;
  pdf.y = bottom;
}
