import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { Actor, czechIban, DomainError, Money, normaliseBankAccount, Page, pageOf, pragueIsoDate } from '#core';
import { Tx, UnitOfWork } from '#database';
import { variableSymbolOf } from '../agreement.service.js';
import { BreachService } from '../breach.service.js';
import { PaymentService } from '../payment.service.js';
import { SettlementService } from '../settlement.service.js';
import { parseCamt053, StatementEntry } from './camt053.js';
import type { ResolveStatementLineRequest, StatementLineQuery } from './dto.js';
import { BankStatement, BankStatementLine, PaymentBatch, StatementMatch } from './entities.js';
import { buildPain001, PainVersion } from './pain001.js';

/** Leading zeros carry no meaning in a variable symbol; both sides of a match compare without them. */
const vsKey = (vs: string) => vs.replace(/^0+(?=\d)/, '');

interface OpenPayment {
  id: string;
  amount: Money;
  version: number;
  endToEndId: string | null;
  vs: string;
  used: boolean;
}
interface OpenSettlement {
  id: string;
  owed: Money;
  version: number;
}
interface OpenLevy {
  id: string;
  levy: Money;
  breachDate: string;
  version: number;
  used: boolean;
}

/** Something an unmatched statement line could pay, offered to the person who resolves it. */
export interface StatementCandidate {
  matchType: StatementMatch;
  matchId: string;
  agreementNumber: string;
  recipientName: string;
  /** The order's amount, or what is still owed (a levy with its penalty to the line's booking day). */
  amount: string;
  variableSymbol: string;
  trancheNo: number | null;
  sameVariableSymbol: boolean;
  sameAmount: boolean;
}

/** What the matching of a statement found; the import keeps it line by line. */
interface Outcome {
  matchType: StatementMatch | null;
  matchId: string | null;
}

/**
 * The bank's own file formats: payment orders out as ISO 20022 pain.001 (each order once, each batch kept
 * so it downloads again unchanged), statements in as camt.053 matched to what they pay (orders confirmed,
 * returns and levies received, through the same service methods staff use, so the ledger and the audit
 * log follow), and the lines nobody could match listed for a person to resolve.
 */
