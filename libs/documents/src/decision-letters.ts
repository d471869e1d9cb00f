import { Money, normaliseBankAccount, paymentCode, pragueInstant, requireIco } from '#core';
import type { PdfDocumentBuilder } from './pdf-document.js';
import type { KeyValueRow } from './pdf-document.js';
import { CzechDocumentBuilder, approvingBodyGenitive, approvingBodyName, formatIsoDate, hundredths, isoDay, noBreaks, requireText, signatureColumns } from './grant-agreement.js';
import type { ApprovingResolution, BankAccountData, SignatoryData } from './grant-agreement.js';

/*
 * The letters the programme staff send an applicant or recipient between the commission and the
 * settlement: approval, rejection, a request to remedy a breach, and the call to return money with
 * the levy and penalty. Same conventions as the other documents: plain values in, every value
 * checked before layout, invalid data rejects the promise.
 */

const BUDGET_RULES_ACT = 'zákona č. 250/2000 Sb., o rozpočtových pravidlech územních rozpočtů, ve znění pozdějších předpisů';
const DEFAULT_DEPARTMENT = ['Oddělení národnostních menšin a cizinců'] as const;

/** The parts every letter has: who it goes to, its reference numbers, who handles and signs it. */
export interface LetterCommonData {
  /** Číslo jednací, e.g. "MHMP 1234567/2023". */
  referenceNumber: string;
  /** Spisová značka, e.g. "S-MHMP 123456/2023"; printed when given. */
  fileMark?: string;
  /** The date the letter is dated, ISO "2023-03-15". */
  date: string;
  /** Header lines under "Magistrát hlavního města Prahy"; defaults to the integration section. */
  issuingDepartment?: readonly string[];
  /** "Vyřizuje": the clerk the addressee can call. */
  handledBy: { name: string; phone?: string; email?: string };
  signatory: SignatoryData;
  addressee: LetterAddressee;
  call: { code: string; title: string };
  application: { number: string; title: string };
}

export interface LetterAddressee {
  name: string;
  /** Delivery address, one line per item, e.g. ["Plzeňská 1240/4", "150 00 Praha 5"]. */
  addressLines: readonly string[];
  /** Checked for a valid check digit. */
  ico: string;
  /** ID datové schránky; letters to legal persons are delivered to their data box. */
  dataBoxId?: string;
}

/** "Oznámení o poskytnutí dotace": the grant was approved; the agreement follows. */
export interface DecisionLetterData extends LetterCommonData {
  /** Decimal strings with a dot, e.g. "150000.00"; approved must be positive and not above requested. */
  requestedAmount: string;
  approvedAmount: string;
  /** Why less than requested was approved; printed only when it was. */
  reductionReason?: string;
  resolution: ApprovingResolution;
  /** Conditions attached by the resolution or the call, printed as a numbered list. */
  conditions: readonly string[];
  /** The agreement the applicant is to sign, and by when. */
  agreement: { number: string; signBy: string };
  /** Further steps after the agreement, e.g. "Po uveřejnění smlouvy bude vyplacena 1. splátka." */
  nextSteps?: readonly string[];
}

/** "Oznámení o neposkytnutí dotace" (§ 10a odst. 4 písm. b): no grant, with the reason. */
export interface RejectionNoticeData extends LetterCommonData {
  requestedAmount: string;
  /** Why the application was not granted; must not be empty — the law requires the reason. */
  reason: string;
  /** The resolution, when the approving body decided; left out when the application ended earlier (formal check). */
  resolution?: ApprovingResolution;
}

/** "Výzva k provedení opatření k nápravě" (§ 22 odst. 6). */
export interface RemedyRequestData extends LetterCommonData {
  /** The agreement whose condition was breached; `date` is the day it was concluded. */
  agreement: { number: string; date: string };
  breach: {
    /** What the recipient did or failed to do, as found. */
    description: string;
    /** Where the breached duty is, e.g. "čl. V bod 3 smlouvy". */
    conditionReference?: string;
  };
  /** What the recipient must do to put it right. */
  remedy: string;
  /** The day by which the remedy must be made; must be after the letter's date. */
  deadline: string;
}

