import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LegalRules } from '#config';
import { Actor, DomainError, Money, paymentCode, pragueIsoDate } from '#core';
import { Tx, UnitOfWork } from '#database';
import { renderRemedyRequestForBreach, renderReturnCall } from '#documents';
import { LedgerWriter } from '#ledger';
import { PROVIDER, variableSymbolOf } from './agreement.service.js';
import { letterCommon } from './letters.js';
import type { ImposeLevyRequest, LevyPaidRequest, OpenBreachRequest, RemediedRequest } from './dto.js';
import { Agreement, Breach, BreachStatus } from './entities.js';
import { levy, penalty } from './rules/index.js';
import { parseDecimal } from './rules/decimal.js';

/** What a breach step changes, and the audit action it records. */
type BreachChange = Partial<Breach> & { status: BreachStatus; action: string };

/**
 * Breaches of budget discipline: the remedy request first where the law allows it, then the levy and,
 * when it is paid, the penalty. The arithmetic is in ./rules (thresholds and rates effective-dated in
 * config/legal-rules.ts, read as at the day of the breach).
 */
@Injectable()
export class BreachService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly ledger: LedgerWriter,
    private readonly legalRules: LegalRules,
  ) {}

  async open(actor: Actor, agreementId: string, request: OpenBreachRequest) {
    return this.unitOfWork.run(actor, async (tx) => {
      const agreement = await tx.manager.findOneBy(Agreement, { id: agreementId });
      if (!agreement) throw DomainError.notFound('agreement', agreementId);
      const condition = request.conditionNo ? agreement.conditions[request.conditionNo - 1] : undefined;
      if (request.conditionNo && !condition) {
        throw DomainError.field('conditionNo', 'UNKNOWN_CONDITION', { cs: 'Smlouva takovou podmínku nemá.', en: 'The agreement has no such condition.' });
      }
      // § 22 odst. 6: the remedy request comes first only for a fixable breach of a minor condition.
      if (request.remedyDeadline && !condition?.minor) {
        throw DomainError.field('remedyDeadline', 'REMEDY_NOT_ALLOWED', {
          cs: 'Výzvu k nápravě lze vydat jen u porušení podmínky, kterou smlouva označuje jako méně závažnou.',
          en: 'A remedy request is possible only for a condition the agreement marks as minor.',
        });
      }
      if (request.breachDate > pragueIsoDate(tx.now))
        throw DomainError.field('breachDate', 'DATE_IN_FUTURE', { cs: 'Datum porušení je v budoucnosti.', en: 'The breach date is in the future.' });
      if (request.remedyDeadline && request.remedyDeadline <= pragueIsoDate(tx.now)) {
        throw DomainError.field('remedyDeadline', 'DEADLINE_NOT_IN_FUTURE', { cs: 'Lhůta k nápravě musí skončit až po dnešku.', en: 'The remedy deadline must be after today.' });
      }
      const breach = tx.manager.create(Breach, {
        id: randomUUID(),
        agreementId,
        conditionNo: request.conditionNo ?? null,
        description: request.description,
        breachDate: request.breachDate,
        misused: Money.parse(request.misused),
        status: request.remedyDeadline ? 'remedy_requested' : 'open',
        remedyDeadline: request.remedyDeadline ?? null,
        remediedOn: null,
        levy: null,
        levyDueDate: null,
        levyReason: null,
        penalty: null,
        penaltyComputation: null,
        paidOn: null,
        createdAt: tx.now,
        version: 1,
      });
      await tx.manager.insert(Breach, breach);
      tx.audit({ action: 'breach.opened', objectType: 'breach', objectId: breach.id, after: { ...breach, misused: breach.misused.toString() } });
      if (request.remedyDeadline) tx.emit({ type: 'breach.remedy_requested', aggregateType: 'breach', aggregateId: breach.id });
      return view(breach, null);
    });
  }

  /** Remedied within the deadline: not a breach of budget discipline, nothing is levied. */
  async remedied(actor: Actor, breachId: string, request: RemediedRequest) {
    return this.change(actor, breachId, request.version, ['remedy_requested'], (breach, _manager, tx) => {
      if (request.remediedOn > pragueIsoDate(tx.now)) {
        throw DomainError.field('remediedOn', 'DATE_IN_FUTURE', { cs: 'Datum nápravy je v budoucnosti.', en: 'The remedy date is in the future.' });
      }
      if (request.remediedOn > breach.remedyDeadline!) {
        throw DomainError.conflict('REMEDY_LATE', {
          cs: 'Náprava přišla po lhůtě; porušení se posoudí jako porušení rozpočtové kázně.',
          en: 'The remedy came after the deadline.',
        });
      }
      return { status: 'remedied' as BreachStatus, remediedOn: request.remediedOn, action: 'breach.remedied' };
    });
  }

  /** The levy: the amount misused, or the agreement's lower amount for a minor condition; waived up to the threshold. */
  async imposeLevy(actor: Actor, breachId: string, request: ImposeLevyRequest) {
    return this.change(actor, breachId, request.version, ['remedy_requested', 'open'], async (breach, manager, tx) => {
      if (request.dueDate <= pragueIsoDate(tx.now)) {
        throw DomainError.field('dueDate', 'DEADLINE_NOT_IN_FUTURE', { cs: 'Splatnost odvodu musí být až po dnešku.', en: 'The levy must fall due after today.' });
      }
      const agreement = await manager.findOneByOrFail(Agreement, { id: breach.agreementId });
      const condition = breach.conditionNo ? agreement.conditions[breach.conditionNo - 1] : undefined;
      const cap = condition?.minor && condition.penalty ? this.agreementCap(condition.penalty, agreement.amount, request.percent) : null;
      const rules = this.legalRules.at(breach.breachDate).budgetDiscipline;
      const result = levy(rules, { misused: breach.misused, agreementCap: cap });
      return {
        status: (result.waived || result.levy.isZero() ? 'waived' : 'levied') as BreachStatus,
        levy: result.levy,
        levyDueDate: request.dueDate,
        levyReason: result.reason.cs,
        action: 'breach.levy_imposed',
      };
    });
  }

  /** Paid: the penalty runs from the day after the breach to the day of payment (capped, waived up to the threshold); both go to the ledger. */
  async levyPaid(actor: Actor, breachId: string, request: LevyPaidRequest) {
    return this.unitOfWork.run(actor, (tx) => this.levyPaidIn(tx, breachId, request));
  }

  /** The levy paid, inside a caller's transaction (the bank statement's import matches many at once). */
  async levyPaidIn(tx: Tx, breachId: string, request: LevyPaidRequest) {
    return this.changeIn(tx, breachId, request.version, ['levied'], async (breach, manager) => {
      if (!breach.levy) throw DomainError.conflict('LEVY_NOT_IMPOSED', { cs: 'Odvod dosud nebyl vyměřen.', en: 'No levy has been imposed yet.' });
      if (request.paidOn > pragueIsoDate(tx.now))
        throw DomainError.field('paidOn', 'DATE_IN_FUTURE', { cs: 'Datum úhrady je v budoucnosti.', en: 'The payment date is in the future.' });
      const rules = this.legalRules.at(breach.breachDate).budgetDiscipline;
      const result = penalty(rules, { levy: breach.levy, dueDate: breach.breachDate, paidDate: request.paidOn });
      const [row] = await manager.query<
        {
          id: string;
          call_id: string;
          budget_area_id: string;
        }[]
      >(`SELECT a.id, a.call_id, a.budget_area_id FROM agreement g JOIN application a ON a.id = g.application_id WHERE g.id = $1`, [breach.agreementId]);
      const shares = (await this.ledger.sharesOf(manager, [row.id])).get(row.id);
      await this.ledger.record(tx, [
        {
          kind: 'penalised',
          callId: row.call_id,
          budgetAreaId: row.budget_area_id,
          applicationId: row.id,
          amount: breach.levy.add(result.waived ? Money.ZERO : result.penalty),
          sourceType: 'breach',
          sourceId: breach.id,
          shares,
        },
      ]);
      return {
        status: 'paid' as BreachStatus,
        paidOn: request.paidOn,
        penalty: result.waived ? Money.ZERO : result.penalty,
        penaltyComputation: result.computation.cs,
        action: 'breach.levy_paid',
      };
    });
  }

  /**
   * The breach's letter: the remedy request (§ 22 odst. 6) while one is open, otherwise the call to pay
   * the levy with the penalty computed to its due date. Rendered from the record each time: the
   * penalty figures follow the rules in force on the day of the breach.
   */
  async document(breachId: string): Promise<{ pdf: Buffer; fileName: string }> {
    const breach = await this.dataSource.manager.findOneBy(Breach, { id: breachId });
    if (!breach) throw DomainError.notFound('breach', breachId);
    const agreement = await this.dataSource.manager.findOneByOrFail(Agreement, { id: breach.agreementId });
    const [audit] = await this.dataSource.query<{ actor_user_id: string | null }[]>(
      `SELECT actor_user_id FROM audit_log WHERE object_type = 'breach' AND object_id = $1 ORDER BY seq DESC LIMIT 1`,
      [breach.id],
    );
    const common = await letterCommon(this.dataSource.manager, agreement.applicationId, pragueIsoDate(breach.createdAt), audit?.actor_user_id ?? null);
    const agreementRef = { number: agreement.number, date: agreement.signedOn ?? pragueIsoDate(agreement.createdAt) };
    const condition = breach.conditionNo ? `podmínka č. ${breach.conditionNo} smlouvy: ${agreement.conditions[breach.conditionNo - 1]?.text ?? ''}` : undefined;
    if (breach.status === 'remedy_requested' || breach.status === 'remedied') {
      const pdf = await renderRemedyRequestForBreach({
        ...common,
        agreement: agreementRef,
        breach: { description: breach.description, conditionReference: condition },
        remedy: 'Odstraňte zjištěný nedostatek a doložte nápravu poskytovateli.',
        deadline: breach.remedyDeadline!,
      });
      return { pdf, fileName: `vyzva-k-naprave-${agreement.number.replace(/[^A-Za-z0-9-]/g, '_')}.pdf` };
    }
    if (!breach.levy || breach.levy.isZero()) {
      throw DomainError.conflict('NO_LEVY', {
        cs: 'Odvod nebyl vyměřen (nebo nepřesahuje 1 000 Kč); výzvu k odvodu nelze vystavit.',
        en: 'No levy is imposed, so there is no call to pay it.',
      });
    }
    const rules = this.legalRules.at(breach.breachDate).budgetDiscipline;
    const pdf = await renderReturnCall({
      ...common,
      date: pragueIsoDate(breach.createdAt) < breach.levyDueDate! ? pragueIsoDate(breach.createdAt) : breach.breachDate,
      agreement: agreementRef,
      breach: { description: breach.description, date: breach.breachDate },
      amount: breach.levy.toString(),
      dueDate: breach.levyDueDate!,
      returnAccount: { ...PROVIDER.bankAccount },
      variableSymbol: variableSymbolOf(common.application.number),
      rules: { penaltyPerMille: rules.penaltyPerMillePerDay, levyThreshold: rules.noLevyUpToAmount, penaltyThreshold: rules.noPenaltyUpToAmount },
    });
    return { pdf, fileName: `vyzva-k-odvodu-${agreement.number.replace(/[^A-Za-z0-9-]/g, '_')}.pdf` };
  }

  /** What settles a levy paid on `paidOn`: the levy and the penalty to that day (none when waived), as levyPaid records it. */
  owedOn(levyAmount: Money, breachDate: string, paidOn: string): Money {
    const result = penalty(this.legalRules.at(breachDate).budgetDiscipline, { levy: levyAmount, dueDate: breachDate, paidDate: paidOn });
    return levyAmount.add(result.waived ? Money.ZERO : result.penalty);
  }

  async list(agreementId: string) {
    const breaches = await this.dataSource.manager.find(Breach, { where: { agreementId }, order: { createdAt: 'ASC' } });
    return Promise.all(breaches.map(async (b) => view(b, await this.paymentCodeOf(this.dataSource.manager, b))));
  }

  /**
   * The QR Platba string of a levy still to pay: the levy with the penalty to its due date (what the
   * letter asks), to the provider's account, with the agreement's variable symbol; null when nothing is owed.
   */
  private async paymentCodeOf(manager: EntityManager, breach: Pick<Breach, 'status' | 'levy' | 'breachDate' | 'levyDueDate' | 'agreementId'>): Promise<string | null> {
    if (breach.status !== 'levied' || !breach.levy || breach.levy.isZero() || !breach.levyDueDate) return null;
    const [row] = await manager.query<{ number: string; agreement_number: string }[]>(
      `SELECT a.number, g.number AS agreement_number FROM agreement g JOIN application a ON a.id = g.application_id WHERE g.id = $1`,
      [breach.agreementId],
    );
    return paymentCode({
      account: PROVIDER.bankAccount.number,
      amount: this.owedOn(breach.levy, breach.breachDate, breach.levyDueDate),
      variableSymbol: variableSymbolOf(row.number),
      dueDate: breach.levyDueDate,
      message: `Odvod a penale, smlouva ${row.agreement_number}`,
    });
  }

  private agreementCap(p: NonNullable<Agreement['conditions'][number]['penalty']>, grant: Money, chosenPercent?: string): Money {
    if (p.kind === 'fixed') return Money.parse(p.amount);
    const percent = p.kind === 'percentage' ? p.percent : chosenPercent;
    if (!percent || (p.kind === 'percentage-range' && (compareDecimals(percent, p.minPercent) < 0 || compareDecimals(percent, p.maxPercent) > 0))) {
      throw DomainError.field('percent', 'PERCENT_OUT_OF_RANGE', {
        cs: 'Smlouva stanoví odvod rozpětím procent; zvolte procento v tomto rozpětí.',
        en: 'The agreement sets the levy as a range; choose a percentage within it.',
      });
    }
    const share = parseDecimal(percent, 'percent');
    return grant.multiplyByRatio(share.numerator, share.denominator * 100n);
  }

  private async change(
    actor: Actor,
    breachId: string,
    version: number,
    from: BreachStatus[],
    work: (breach: Breach, manager: EntityManager, tx: Tx) => BreachChange | Promise<BreachChange>,
  ) {
    return this.unitOfWork.run(actor, (tx) => this.changeIn(tx, breachId, version, from, work));
  }

  private async changeIn(
    tx: Tx,
    breachId: string,
    version: number,
    from: BreachStatus[],
    work: (breach: Breach, manager: EntityManager, tx: Tx) => BreachChange | Promise<BreachChange>,
  ) {
    {
      const breach = await tx.manager.findOne(Breach, { where: { id: breachId }, lock: { mode: 'pessimistic_write' } });
      if (!breach) throw DomainError.notFound('breach', breachId);
      if (breach.version !== version) throw DomainError.staleVersion(view(breach, null));
      if (!from.includes(breach.status)) {
        throw DomainError.conflict('INVALID_STATE', { cs: `Porušení je ve stavu „${breach.status}“.`, en: `The breach is "${breach.status}".` }, { currentStatus: breach.status });
      }
      const { action, ...changes } = await work(breach, tx.manager, tx);
      const after = { ...breach, ...changes, version: breach.version + 1 };
      await tx.manager.update(Breach, { id: breach.id }, { ...changes, version: after.version });
      tx.audit({ action, objectType: 'breach', objectId: breach.id, before: { status: breach.status }, after: view(after, null) });
      return view(after, await this.paymentCodeOf(tx.manager, after));
    }
  }
}

/** Two decimal strings compared exactly (percentages from the agreement and the request). */
function compareDecimals(a: string, b: string): number {
  const x = parseDecimal(a, 'percent');
  const y = parseDecimal(b, 'percent');
  const left = x.numerator * y.denominator;
  const right = y.numerator * x.denominator;
  return left === right ? 0 : left < right ? -1 : 1;
}

function view(breach: Breach, paymentCode: string | null) {
  return {
    /** QR Platba (SPAYD) of what is still owed, for the portal to show as a QR code. */
    paymentCode,
    id: breach.id,
    agreementId: breach.agreementId,
    conditionNo: breach.conditionNo,
    description: breach.description,
    breachDate: breach.breachDate,
    misused: breach.misused.toString(),
    status: breach.status,
    remedyDeadline: breach.remedyDeadline,
    remediedOn: breach.remediedOn,
    levy: breach.levy?.toString() ?? null,
    levyDueDate: breach.levyDueDate,
    levyReason: breach.levyReason,
    penalty: breach.penalty?.toString() ?? null,
    penaltyComputation: breach.penaltyComputation,
    paidOn: breach.paidOn,
    version: breach.version,
  };
}