@Injectable()
export class BankFilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly payments: PaymentService,
    private readonly settlements: SettlementService,
    private readonly breaches: BreachService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The approved orders not yet sent, as one pain.001 file; marked exported in the same transaction, so an order never goes twice. */
  async exportPain001(actor: Actor, version: PainVersion = this.config.bank.painVersion, callId?: string): Promise<{ batchId: string; fileName: string; content: string }> {
    return this.unitOfWork.run(actor, async (tx) => {
      const rows = await tx.manager.query<
        { id: string; amount: string; number: string; name: string; bank_account: string | null; application_number: string; tranche_no: number }[]
      >(
        `SELECT p.id, p.amount::text AS amount, g.number, o.name, o.bank_account, a.number AS application_number, p.tranche_no
           FROM payment p JOIN agreement g ON g.id = p.agreement_id JOIN application a ON a.id = g.application_id JOIN organisation o ON o.id = a.organisation_id
          WHERE p.status = 'approved' AND ($1::uuid IS NULL OR a.call_id = $1::uuid) ORDER BY p.approved_at, p.id FOR UPDATE OF p`,
        [callId ?? null],
      );
      if (rows.length === 0) {
        throw DomainError.conflict('NOTHING_TO_EXPORT', {
          cs: 'Žádný schválený platební příkaz nečeká na odeslání do banky.',
          en: 'No approved payment order is waiting to go to the bank.',
        });
      }
      const noAccount = rows.find((r) => !r.bank_account || !normaliseBankAccount(r.bank_account));
      if (noAccount) {
        throw DomainError.conflict(
          'RECIPIENT_BANK_ACCOUNT_MISSING',
          { cs: `Příjemce platby ${noAccount.number} nemá platné číslo účtu.`, en: `The recipient of payment ${noAccount.number} has no valid bank account.` },
          { paymentId: noAccount.id },
        );
      }
      const batchId = randomUUID();
      const messageId = `HMP-${pragueIsoDate(tx.now).replace(/-/g, '')}-${batchId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
      const transfers = rows.map((r) => {
        const vs = variableSymbolOf(r.application_number);
        return {
          paymentId: r.id,
          endToEndId: `VS${vs}-${randomBytes(8).toString('hex')}`,
          amount: Money.parse(r.amount),
          creditorName: r.name,
          creditorIban: czechIban(r.bank_account!),
          variableSymbol: vs,
          message: `Dotace ${r.number} splatka ${r.tranche_no}`,
        };
      });
      const content = buildPain001({
        version,
        messageId,
        createdAt: tx.now,
        executionDate: pragueIsoDate(tx.now),
        debtor: { name: this.config.bank.accountName, iban: czechIban(this.config.bank.account), bic: this.config.bank.bic },
        transfers,
      });
      const total = Money.sum(transfers.map((t) => t.amount));
      await tx.manager.query(`UPDATE payment SET status = 'exported', exported_at = $2, version = version + 1 WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id), tx.now]);
      await tx.manager.insert(PaymentBatch, { id: batchId, format: version, messageId, content, payments: rows.length, total, createdAt: tx.now, createdBy: actor.userId ?? null });
      await tx.manager.query(`INSERT INTO payment_batch_item (payment_id, batch_id, end_to_end_id) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`, [
        transfers.map((t) => t.paymentId),
        transfers.map(() => batchId),
        transfers.map((t) => t.endToEndId),
      ]);
      tx.audit({
        action: 'payment.exported',
        objectType: 'payment_batch',
        objectId: batchId,
        after: { format: version, messageId, total: total.toString(), payments: rows.map((r) => r.id) },
      });
      return { batchId, fileName: `platebni-prikazy-${messageId}.xml`, content };
    });
  }

  /** A batch's file again, byte for byte as it first went out. */
  async batchFile(batchId: string): Promise<{ fileName: string; content: string }> {
    const batch = await this.dataSource.manager.findOneBy(PaymentBatch, { id: batchId });
    if (!batch) throw DomainError.notFound('payment_batch', batchId);
    return { fileName: `platebni-prikazy-${batch.messageId}.xml`, content: batch.content };
  }

  async batches() {
    const batches = await this.dataSource.manager.find(PaymentBatch, {
      select: { id: true, format: true, messageId: true, payments: true, total: true, createdAt: true, createdBy: true },
      order: { createdAt: 'DESC' },
      take: 100,
    });
    return batches.map((b) => ({
      id: b.id,
      format: b.format,
      messageId: b.messageId,
      payments: b.payments,
      total: b.total.toString(),
      createdAt: b.createdAt,
      createdBy: b.createdBy,
    }));
  }

  /**
   * Imports a camt.053 statement file. A statement already imported (same account and statement id)
   * changes nothing; a transaction already seen in another statement (same account and entry reference)
   * is skipped. Everything else is matched and kept, in one transaction.
   */
  async importStatement(actor: Actor, upload: { originalName: string; bytes: Buffer }) {
    const statements = parseCamt053(upload.bytes);
    const city = czechIban(this.config.bank.account);
    const foreign = statements.find((s) => s.account.replace(/\s+/g, '').toUpperCase() !== city);
    if (foreign) {
      throw DomainError.field('file', 'BANK_STATEMENT_WRONG_ACCOUNT', {
        cs: `Výpis je z účtu ${foreign.account}, ne z účtu poskytovatele ${city}.`,
        en: `The statement is of account ${foreign.account}, not the provider's account ${city}.`,
      });
    }
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const known = await this.dataSource.query<{ id: string; statement_id: string }[]>(
      `SELECT id, statement_id FROM bank_statement WHERE account = $1 AND statement_id = ANY($2::text[])`,
      [city, statements.map((s) => s.id)],
    );
    const fresh = statements.filter((s) => !known.some((k) => k.statement_id === s.id));
    const summary = {
      statements: known.map((k) => ({ id: k.id, statementId: k.statement_id, alreadyImported: true })),
      lines: 0,
      matched: 0,
      unmatched: 0,
      skipped: 0,
      // What the matched lines paid: orders confirmed, settlement returns and levies received.
      matchedPayments: 0,
      matchedReturns: 0,
      matchedLevies: 0,
    };
    if (fresh.length === 0) return { ...summary, skipped: statements.reduce((n, s) => n + s.entries.length, 0) };
    return this.unitOfWork.run(actor, async (tx) => {
      const open = await this.openItems(tx);
      for (const statement of fresh) {
        const id = randomUUID();
        const [inserted] = await tx.manager.query<{ id: string }[]>(
          `INSERT INTO bank_statement (id, account, statement_id, file_name, sha256, lines, matched, imported_at, imported_by) VALUES ($1, $2, $3, $4, $5, 0, 0, $6, $7)
           ON CONFLICT (account, statement_id) DO NOTHING RETURNING id`,
          [id, city, statement.id, upload.originalName, sha256, tx.now, actor.userId ?? null],
        );
        if (!inserted) {
          summary.statements.push({ id, statementId: statement.id, alreadyImported: true });
          continue;
        }
        const seen = new Set(
          (
            await tx.manager.query<{ entry_ref: string }[]>(`SELECT entry_ref FROM bank_statement_line WHERE account = $1 AND entry_ref = ANY($2::text[])`, [
              city,
              statement.entries.map((e) => e.entryRef),
            ])
          ).map((r) => r.entry_ref),
        );
        const rows: BankStatementLine[] = [];
        for (const entry of statement.entries) {
          if (seen.has(entry.entryRef)) {
            summary.skipped++;
            continue;
          }
          seen.add(entry.entryRef);
          const outcome = await this.match(tx, entry, open);
          rows.push(this.line(id, city, entry, outcome));
        }
        for (let i = 0; i < rows.length; i += 1000) await tx.manager.insert(BankStatementLine, rows.slice(i, i + 1000));
        const matched = rows.filter((r) => r.status === 'matched').length;
        await tx.manager.update(BankStatement, { id }, { lines: rows.length, matched });
        summary.statements.push({ id, statementId: statement.id, alreadyImported: false });
        summary.lines += rows.length;
        summary.matched += matched;
        summary.unmatched += rows.length - matched;
        summary.matchedPayments += rows.filter((r) => r.matchType === 'payment').length;
        summary.matchedReturns += rows.filter((r) => r.matchType === 'settlement').length;
        summary.matchedLevies += rows.filter((r) => r.matchType === 'breach').length;
        tx.audit({
          action: 'bank_statement.imported',
          objectType: 'bank_statement',
          objectId: id,
          after: { statementId: statement.id, account: city, fileName: upload.originalName, sha256, lines: rows.length, matched, unmatched: rows.length - matched },
        });
      }
      if (tx.auditTrail.length === 0) {
        // Every statement turned out to be imported meanwhile (a concurrent import): nothing changed, but the attempt is on record.
        tx.audit({ action: 'bank_statement.already_imported', objectType: 'bank_statement', objectId: summary.statements[0].id, after: { sha256 } });
      }
      return summary;
    });
  }

  async lines(query: StatementLineQuery): Promise<Page<ReturnType<typeof lineView>>> {
    const where = { ...(query.status ? { status: query.status } : {}), ...(query.statementId ? { statementId: query.statementId } : {}) };
    const [rows, total] = await this.dataSource.manager.findAndCount(BankStatementLine, {
      where,
      order: { bookedOn: 'DESC', entryRef: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return pageOf(rows.map(lineView), total, query);
  }

  /**
   * What an unmatched line could pay, for the person resolving it: exported orders for an outgoing line; for an
   * incoming one, checked settlements with a return still owed and levied breaches (with the penalty to the line's
   * booking day). Those with the line's variable symbol come first, then those of its exact amount; at most 50.
   */
  async candidates(lineId: string): Promise<StatementCandidate[]> {
    const line = await this.dataSource.manager.findOneBy(BankStatementLine, { id: lineId });
    if (!line) throw DomainError.notFound('bank_statement_line', lineId);
    const found: StatementCandidate[] = [];
    const push = (c: Omit<StatementCandidate, 'sameVariableSymbol' | 'sameAmount'>) =>
      found.push({
        ...c,
        sameVariableSymbol: line.variableSymbol !== null && vsKey(line.variableSymbol) === vsKey(c.variableSymbol),
        sameAmount: Money.parse(c.amount).equals(line.amount),
      });
    if (line.direction === 'debit') {
      const rows = await this.dataSource.query<{ id: string; amount: string; agreement_number: string; application_number: string; name: string; tranche_no: number }[]>(
        `SELECT p.id, p.amount::text AS amount, g.number AS agreement_number, a.number AS application_number, o.name, p.tranche_no
           FROM payment p JOIN agreement g ON g.id = p.agreement_id JOIN application a ON a.id = g.application_id JOIN organisation o ON o.id = a.organisation_id
          WHERE p.status = 'exported' ORDER BY (p.amount = $1::numeric) DESC, p.exported_at DESC LIMIT 200`,
        [line.amount.toString()],
      );
      for (const r of rows) {
        push({
          matchType: 'payment',
          matchId: r.id,
          agreementNumber: r.agreement_number,
          recipientName: r.name,
          amount: r.amount,
          variableSymbol: variableSymbolOf(r.application_number),
          trancheNo: r.tranche_no,
        });
      }
    } else {
      const settlements = await this.dataSource.query<{ id: string; owed: string; agreement_number: string; application_number: string; name: string }[]>(
        `SELECT s.id, (s.return_due - s.returned)::text AS owed, g.number AS agreement_number, a.number AS application_number, o.name
           FROM settlement s JOIN agreement g ON g.id = s.agreement_id JOIN application a ON a.id = g.application_id JOIN organisation o ON o.id = a.organisation_id
          WHERE s.status = 'checked' AND s.return_due > s.returned ORDER BY s.return_due_date, s.id LIMIT 200`,
      );
      for (const r of settlements) {
        push({
          matchType: 'settlement',
          matchId: r.id,
          agreementNumber: r.agreement_number,
          recipientName: r.name,
          amount: r.owed,
          variableSymbol: variableSymbolOf(r.application_number),
          trancheNo: null,
        });
      }
      const levies = await this.dataSource.query<{ id: string; levy: string; breach_date: string; agreement_number: string; application_number: string; name: string }[]>(
        `SELECT b.id, b.levy::text AS levy, b.breach_date::text AS breach_date, g.number AS agreement_number, a.number AS application_number, o.name
           FROM breach b JOIN agreement g ON g.id = b.agreement_id JOIN application a ON a.id = g.application_id JOIN organisation o ON o.id = a.organisation_id
          WHERE b.status = 'levied' ORDER BY b.levy_due_date, b.id LIMIT 200`,
      );
      for (const r of levies) {
        push({
          matchType: 'breach',
          matchId: r.id,
          agreementNumber: r.agreement_number,
          recipientName: r.name,
          amount: this.breaches.owedOn(Money.parse(r.levy), r.breach_date, line.bookedOn).toString(),
          variableSymbol: variableSymbolOf(r.application_number),
          trancheNo: null,
        });
      }
    }
    const rank = (c: StatementCandidate) => (c.sameVariableSymbol ? 0 : 2) + (c.sameAmount ? 0 : 1);
    return found.sort((a, b) => rank(a) - rank(b) || a.agreementNumber.localeCompare(b.agreementNumber)).slice(0, 50);
  }

  /** A person resolves a line the import could not match: what it pays is recorded as the import would have, or only the reason it is none of ours. */
  async resolve(actor: Actor, lineId: string, request: ResolveStatementLineRequest) {
    return this.unitOfWork.run(actor, async (tx) => {
      const line = await tx.manager.findOne(BankStatementLine, { where: { id: lineId }, lock: { mode: 'pessimistic_write' } });
      if (!line) throw DomainError.notFound('bank_statement_line', lineId);
      if (line.version !== request.version) throw DomainError.staleVersion(lineView(line));
      if (line.status !== 'unmatched') {
        throw DomainError.conflict('INVALID_STATE', { cs: 'Tento řádek výpisu už je spárován.', en: 'This statement line is already matched.' }, { currentStatus: line.status });
      }
      if (request.matchType) await this.apply(tx, line, request.matchType, request.matchId!);
      const after = {
        status: 'resolved' as const,
        matchType: request.matchType ?? null,
        matchId: request.matchType ? request.matchId! : null,
        resolvedBy: actor.userId ?? null,
        resolvedAt: tx.now,
        resolutionNote: request.note,
        version: line.version + 1,
      };
      await tx.manager.update(BankStatementLine, { id: line.id }, after);
      tx.audit({
        action: 'bank_statement_line.resolved',
        objectType: 'bank_statement_line',
        objectId: line.id,
        before: { status: line.status },
        after: { status: after.status, matchType: after.matchType, matchId: after.matchId, note: after.resolutionNote },
      });
      return lineView({ ...line, ...after });
    });
  }

  /** What could still be paid by a statement line: exported orders, checked settlements with a return owed, levied breaches. */
  private async openItems(tx: Tx) {
    const payments = await tx.manager.query<{ id: string; amount: string; version: number; end_to_end_id: string | null; number: string }[]>(
      `SELECT p.id, p.amount::text AS amount, p.version, i.end_to_end_id, a.number
         FROM payment p JOIN agreement g ON g.id = p.agreement_id JOIN application a ON a.id = g.application_id LEFT JOIN payment_batch_item i ON i.payment_id = p.id
        WHERE p.status = 'exported' ORDER BY p.exported_at, p.id`,
    );
    const settlements = await tx.manager.query<{ id: string; owed: string; version: number; number: string }[]>(
      `SELECT s.id, (s.return_due - s.returned)::text AS owed, s.version, a.number
         FROM settlement s JOIN agreement g ON g.id = s.agreement_id JOIN application a ON a.id = g.application_id
        WHERE s.status = 'checked' ORDER BY s.return_due_date, s.id`,
    );
    const levies = await tx.manager.query<{ id: string; levy: string; breach_date: string; version: number; number: string }[]>(
      `SELECT b.id, b.levy::text AS levy, b.breach_date::text AS breach_date, b.version, a.number
         FROM breach b JOIN agreement g ON g.id = b.agreement_id JOIN application a ON a.id = g.application_id
        WHERE b.status = 'levied' ORDER BY b.levy_due_date, b.id`,
    );
    const group = <T>(items: (T & { vs: string })[]) => {
      const map = new Map<string, T[]>();
      for (const item of items) map.set(item.vs, [...(map.get(item.vs) ?? []), item]);
      return map;
    };
    const openPayments: OpenPayment[] = payments.map((p) => ({
      id: p.id,
      amount: Money.parse(p.amount),
      version: p.version,
      endToEndId: p.end_to_end_id,
      vs: vsKey(variableSymbolOf(p.number)),
      used: false,
    }));
    return {
      byEndToEnd: new Map(openPayments.filter((p) => p.endToEndId).map((p) => [p.endToEndId!, p])),
      paymentsByVs: group(openPayments),
      settlementsByVs: group(settlements.map((s) => ({ id: s.id, owed: Money.parse(s.owed), version: s.version, vs: vsKey(variableSymbolOf(s.number)) }))) as Map<
        string,
        OpenSettlement[]
      >,
      leviesByVs: group(
        levies.map((b) => ({ id: b.id, levy: Money.parse(b.levy), breachDate: b.breach_date, version: b.version, vs: vsKey(variableSymbolOf(b.number)), used: false })),
      ) as Map<string, OpenLevy[]>,
    };
  }

  /**
   * Outgoing: the order by the end-to-end id the export gave it, else by variable symbol and exact amount.
   * Incoming: a levy by variable symbol and the exact levy with its penalty to the booking day, else a
   * settlement's return by variable symbol, up to what is still owed. Each match is recorded in a
   * savepoint: one the services refuse stays unmatched for a person instead of failing the statement.
   */
  private async match(tx: Tx, entry: StatementEntry, open: Awaited<ReturnType<BankFilesService['openItems']>>): Promise<Outcome> {
    const none: Outcome = { matchType: null, matchId: null };
    if (entry.currency !== 'CZK') return none;
    const vs = entry.variableSymbol ? vsKey(entry.variableSymbol) : null;
    if (entry.direction === 'debit') {
      const byId = entry.endToEndId ? open.byEndToEnd.get(entry.endToEndId) : undefined;
      const payment =
        byId && !byId.used && byId.amount.equals(entry.amount) ? byId : vs ? open.paymentsByVs.get(vs)?.find((p) => !p.used && p.amount.equals(entry.amount)) : undefined;
      if (!payment) return none;
      if (
        !(await this.attempt(tx, () => this.payments.confirmIn(tx, payment.id, { bankReference: entry.entryRef.slice(0, 60), paidOn: entry.bookedOn, version: payment.version })))
      )
        return none;
      payment.used = true;
      return { matchType: 'payment', matchId: payment.id };
    }
    if (!vs) return none;
    const levy = open.leviesByVs.get(vs)?.find((b) => !b.used && this.breaches.owedOn(b.levy, b.breachDate, entry.bookedOn).equals(entry.amount));
    if (levy) {
      if (!(await this.attempt(tx, () => this.breaches.levyPaidIn(tx, levy.id, { paidOn: entry.bookedOn, version: levy.version })))) return none;
      levy.used = true;
      return { matchType: 'breach', matchId: levy.id };
    }
    const settlement = open.settlementsByVs.get(vs)?.find((s) => s.owed.compare(entry.amount) >= 0 && entry.amount.halere > 0n);
    if (settlement) {
      const done = await this.attempt(tx, () =>
        this.settlements.receiveReturnIn(tx, settlement.id, {
          amount: entry.amount.toString(),
          receivedOn: entry.bookedOn,
          bankReference: entry.entryRef.slice(0, 60),
          version: settlement.version,
        }),
      );
      if (!done) return none;
      settlement.owed = settlement.owed.subtract(entry.amount);
      settlement.version++;
      return { matchType: 'settlement', matchId: settlement.id };
    }
    return none;
  }

  /** A person's match: the same service methods, with the line's amount and booking day. */
  private async apply(tx: Tx, line: BankStatementLine, matchType: StatementMatch, matchId: string): Promise<void> {
    const wrongDirection = () =>
      DomainError.field('matchType', 'WRONG_DIRECTION', {
        cs: line.direction === 'debit' ? 'Odchozí platbou lze uhradit jen platební příkaz.' : 'Příchozí platba nemůže být platebním příkazem poskytovatele.',
        en: line.direction === 'debit' ? 'An outgoing line can only pay a payment order.' : 'An incoming line cannot be a payment order of the provider.',
      });
    const reference = line.entryRef.slice(0, 60);
    if (matchType === 'payment') {
      if (line.direction !== 'debit') throw wrongDirection();
      const [payment] = await tx.manager.query<{ amount: string; version: number }[]>(`SELECT amount::text AS amount, version FROM payment WHERE id = $1`, [matchId]);
      if (!payment) throw DomainError.notFound('payment', matchId);
      if (!Money.parse(payment.amount).equals(line.amount)) {
        throw DomainError.field('matchId', 'AMOUNT_MISMATCH', { cs: 'Částka řádku výpisu se liší od částky příkazu.', en: 'The line’s amount differs from the order’s.' });
      }
      await this.payments.confirmIn(tx, matchId, { bankReference: reference, paidOn: line.bookedOn, version: payment.version });
      return;
    }
    if (line.direction !== 'credit') throw wrongDirection();
    const table = matchType === 'settlement' ? 'settlement' : 'breach';
    const [target] = await tx.manager.query<{ version: number }[]>(`SELECT version FROM ${table} WHERE id = $1`, [matchId]);
    if (!target) throw DomainError.notFound(table, matchId);
    if (matchType === 'settlement') {
      await this.settlements.receiveReturnIn(tx, matchId, { amount: line.amount.toString(), receivedOn: line.bookedOn, bankReference: reference, version: target.version });
    } else {
      await this.breaches.levyPaidIn(tx, matchId, { paidOn: line.bookedOn, version: target.version });
    }
  }

  /** Runs one match in a savepoint; false (and nothing of it kept) when a service refuses it. */
  private async attempt(tx: Tx, work: () => Promise<unknown>): Promise<boolean> {
    const audits = tx.auditTrail.length;
    const messages = tx.outbox.length;
    await tx.manager.query('SAVEPOINT statement_line');
    try {
      await work();
      await tx.manager.query('RELEASE SAVEPOINT statement_line');
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await tx.manager.query('ROLLBACK TO SAVEPOINT statement_line');
      tx.auditTrail.splice(audits);
      tx.outbox.splice(messages);
      return false;
    }
  }

  private line(statementId: string, account: string, entry: StatementEntry, outcome: Outcome): BankStatementLine {
    return Object.assign(new BankStatementLine(), {
      id: randomUUID(),
      statementId,
      account,
      entryRef: entry.entryRef,
      direction: entry.direction,
      amount: entry.amount,
      currency: entry.currency,
      bookedOn: entry.bookedOn,
      variableSymbol: entry.variableSymbol,
      endToEndId: entry.endToEndId,
      counterpartyName: entry.counterpartyName,
      counterpartyAccount: entry.counterpartyAccount,
      message: entry.message,
      status: outcome.matchType ? 'matched' : 'unmatched',
      matchType: outcome.matchType,
      matchId: outcome.matchId,
      resolvedBy: null,
      resolvedAt: null,
      resolutionNote: null,
      version: 1,
    });
  }
}

function lineView(line: BankStatementLine) {
  return {
    id: line.id,
    statementId: line.statementId,
    entryRef: line.entryRef,
    direction: line.direction,
    amount: line.amount.toString(),
    currency: line.currency,
    bookedOn: line.bookedOn,
    variableSymbol: line.variableSymbol,
    endToEndId: line.endToEndId,
    counterpartyName: line.counterpartyName,
    counterpartyAccount: line.counterpartyAccount,
    message: line.message,
    status: line.status,
    matchType: line.matchType,
    matchId: line.matchId,
    resolvedBy: line.resolvedBy,
    resolvedAt: line.resolvedAt,
    resolutionNote: line.resolutionNote,
    version: line.version,
  };
}