/**
 * "Výzva k vrácení dotace / odvod za porušení rozpočtové kázně" with the penalty computed to a
 * stated day.
 */
export interface ReturnCallData extends LetterCommonData {
  agreement: { number: string; date: string };
  breach: {
    description: string;
    /** The day the budget discipline was breached; the penalty runs from the next day. */
    date: string;
  };
  /** The levy (odvod), e.g. "37500.00"; must exceed the levy threshold. */
  amount: string;
  /** The day by which the levy and penalty must be paid. */
  dueDate: string;
  /** The day the penalty is computed to; defaults to `dueDate`. */
  penaltyUntil?: string;
  returnAccount: BankAccountData;
  /** Up to 10 digits. */
  variableSymbol: string;
  /** The statutory parameters in force for this breach; see BreachPenaltyRules. */
  rules?: BreachPenaltyRules;
}

/**
 * § 22 zákona č. 250/2000 Sb. as in force in 2023–2026. The Act changes on 1 January 2027, so the
 * caller passes the parameters from its effective-dated configuration rather than trusting these
 * defaults for later breaches.
 */
export interface BreachPenaltyRules {
  /** Penalty per day of delay in per mille of the levy; default "0.4". */
  penaltyPerMille?: string;
  /** A levy not exceeding this is not imposed; default "1000.00". */
  levyThreshold?: string;
  /** A penalty not exceeding this is not imposed; default "1000.00". */
  penaltyThreshold?: string;
}

export interface BreachPenaltyInput {
  /** The levy, decimal string. */
  levy: string;
  /** The day of the breach (ISO). */
  breachDate: string;
  /** The last day counted (ISO), e.g. the day the money reached the provider's account. */
  until: string;
  rules?: BreachPenaltyRules;
}

export interface BreachPenalty {
  /** Days from the day after the breach to `until` inclusive. */
  days: number;
  /** levy × days × rate, to the haléř (half away from zero). */
  computed: Money;
  /** `computed` limited to the levy. */
  capped: Money;
  /** True when the cap applied. */
  cappedAtLevy: boolean;
  /** What is actually owed: `capped`, or zero when it does not exceed the penalty threshold. */
  imposed: Money;
  /** The rate used, as given ("0.4"). */
  perMille: string;
  penaltyThreshold: Money;
}

const DEFAULT_RULES = { penaltyPerMille: '0.4', levyThreshold: '1000.00', penaltyThreshold: '1000.00' } as const;

/**
 * The penalty for a levy paid late: 0,4 ‰ of the levy per day from the day after the breach,
 * at most the levy itself, and none at all when it does not exceed 1 000 Kč. Exported so that
 * the ledger and the letter cannot disagree.
 */
export function computeBreachPenalty(input: BreachPenaltyInput): BreachPenalty {
  const levy = Money.parse(input.levy, 'levy');
  if (levy.halere <= 0n) throw new RangeError(`levy must be positive; got ${input.levy}`);
  const perMille = input.rules?.penaltyPerMille ?? DEFAULT_RULES.penaltyPerMille;
  const rate = hundredths(perMille, 'rules.penaltyPerMille');
  const penaltyThreshold = Money.parse(input.rules?.penaltyThreshold ?? DEFAULT_RULES.penaltyThreshold, 'rules.penaltyThreshold');
  const days = isoDay(input.until, 'until') - isoDay(input.breachDate, 'breachDate');
  if (days < 0) throw new RangeError(`the penalty cannot be computed to ${input.until}, before the breach on ${input.breachDate}`);
  // rate is in hundredths of a per mille: levy × days × rate / 100 / 1000.
  const computed = levy.multiplyByRatio(BigInt(days) * rate, 100_000n);
  const cappedAtLevy = computed.compare(levy) > 0;
  const capped = cappedAtLevy ? levy : computed;
  const imposed = capped.compare(penaltyThreshold) > 0 ? capped : Money.ZERO;
  return { days, computed, capped, cappedAtLevy, imposed, perMille, penaltyThreshold };
}

