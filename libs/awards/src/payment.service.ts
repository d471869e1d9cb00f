import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { Actor, BulkResult, DomainError, eachReported, LocalisedText, Money, Page, PageQuery, pageOf } from '#core';
import { Tx, UnitOfWork } from '#database';
import { LedgerWriter } from '#ledger';
import { PROVIDER, variableSymbolOf } from './agreement.service.js';
import type { ConfirmPaymentRequest, DueTrancheQuery, HoldRequest, PaymentListQuery, PaymentOrderRequest } from './dto.js';
import { Agreement, Payment, PaymentStatus, Settlement } from './entities.js';
import { checkPaymentOrder } from './rules/index.js';

/** One tranche of a bulk payment order: ordered (with its payment) or refused (with the single route's code and message). */
export interface BulkPaymentOrderItem {
  agreementId: string;
  agreementNumber: string;
  trancheNo: number;
  amount: string;
}

export interface BulkPaymentOrderResult {
  ordered: (BulkPaymentOrderItem & { paymentId: string })[];
  failed: (BulkPaymentOrderItem & { code: string; message: LocalisedText })[];
}

/**
 * The tranches of a call ($1) that have no order yet (or only cancelled ones), on agreements in force and not
 * settled, due by $2 when it is given: what the bulk order takes and the list of due tranches shows.
 */
const DUE_TRANCHES = `FROM agreement g JOIN application a ON a.id = g.application_id JOIN organisation o ON o.id = a.organisation_id
    CROSS JOIN LATERAL jsonb_array_elements(g.tranches) t
   WHERE a.call_id = $1 AND g.status IN ('signed', 'effective')
     AND NOT EXISTS (SELECT 1 FROM settlement s WHERE s.agreement_id = g.id)
     AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.agreement_id = g.id AND p.tranche_no = (t->>'trancheNo')::int AND p.status <> 'cancelled')
     AND ($2::date IS NULL OR (t->>'dueDate')::date <= $2::date)`;

/** A tranche due and not ordered, with who gets it. */
export interface DueTranche {
  agreementId: string;
  agreementNumber: string;
  agreementStatus: 'signed' | 'effective';
  awaitingPublication: boolean;
  applicationId: string;
  applicationNumber: string;
  trancheNo: number;
  amount: string;
  dueDate: string;
  recipient: { organisationId: string; name: string; ico: string };
}

/** What a payment step changes, and the audit action it records. */
type PaymentChange = Partial<Payment> & { status: PaymentStatus; action: string };

/**
 * Payment orders: one member of staff orders, another approves (four eyes, also a CHECK in the
 * database), the bank gets a CSV, the bank's confirmation records the payment. A payment can never
 * take the agreement over its amount: orders reserve `agreement.committed` by a guarded UPDATE
 * under the CHECK `committed <= amount`.
 */