/**
 * "Oznámení o poskytnutí dotace": tells the applicant what the approving body granted against what
 * was asked, under which resolution, with which conditions, and that the agreement is to be signed.
 */
export async function renderDecisionLetter(data: DecisionLetterData): Promise<Buffer> {
  const common = prepareCommon(data);
  const requested = positiveMoney(data.requestedAmount, 'requestedAmount');
  const approved = positiveMoney(data.approvedAmount, 'approvedAmount');
  if (approved.compare(requested) > 0) {
    throw new RangeError(`approvedAmount ${data.approvedAmount} is more than the requestedAmount ${data.requestedAmount}`);
  }
  const resolution = prepareResolution(data.resolution, 'resolution');
  requireText(data.agreement.number, 'agreement.number');
  const signBy = formatIsoDate(data.agreement.signBy);
  if (isoDay(data.agreement.signBy, 'agreement.signBy') < isoDay(data.date, 'date')) {
    throw new RangeError(`agreement.signBy ${data.agreement.signBy} is before the letter's date ${data.date}`);
  }
  const conditions = data.conditions.map((condition, index) => noBreaks(requireText(condition, `conditions[${index}]`)));
  const nextSteps = (data.nextSteps ?? []).map((step, index) => noBreaks(requireText(step, `nextSteps[${index}]`)));
  const reduced = approved.compare(requested) < 0;

  const document = letter(data, common, 'Oznámení o poskytnutí dotace', 'Notice of a grant award');
  document
    .paragraph(
      `${resolution.nominative} usnesením č. ${resolution.number} ze dne ${resolution.date} ` +
        `${resolution.approved} poskytnutí dotace z rozpočtu hlavního města Prahy na Váš projekt ` +
        `„${noBreaks(data.application.title)}“ (žádost č. ${data.application.number}) podaný ` +
        `v dotační výzvě ${data.call.code} – ${noBreaks(data.call.title)}.`,
    )
    .keyValueTable([
      { label: 'Požadovaná výše dotace', value: requested },
      { label: 'Schválená výše dotace', value: approved },
      { label: 'Rozhodnutí', value: `usnesení ${resolution.genitive} č. ${resolution.number} ze dne ${resolution.date}` },
    ]);
  if (reduced) {
    const reason = data.reductionReason ? ` Důvod: ${noBreaks(data.reductionReason)}` : '';
    document.paragraph(
      `Dotace byla schválena v nižší výši, než jste požadovali, o ${requested.subtract(approved).format()}.${reason} ` +
        'Rozpočet projektu je třeba přiměřeně upravit; upravený rozpočet bude přílohou smlouvy.',
    );
  }
  document.heading('Podmínky poskytnutí dotace');
  if (conditions.length === 0) {
    document.paragraph('Usnesení nestanoví nad rámec podmínek dotační výzvy žádné další podmínky.');
  } else {
    conditions.forEach((condition, index) => document.paragraph(`${index + 1}. ${condition}`));
  }
  document
    .heading('Další postup')
    .paragraph(
      `1. Dotace bude poskytnuta na základě veřejnoprávní smlouvy o poskytnutí účelové dotace ` +
        `č. ${data.agreement.number} podle § 10a odst. 5 ${BUDGET_RULES_ACT}. Návrh smlouvy ` +
        `Vám zasíláme spolu s tímto oznámením; podepsaný jej prosím vraťte nejpozději do ${signBy}. ` +
        'Potřebujete-li delší lhůtu, obraťte se prosím na vyřizujícího pracovníka uvedeného v záhlaví.',
    )
    .paragraph(
      approved.compare(Money.parse('50000.00')) > 0
        ? '2. Smlouva nabude účinnosti dnem uveřejnění v registru smluv podle zákona č. 340/2015 Sb., ' +
            'o registru smluv, které zajistí poskytovatel. Dotaci lze vyplatit až po uveřejnění smlouvy.'
        : '2. Smlouva nabude účinnosti dnem podpisu oběma smluvními stranami; poté bude dotace vyplacena ' + 'v termínech, které smlouva stanoví.',
    );
  nextSteps.forEach((step, index) => document.paragraph(`${index + 3}. ${step}`));
  closing(document, data);
  return document.finish();
}

/**
 * "Oznámení o neposkytnutí dotace": § 10a odst. 4 písm. b) requires the provider to tell the
 * applicant without undue delay and to give the reason, so a blank reason is refused.
 */
export async function renderRejectionNotice(data: RejectionNoticeData): Promise<Buffer> {
  const common = prepareCommon(data);
  const requested = positiveMoney(data.requestedAmount, 'requestedAmount');
  const reason = noBreaks(requireText(data.reason, 'reason'));
  const resolution = data.resolution ? prepareResolution(data.resolution, 'resolution') : undefined;

  const document = letter(data, common, 'Oznámení o neposkytnutí dotace', 'Notice that a grant is not awarded');
  document.paragraph(
    `podle § 10a odst. 4 písm. b) ${BUDGET_RULES_ACT}, Vám oznamujeme, že Vaší žádosti o poskytnutí ` +
      `dotace z rozpočtu hlavního města Prahy č. ${data.application.number} na projekt ` +
      `„${noBreaks(data.application.title)}“, podané v dotační výzvě ${data.call.code} – ` +
      `${noBreaks(data.call.title)}, nebylo vyhověno a dotace Vám nebude poskytnuta.`,
  );
  const rows: KeyValueRow[] = [
    { label: 'Číslo žádosti', value: data.application.number },
    { label: 'Požadovaná výše dotace', value: requested },
  ];
  if (resolution) {
    rows.push({ label: 'Rozhodnutí', value: `usnesení ${resolution.genitive} č. ${resolution.number} ze dne ${resolution.date}` });
  }
  document.keyValueTable(rows).heading('Důvod neposkytnutí dotace').paragraph(reason);
  document.paragraph(
    'Na poskytnutí dotace není právní nárok. Toto oznámení není rozhodnutím ve správním řízení, ' +
      'a proto se proti němu nelze odvolat. Můžete se ucházet o dotaci v dalších výzvách hlavního města Prahy.',
  );
  closing(document, data);
  return document.finish();
}

/**
 * "Výzva k provedení opatření k nápravě" (§ 22 odst. 6): a breach that can be put right gets a
 * written request with a deadline before any levy; remedied in time, it is not a breach.
 */
export async function renderRemedyRequestForBreach(data: RemedyRequestData): Promise<Buffer> {
  const common = prepareCommon(data);
  requireText(data.agreement.number, 'agreement.number');
  const agreementDate = formatIsoDate(data.agreement.date);
  isoDay(data.agreement.date, 'agreement.date');
  const description = noBreaks(requireText(data.breach.description, 'breach.description'));
  const remedy = noBreaks(requireText(data.remedy, 'remedy'));
  if (isoDay(data.deadline, 'deadline') <= isoDay(data.date, 'date')) {
    throw new RangeError(`deadline ${data.deadline} must be after the letter's date ${data.date}`);
  }
  const deadline = formatIsoDate(data.deadline);

  const document = letter(data, common, 'Výzva k provedení opatření k nápravě', 'Request to remedy a breach of the grant agreement');
  document
    .paragraph(
      `poskytovatel zjistil, že jste při použití dotace poskytnuté na základě veřejnoprávní smlouvy ` +
        `č. ${data.agreement.number} ze dne ${agreementDate} na projekt „${noBreaks(data.application.title)}“ ` +
        `nedodrželi povinnost stanovenou smlouvou. Podle § 22 odst. 6 ${BUDGET_RULES_ACT}, Vás proto ` +
        'vyzýváme k provedení opatření k nápravě.',
    )
    .heading('Zjištěné porušení povinnosti');
  if (data.breach.conditionReference) {
    document.keyValueTable([
      { label: 'Smlouva', value: `č. ${data.agreement.number} ze dne ${agreementDate}` },
      { label: 'Porušená povinnost', value: noBreaks(data.breach.conditionReference) },
    ]);
  }
  document
    .paragraph(description)
    .heading('Požadované opatření k nápravě')
    .paragraph(remedy)
    .keyValueTable([{ label: 'Lhůta k provedení nápravy', value: `do ${deadline}` }])
    .paragraph(
      `Provedete-li opatření k nápravě ve stanovené lhůtě a doložíte-li to poskytovateli, nejde o porušení ` +
        `rozpočtové kázně. Neprovedete-li je ve lhůtě do ${deadline}, jde o porušení rozpočtové kázně ` +
        `podle § 22 ${BUDGET_RULES_ACT}, a poskytovatel uloží odvod ve výši stanovené smlouvou, ` +
        'případně ve výši neoprávněně použitých prostředků, a penále.',
      { bold: true },
    );
  closing(document, data);
  return document.finish();
}