@Injectable()
export class PaymentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly ledger: LedgerWriter,
  ) {}

  /** `once`: refuse a tranche that already has an order that is not cancelled (the bulk route never orders a tranche twice). */
  async order(actor: Actor, agreementId: string, request: PaymentOrderRequest, options: { once?: boolean } = {}) {
    return this.unitOfWork.run(actor, async (tx) => {
      const agreement = await tx.manager.findOne(Agreement, { where: { id: agreementId }, lock: { mode: 'pessimistic_write' } });
      if (!agreement) throw DomainError.notFound('agreement', agreementId);
      if (!agreement.tranches.some((t) => t.trancheNo === request.trancheNo)) {
        throw DomainError.field('trancheNo', 'UNKNOWN_TRANCHE', { cs: 'Smlouva takovou splátku nemá.', en: 'The agreement has no such tranche.' });
      }
      // Under the agreement's row lock, so two bulk runs at once order each tranche once.
      if (options.once && (await tx.manager.existsBy(Payment, { agreementId, trancheNo: request.trancheNo, status: Not('cancelled' as const) }))) {
        throw DomainError.conflict('TRANCHE_ALREADY_ORDERED', {
          cs: `Splátka č. ${request.trancheNo} už má platební příkaz.`,
          en: `Tranche ${request.trancheNo} already has a payment order.`,
        });
      }
      // Signed but unpublished ('signed') is refused by the rules below with the register's reason.
      if (agreement.status !== 'effective' && agreement.status !== 'signed') {
        throw DomainError.conflict(
          'AGREEMENT_NOT_EFFECTIVE',
          { cs: 'Smlouva dosud nenabyla účinnosti (není podepsána).', en: 'The agreement is not yet in effect (not signed).' },
          { currentStatus: agreement.status },
        );
      }
      // What a settlement accounts for is fixed once it is submitted: settled + returned = paid must hold for ever after.
      if (await tx.manager.existsBy(Settlement, { agreementId })) {
        throw DomainError.conflict('AGREEMENT_SETTLED', {
          cs: 'Ke smlouvě už bylo podáno vyúčtování; další platbu na ni nelze zadat.',
          en: 'The agreement has been settled; no further payment can be ordered on it.',
        });
      }
      const amount = Money.parse(request.amount);
      const held = await tx.manager.existsBy(Payment, { agreementId, trancheNo: request.trancheNo, status: 'held' });
      const check = checkPaymentOrder({
        approved: agreement.amount,
        paidAndOrdered: agreement.committed,
        amount,
        heldBack: held,
        agreementPublished: agreement.status === 'effective',
        registerRequired: agreement.registerRequired,
      });
      if (!check.ok) throw check.code === 'AMOUNT_NOT_POSITIVE' ? DomainError.field('amount', check.code, check.message) : DomainError.conflict(check.code, check.message);
      await this.reserve(tx.manager, agreementId, amount);
      const payment = tx.manager.create(Payment, {
        id: randomUUID(),
        agreementId,
        trancheNo: request.trancheNo,
        amount,
        status: 'ordered',
        orderedBy: actor.userId!,
        orderedAt: tx.now,
        approvedBy: null,
        approvedAt: null,
        holdReason: null,
        exportedAt: null,
        bankReference: null,
        paidOn: null,
        version: 1,
      });
      await tx.manager.insert(Payment, payment);
      tx.audit({ action: 'payment.ordered', objectType: 'payment', objectId: payment.id, after: { agreementId, trancheNo: payment.trancheNo, amount: amount.toString() } });
      return view(payment);
    });
  }

  /** The second pair of eyes: anyone of staff but the one who ordered it. */
  async approve(actor: Actor, paymentId: string, version: number) {
    return this.change(actor, paymentId, version, ['ordered'], (payment, tx) => {
      if (payment.orderedBy === actor.userId) {
        throw DomainError.forbidden('FOUR_EYES', {
          cs: 'Platební příkaz musí schválit jiná osoba, než která ho zadala.',
          en: 'A payment order must be approved by someone other than who ordered it.',
        });
      }
      return { status: 'approved' as PaymentStatus, approvedBy: actor.userId, approvedAt: tx.now, action: 'payment.approved' };
    });
  }

  /**
   * Approves many orders, each in its own transaction and audited on its own; four eyes hold per
   * order, so the caller's own orders (and stale or already approved ones) are reported, not approved.
   */
  async approveMany(actor: Actor, items: readonly { id: string; version: number }[]): Promise<BulkResult> {
    const versions = new Map(items.map((i) => [i.id, i.version]));
    return eachReported([...versions.keys()], (id) => this.approve(actor, id, versions.get(id)!));
  }

  /**
   * Orders every tranche of the call's agreements that has no order yet (or only cancelled ones), on
   * agreements in force and not settled: what the single order route would be asked for. `dueBy` limits
   * it to tranches due by that day. Each order is its own transaction and audit entry; what the route's
   * rules refuse (an unpublished agreement, a held tranche, the award exceeded) is reported per item.
   * Running it again orders nothing twice.
   */
  async orderDue(actor: Actor, callId: string, dueBy: string | undefined): Promise<BulkPaymentOrderResult> {
    const [call] = await this.dataSource.query<{ id: string }[]>('SELECT id FROM grant_call WHERE id = $1', [callId]);
    if (!call) throw DomainError.notFound('call', callId);
    const due = await this.dataSource.query<{ agreementId: string; agreementNumber: string; trancheNo: number; amount: string }[]>(
      `SELECT g.id AS "agreementId", g.number AS "agreementNumber", (t->>'trancheNo')::int AS "trancheNo", t->>'amount' AS amount
         ${DUE_TRANCHES} ORDER BY g.number, "trancheNo"`,
      [callId, dueBy ?? null],
    );
    const items = new Map(due.map((d) => [`${d.agreementId}/${d.trancheNo}`, d]));
    const paymentIds = new Map<string, string>();
    const result = await eachReported([...items.keys()], async (key) => {
      const item = items.get(key)!;
      const payment = await this.order(actor, item.agreementId, { trancheNo: item.trancheNo, amount: item.amount }, { once: true });
      paymentIds.set(key, payment.id);
    });
    return {
      ordered: result.succeeded.map((key) => ({ ...items.get(key)!, paymentId: paymentIds.get(key)! })),
      failed: result.failed.map((f) => ({ ...items.get(f.id)!, code: f.code, message: f.message })),
    };
  }

  /**
   * The call's tranches that the bulk order would take now (the same selection), a page at a time, with the
   * recipient and whether the agreement still waits for its publication in the register (then the order is refused).
   * Two queries whatever the page size; `totalAmount` is the sum of every due tranche, not only the page's.
   */
  async dueTranches(callId: string, query: DueTrancheQuery): Promise<Page<DueTranche> & { totalAmount: string }> {
    const [call] = await this.dataSource.query<{ id: string }[]>('SELECT id FROM grant_call WHERE id = $1', [callId]);
    if (!call) throw DomainError.notFound('call', callId);
    const params = [callId, query.dueBy ?? null];
    const [{ total, totalAmount }] = await this.dataSource.query<{ total: number; totalAmount: string }[]>(
      `SELECT count(*)::int AS total, coalesce(sum((t->>'amount')::numeric), 0)::numeric(14,2)::text AS "totalAmount" ${DUE_TRANCHES}`,
      params,
    );
    const rows = await this.dataSource.query<(Omit<DueTranche, 'recipient'> & { organisationId: string; organisationName: string; ico: string })[]>(
      `SELECT g.id AS "agreementId", g.number AS "agreementNumber", g.status AS "agreementStatus", (g.status = 'signed' AND g.register_required) AS "awaitingPublication",
              a.id AS "applicationId", a.number AS "applicationNumber", (t->>'trancheNo')::int AS "trancheNo", (t->>'amount')::numeric(14,2)::text AS amount,
              t->>'dueDate' AS "dueDate", o.id AS "organisationId", o.name AS "organisationName", o.ico
         ${DUE_TRANCHES}
        ORDER BY (t->>'dueDate')::date, g.number, "trancheNo" OFFSET $3 LIMIT $4`,
      [...params, query.offset, query.pageSize],
    );
    const items = rows.map(({ organisationId, organisationName, ico, ...tranche }) => ({ ...tranche, recipient: { organisationId, name: organisationName, ico } }));
    return { ...pageOf(items, total, query), totalAmount };
  }

  /** Held back (e.g. while a remedy request is open): the money stays reserved, nothing goes to the bank. */
  async hold(actor: Actor, paymentId: string, request: HoldRequest) {
    return this.change(actor, paymentId, request.version, ['ordered', 'approved'], () => ({ status: 'held' as PaymentStatus, holdReason: request.reason, action: 'payment.held' }));
  }

  async release(actor: Actor, paymentId: string, version: number) {
    return this.change(actor, paymentId, version, ['held'], (payment) => ({
      status: (payment.approvedBy ? 'approved' : 'ordered') as PaymentStatus,
      holdReason: null,
      action: 'payment.released',
    }));
  }

  async cancel(actor: Actor, paymentId: string, version: number) {
    return this.change(actor, paymentId, version, ['ordered', 'approved', 'held'], async (payment, tx) => {
      await this.reserve(tx.manager, payment.agreementId, Money.ZERO.subtract(payment.amount));
      return { status: 'cancelled' as PaymentStatus, action: 'payment.cancelled' };
    });
  }

  /** The bank's confirmation: only now is the money paid, in the ledger too. */
  async confirm(actor: Actor, paymentId: string, request: ConfirmPaymentRequest) {
    return this.unitOfWork.run(actor, (tx) => this.confirmIn(tx, paymentId, request));
  }

  /** The confirmation inside a caller's transaction (the bank statement's import confirms many at once). */
  async confirmIn(tx: Tx, paymentId: string, request: ConfirmPaymentRequest) {
    return this.changeIn(tx, paymentId, request.version, ['exported'], async (payment) => {
      const [row] = await tx.manager.query<{ application_id: string; call_id: string; budget_area_id: string }[]>(
        `SELECT a.id AS application_id, a.call_id, a.budget_area_id FROM agreement g JOIN application a ON a.id = g.application_id WHERE g.id = $1`,
        [payment.agreementId],
      );
      const shares = (await this.ledger.sharesOf(tx.manager, [row.application_id])).get(row.application_id);
      await this.ledger.record(tx, [
        {
          kind: 'paid',
          callId: row.call_id,
          budgetAreaId: row.budget_area_id,
          applicationId: row.application_id,
          amount: payment.amount,
          sourceType: 'payment',
          sourceId: payment.id,
          shares,
        },
      ]);
      tx.emit({ type: 'payment.sent', aggregateType: 'payment', aggregateId: payment.id });
      return { status: 'paid' as PaymentStatus, bankReference: request.bankReference, paidOn: request.paidOn, action: 'payment.confirmed' };
    });
  }

  /**
   * The approved orders not yet sent, as the bank's import file, marked exported in the same
   * transaction so an order is never sent twice. Layout (UTF-8, semicolons, one order per line):
   * payment id; its version (for the confirmation); debit account; credit account; amount with a decimal dot; variable symbol; due date; message.
   */
  async exportForBank(actor: Actor): Promise<string> {
    return this.unitOfWork.run(actor, async (tx) => {
      const rows = await tx.manager.query<
        { id: string; version: number; amount: string; number: string; bank_account: string | null; application_number: string; tranche_no: number }[]
      >(`SELECT p.id, p.version + 1 AS version, p.amount, g.number, o.bank_account, a.number AS application_number, p.tranche_no
           FROM payment p JOIN agreement g ON g.id = p.agreement_id JOIN application a ON a.id = g.application_id JOIN organisation o ON o.id = a.organisation_id
          WHERE p.status = 'approved' ORDER BY p.approved_at, p.id FOR UPDATE OF p`);
      if (rows.length > 0) {
        await tx.manager.query(`UPDATE payment SET status = 'exported', exported_at = $2, version = version + 1 WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id), tx.now]);
      }
      tx.audit({ action: 'payment.exported', objectType: 'payment_batch', objectId: randomUUID(), after: { payments: rows.map((r) => r.id) } });
      // The version lets the confirmation of each line be sent back without reading the payment again.
      const header = 'payment_id;payment_version;debit_account;credit_account;amount;variable_symbol;due_date;message';
      const lines = rows.map((r) =>
        [
          r.id,
          r.version,
          PROVIDER.bankAccount.number,
          r.bank_account ?? '',
          Money.parse(r.amount).toString(),
          variableSymbolOf(r.application_number),
          tx.now.toISOString().slice(0, 10),
          `Dotace ${r.number} splatka ${r.tranche_no}`,
        ].join(';'),
      );
      return [header, ...lines].join('\r\n') + '\r\n';
    });
  }

  async list(agreementId: string) {
    const payments = await this.dataSource.manager.find(Payment, { where: { agreementId }, order: { orderedAt: 'ASC' } });
    return payments.map(view);
  }

  async get(paymentId: string) {
    const [item] = await this.rows('p.id = $1', [paymentId], 0, 1);
    if (!item) throw DomainError.notFound('payment', paymentId);
    return item;
  }

  /** Payments across agreements, newest order first, in two queries whatever the page size. */
  async search(query: PaymentListQuery, page: PageQuery): Promise<Page<PaymentListItem>> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (p: string) => string, value: unknown) => clauses.push(clause(`$${params.push(value)}`));
    if (query.status) add((p) => `p.status = ${p}`, query.status);
    if (query.callId) add((p) => `a.call_id = ${p}::uuid`, query.callId);
    if (query.organisationId) add((p) => `a.organisation_id = ${p}::uuid`, query.organisationId);
    // The day the order was made, in Prague.
    if (query.from) add((p) => `(p.ordered_at AT TIME ZONE 'Europe/Prague')::date >= ${p}::date`, query.from);
    if (query.to) add((p) => `(p.ordered_at AT TIME ZONE 'Europe/Prague')::date <= ${p}::date`, query.to);
    if (query.batchId) add((p) => `EXISTS (SELECT 1 FROM payment_batch_item bi WHERE bi.payment_id = p.id AND bi.batch_id = ${p}::uuid)`, query.batchId);
    const where = clauses.length > 0 ? clauses.join(' AND ') : 'TRUE';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM payment p JOIN agreement g ON g.id = p.agreement_id JOIN application a ON a.id = g.application_id WHERE ${where}`,
      params,
    );
    return pageOf(await this.rows(where, params, page.offset, page.pageSize), total, page);
  }

  private async rows(where: string, params: unknown[], offset: number, limit: number): Promise<PaymentListItem[]> {
    const rows = await this.dataSource.query<(Omit<PaymentListItem, 'recipient'> & { organisationId: string; organisationName: string; ico: string })[]>(
      `SELECT p.id, p.agreement_id AS "agreementId", p.tranche_no AS "trancheNo", p.amount::text AS amount, p.status, p.ordered_by AS "orderedBy", p.ordered_at AS "orderedAt",
              p.approved_by AS "approvedBy", p.approved_at AS "approvedAt", p.hold_reason AS "holdReason", p.exported_at AS "exportedAt", p.bank_reference AS "bankReference",
              p.paid_on::text AS "paidOn", p.version, g.number AS "agreementNumber", a.id AS "applicationId", a.number AS "applicationNumber", a.call_id AS "callId",
              o.id AS "organisationId", o.name AS "organisationName", o.ico, ou.display_name AS "orderedByName", au.display_name AS "approvedByName",
              b.id AS "batchId", b.message_id AS "batchMessageId"
         FROM payment p JOIN agreement g ON g.id = p.agreement_id JOIN application a ON a.id = g.application_id JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN app_user ou ON ou.id = p.ordered_by LEFT JOIN app_user au ON au.id = p.approved_by
         LEFT JOIN payment_batch_item i ON i.payment_id = p.id LEFT JOIN payment_batch b ON b.id = i.batch_id
        WHERE ${where} ORDER BY p.ordered_at DESC, p.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, limit],
    );
    return rows.map(({ organisationId, organisationName, ico, ...payment }) => ({ ...payment, recipient: { organisationId, name: organisationName, ico } }));
  }

  private async reserve(manager: EntityManager, agreementId: string, delta: Money): Promise<void> {
    const [, affected] = await manager.query<[unknown, number]>(
      `UPDATE agreement SET committed = committed + $2::numeric WHERE id = $1 AND committed + $2::numeric <= amount AND committed + $2::numeric >= 0`,
      [agreementId, delta.toString()],
    );
    if (affected === 0) {
      throw DomainError.conflict('PAYMENT_EXCEEDS_AWARD', { cs: 'Platba by překročila zbývající část dotace.', en: 'The payment would exceed what remains of the grant.' });
    }
  }

  private async change(actor: Actor, paymentId: string, version: number, from: PaymentStatus[], work: (payment: Payment, tx: Tx) => PaymentChange | Promise<PaymentChange>) {
    return this.unitOfWork.run(actor, (tx) => this.changeIn(tx, paymentId, version, from, work));
  }

  private async changeIn(tx: Tx, paymentId: string, version: number, from: PaymentStatus[], work: (payment: Payment, tx: Tx) => PaymentChange | Promise<PaymentChange>) {
    const payment = await tx.manager.findOne(Payment, { where: { id: paymentId }, lock: { mode: 'pessimistic_write' } });
    if (!payment) throw DomainError.notFound('payment', paymentId);
    if (payment.version !== version) throw DomainError.staleVersion(view(payment));
    if (!from.includes(payment.status)) {
      throw DomainError.conflict(
        'INVALID_STATE',
        { cs: `Platbu ve stavu „${payment.status}“ nelze takto změnit.`, en: `A payment in state "${payment.status}" cannot change this way.` },
        { currentStatus: payment.status },
      );
    }
    const { action, ...changes } = await work(payment, tx);
    const after = { ...payment, ...changes, version: payment.version + 1 };
    await tx.manager.update(Payment, { id: payment.id }, { ...changes, version: after.version });
    tx.audit({
      action,
      objectType: 'payment',
      objectId: payment.id,
      before: { status: payment.status },
      after: { status: after.status, holdReason: after.holdReason, bankReference: after.bankReference, paidOn: after.paidOn },
    });
    return view(after);
  }
}

/** A payment with what identifies it outside its agreement: the agreement, the application, the call and the recipient. */
export interface PaymentListItem extends ReturnType<typeof view> {
  agreementNumber: string;
  applicationId: string;
  applicationNumber: string;
  callId: string;
  recipient: { organisationId: string; name: string; ico: string };
  /** Who ordered and who approved it, by name (the four-eyes queue shows them). */
  orderedByName: string | null;
  approvedByName: string | null;
  /** The pain.001 batch the order went to the bank in; null before the export or when it went in the CSV. */
  batchId: string | null;
  batchMessageId: string | null;
}

function view(payment: Payment) {
  return {
    id: payment.id,
    agreementId: payment.agreementId,
    trancheNo: payment.trancheNo,
    amount: payment.amount.toString(),
    status: payment.status,
    orderedBy: payment.orderedBy,
    orderedAt: payment.orderedAt,
    approvedBy: payment.approvedBy,
    approvedAt: payment.approvedAt,
    holdReason: payment.holdReason,
    exportedAt: payment.exportedAt,
    bankReference: payment.bankReference,
    paidOn: payment.paidOn,
    version: payment.version,
  };
}