/** "Výzva k vrácení části dotace" after the settlement check: what was not spent or not eligible, by when and where. */
export interface SettlementReturnCallData extends LetterCommonData {
  agreement: { number: string; date: string };
  /** What was paid, what the check found eligible, what is returned already and what remains, e.g. "20000.00". */
  paid: string;
  eligible: string;
  returned: string;
  amount: string;
  /** The check's explanation of the return (unspent, ineligible, shifts beyond tolerance). */
  explanation: string;
  dueDate: string;
  returnAccount: BankAccountData;
  /** Up to 10 digits. */
  variableSymbol: string;
}

/**
 * "Výzva k vrácení části dotace" (§ 10a odst. 5 písm. m zákona č. 250/2000 Sb.: the return after the
 * settlement): the amounts, the explanation, where and by when, with the QR Platba code.
 */
export async function renderSettlementReturnCall(data: SettlementReturnCallData): Promise<Buffer> {
  const common = prepareCommon(data);
  requireText(data.agreement.number, 'agreement.number');
  isoDay(data.agreement.date, 'agreement.date');
  const amount = positiveMoney(data.amount, 'amount');
  const account = normaliseBankAccount(data.returnAccount.number);
  if (!account) throw new RangeError(`returnAccount.number "${data.returnAccount.number}" is not a valid Czech bank account`);
  requireText(data.returnAccount.bankName, 'returnAccount.bankName');
  if (!/^\d{1,10}$/.test(data.variableSymbol)) throw new RangeError(`variableSymbol must be 1 to 10 digits; got "${data.variableSymbol}"`);
  const dueDate = formatIsoDate(data.dueDate);
  isoDay(data.dueDate, 'dueDate');
  const document = letter(data, common, 'Výzva k vrácení části dotace', 'vratka po vyúčtování / call to return part of a grant after its settlement');
  document
    .paragraph(
      `při kontrole vyúčtování dotace poskytnuté na základě veřejnoprávní smlouvy č. ${data.agreement.number} ` +
        `ze dne ${formatIsoDate(data.agreement.date)} na projekt „${noBreaks(data.application.title)}“ ` +
        `poskytovatel zjistil, že část dotace nebyla použita nebo ji nelze uznat. Vyzýváme Vás k jejímu vrácení ` +
        `ve výši ${amount.format()} nejpozději do ${dueDate}.`,
    )
    .heading('Výsledek kontroly vyúčtování')
    .keyValueTable(
      [
        { label: 'Vyplaceno', value: Money.parse(data.paid, 'paid') },
        { label: 'Uznáno', value: Money.parse(data.eligible, 'eligible') },
        { label: 'Již vráceno', value: Money.parse(data.returned, 'returned') },
        { label: 'Zbývá vrátit', value: amount },
      ],
      0.38,
    )
    .paragraph(noBreaks(requireText(data.explanation, 'explanation')), { muted: true })
    .heading('Platební údaje')
    .keyValueTable(
      [
        { label: 'K úhradě', value: amount },
        { label: 'Splatnost', value: dueDate },
        { label: 'Účet poskytovatele', value: `${account}, ${data.returnAccount.bankName}` },
        { label: 'Variabilní symbol', value: data.variableSymbol },
      ],
      0.38,
    );
  await document.paymentQr(
    paymentCode({ account, amount, variableSymbol: data.variableSymbol, dueDate: data.dueDate, message: `Vratka dotace, smlouva ${data.agreement.number}` }),
    'Naskenujte v aplikaci své banky: účet, částka, splatnost a variabilní symbol se vyplní samy.',
  );
  document.paragraph('Nebude-li částka ve stanovené lhůtě vrácena, jde o zadržení peněžních prostředků a porušení rozpočtové kázně podle § 22 ' + `${BUDGET_RULES_ACT}.`);
  closing(document, data);
  return document.finish();
}

/**
 * "Výzva k vrácení dotace / odvod za porušení rozpočtové kázně": the levy, the penalty computed
 * and shown line by line, where and by when to pay.
 */
export async function renderReturnCall(data: ReturnCallData): Promise<Buffer> {
  const common = prepareCommon(data);
  requireText(data.agreement.number, 'agreement.number');
  isoDay(data.agreement.date, 'agreement.date');
  const levy = positiveMoney(data.amount, 'amount');
  const levyThreshold = Money.parse(data.rules?.levyThreshold ?? DEFAULT_RULES.levyThreshold, 'rules.levyThreshold');
  if (levy.compare(levyThreshold) <= 0) {
    // § 22: such a levy is not imposed at all, so a letter demanding it must not go out.
    throw new RangeError(`a levy of ${levy.toString()} does not exceed ${levyThreshold.toString()} and is not imposed`);
  }
  const description = noBreaks(requireText(data.breach.description, 'breach.description'));
  if (isoDay(data.dueDate, 'dueDate') <= isoDay(data.date, 'date')) {
    throw new RangeError(`dueDate ${data.dueDate} must be after the letter's date ${data.date}`);
  }
  const until = data.penaltyUntil ?? data.dueDate;
  const penalty = computeBreachPenalty({ levy: data.amount, breachDate: data.breach.date, until, rules: data.rules });
  const account = normaliseBankAccount(data.returnAccount.number);
  if (!account) throw new RangeError(`returnAccount.number "${data.returnAccount.number}" is not a valid Czech bank account`);
  requireText(data.returnAccount.bankName, 'returnAccount.bankName');
  if (!/^\d{1,10}$/.test(data.variableSymbol)) {
    throw new RangeError(`variableSymbol must be 1 to 10 digits; got "${data.variableSymbol}"`);
  }
  const breachDate = formatIsoDate(data.breach.date);
  const firstDay = formatIsoDate(isoFromDay(isoDay(data.breach.date, 'breach.date') + 1));
  const untilDate = formatIsoDate(until);
  const dueDate = formatIsoDate(data.dueDate);
  const rate = `${penalty.perMille.replace('.', ',')}\u00a0‰`;
  const total = levy.add(penalty.imposed);

  const document = letter(data, common, 'Výzva k vrácení dotace', 'odvod za porušení rozpočtové kázně a penále / call to return a grant: levy and penalty');
  document
    .paragraph(
      `při kontrole použití dotace poskytnuté na základě veřejnoprávní smlouvy č. ${data.agreement.number} ` +
        `ze dne ${formatIsoDate(data.agreement.date)} na projekt „${noBreaks(data.application.title)}“ bylo ` +
        `zjištěno porušení rozpočtové kázně podle § 22 ${BUDGET_RULES_ACT}:`,
    )
    .paragraph(description)
    .paragraph(
      `Vyzýváme Vás proto k vrácení dotace v rozsahu odvodu za porušení rozpočtové kázně ve výši ` +
        `${levy.format()} a k zaplacení penále vypočteného níže, a to nejpozději do ${dueDate}.`,
    )
    .heading('Výpočet penále')
    .keyValueTable(
      [
        { label: 'Odvod za porušení rozpočtové kázně', value: levy },
        { label: 'Den porušení rozpočtové kázně', value: breachDate },
        { label: 'Penále počítáno', value: penalty.days > 0 ? `od ${firstDay} do ${untilDate}` : '–' },
        { label: 'Počet dnů prodlení', value: String(penalty.days) },
        { label: 'Sazba penále', value: `${rate} z částky odvodu za každý den prodlení` },
        {
          label: 'Výpočet',
          value: `${levy.format()} × ${rate} × ${penalty.days} ${daysWord(penalty.days)} = ${penalty.computed.format()}`,
        },
        {
          label: 'Nejvýše do výše odvodu',
          value: penalty.cappedAtLevy ? `${levy.format()} – omezení uplatněno` : `${levy.format()} – neuplatní se`,
        },
        { label: 'Penále k úhradě', value: penalty.imposed },
      ],
      0.38,
    );
  if (penalty.imposed.isZero()) {
    document.paragraph(`Penále nepřesahuje ${penalty.penaltyThreshold.format()}, a proto se neukládá.`, { muted: true });
  } else {
    document.paragraph(
      `Penále dále narůstá o ${rate} z částky odvodu, tj. ${levy.multiplyByRatio(hundredths(penalty.perMille, 'rate'), 100_000n).format()}, ` +
        `za každý další den prodlení po ${untilDate} až do dne připsání platby na účet poskytovatele, ` +
        'nejvýše však do výše odvodu.',
      { muted: true },
    );
  }
  document.heading('Platební údaje').keyValueTable(
    [
      { label: 'Celkem k úhradě', value: total },
      { label: 'Splatnost', value: dueDate },
      { label: 'Účet poskytovatele', value: `${account}, ${data.returnAccount.bankName}` },
      { label: 'Variabilní symbol', value: data.variableSymbol },
    ],
    0.38,
  );
  await document.paymentQr(
    paymentCode({
      account: account,
      amount: total,
      variableSymbol: data.variableSymbol,
      dueDate: data.dueDate,
      message: `Odvod a penale, smlouva ${data.agreement.number}`,
    }),
    'Naskenujte v aplikaci své banky: účet, částka, splatnost a variabilní symbol se vyplní samy.',
  );
  document.paragraph(
    'Nebude-li částka ve stanovené lhůtě připsána na účet poskytovatele, bude odvod a penále uloženo ' + 'platebním výměrem a vymáháno podle zákona č. 280/2009 Sb., daňový řád.',
  );
  closing(document, data);
  return document.finish();
}

interface PreparedCommon {
  date: string;
  ico: string;
}

function prepareCommon(data: LetterCommonData): PreparedCommon {
  requireText(data.referenceNumber, 'referenceNumber');
  requireText(data.addressee.name, 'addressee.name');
  requireText(data.application.number, 'application.number');
  requireText(data.signatory.name, 'signatory.name');
  if (data.addressee.addressLines.length === 0) throw new RangeError('addressee.addressLines must not be empty');
  isoDay(data.date, 'date');
  return { date: formatIsoDate(data.date), ico: requireIco(data.addressee.ico, 'addressee.ico') };
}

interface PreparedResolution {
  nominative: string;
  genitive: string;
  /** "schválila" (Rada) or "schválilo" (Zastupitelstvo). */
  approved: string;
  number: string;
  date: string;
}

function prepareResolution(resolution: ApprovingResolution, field: string): PreparedResolution {
  if (resolution.body !== 'rada' && resolution.body !== 'zastupitelstvo') {
    throw new RangeError(`${field}.body must be "rada" or "zastupitelstvo"; got "${String(resolution.body)}"`);
  }
  isoDay(resolution.date, `${field}.date`);
  return {
    nominative: approvingBodyName(resolution.body),
    genitive: approvingBodyGenitive(resolution.body),
    approved: resolution.body === 'rada' ? 'schválila' : 'schválilo',
    number: requireText(resolution.number, `${field}.number`),
    date: formatIsoDate(resolution.date),
  };
}

function positiveMoney(value: string, field: string): Money {
  const money = Money.parse(value, field);
  if (money.halere <= 0n) throw new RangeError(`${field} must be positive; got ${value}`);
  return money;
}

function isoFromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Czech plural after a number: 1 den, 2–4 dny, otherwise dnů. */
function daysWord(days: number): string {
  if (days === 1) return 'den';
  if (days >= 2 && days <= 4) return 'dny';
  return 'dnů';
}

/**
 * Header, addressee on the left and the reference block on the right (the layout of every letter
 * the Magistrát sends), then the title and the salutation.
 */
function letter(data: LetterCommonData, common: PreparedCommon, title: string, subtitle: string): PdfDocumentBuilder {
  const document = new CzechDocumentBuilder({
    title: `${title} – ${data.application.number}`,
    subject: `${subtitle} – ${data.application.number} – ${data.call.code}`,
    keywords: [data.referenceNumber, data.application.number, data.call.code].join(', '),
    // The letter's own date makes re-rendering it give the same file.
    creationDate: pragueInstant(data.date, '12:00:00'),
    footerNote: `Č. j. ${data.referenceNumber}`,
  });
  document.header({ departmentLines: data.issuingDepartment ?? DEFAULT_DEPARTMENT });

  const pdf = document.pdf;
  const page = pdf.page;
  const left = page.margins.left;
  const width = page.width - left - page.margins.right;
  const addressWidth = width * 0.5;
  const referenceX = left + width * 0.56;
  const referenceWidth = width * 0.44;
  const top = pdf.y;

  pdf.font('DejaVuSans').fontSize(10).fillColor('#000000');
  const addressee = [data.addressee.name, ...data.addressee.addressLines, `IČO: ${common.ico}`];
  if (data.addressee.dataBoxId) addressee.push(`ID datové schránky: ${data.addressee.dataBoxId}`);
  pdf.font('DejaVuSans-Bold').text(addressee[0], left, top, { width: addressWidth });
  pdf.font('DejaVuSans').text(addressee.slice(1).join('\n'), left, pdf.y, { width: addressWidth });
  const addressBottom = pdf.y;

  const reference: [string, string][] = [['Č. j.', data.referenceNumber]];
  if (data.fileMark) reference.push(['Sp. zn.', data.fileMark]);
  reference.push(['Vyřizuje', data.handledBy.name]);
  if (data.handledBy.phone) reference.push(['Tel.', data.handledBy.phone]);
  if (data.handledBy.email) reference.push(['E-mail', data.handledBy.email]);
  reference.push(['Datum', common.date]);
  pdf.fontSize(8.5);
  let y = top;
  for (const [label, value] of reference) {
    pdf.fillColor('#555555').text(`${label}:`, referenceX, y, { width: 48 });
    pdf.fillColor('#000000').text(value, referenceX + 50, y, { width: referenceWidth - 50 });
    y = pdf.y + 1;
  }
  pdf.fontSize(10);
  pdf.x = left;
  pdf.y = Math.max(addressBottom, y);
  document.moveDown(2).title(title, subtitle).paragraph('Vážená paní, vážený pane,', { align: 'left' });
  return document;
}

/** "S pozdravem", the signatory with their role, and where the letter came from. */
function closing(document: PdfDocumentBuilder, data: LetterCommonData): void {
  signatureColumns(document, [{ heading: 'Za hlavní město Prahu', placeAndDate: `V Praze dne ${formatIsoDate(data.date)}`, signers: [data.signatory] }], 'S pozdravem');
}
