import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService } from '#access';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { Actor, DomainError, Money, pageOf, paymentCode, pragueIsoDate } from '#core';
import type { FieldError } from '#core';
import { renderSettlementReturnCall } from '#documents';
import { PROVIDER, variableSymbolOf } from './agreement.service.js';
import { letterCommon } from './letters.js';
import { Tx, UnitOfWork } from '#database';
import { LedgerEvent, LedgerWriter } from '#ledger';
import type { CheckSettlementRequest, ReturnReceiptRequest, SaveSettlementDraftRequest, SettlementListQuery, SubmitSettlementRequest } from './dto.js';
import { Agreement, CostDocument, RecordFile, ReturnReceipt, Settlement, SettlementDraft } from './entities.js';
import type { DraftCostDocumentContent, DraftOutputContent } from './entities.js';
import { settlementReturn } from './rules/index.js';

interface AgreementContext {
  agreement: Agreement;
  applicationId: string;
  organisationId: string;
  callId: string;
  budgetAreaId: string;
  versionNo: number;
}

/**
 * The settlement: the recipient reports costs and outputs; staff check every cost document; the check
 * fixes the return; returns are matched as they arrive. Every step writes the ledger (settled,
 * returned), and a settlement closes only when settled + returned equals what was paid.
 */
@Injectable()
export class SettlementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly access: AccessService,
    private readonly ledger: LedgerWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submit(actor: Actor, agreementId: string, request: SubmitSettlementRequest) {
    return this.unitOfWork.run(actor, async (tx) => {
      // The agreement's row lock orders this against a payment order of the same agreement (which takes it too).
      await tx.manager.query('SELECT id FROM agreement WHERE id = $1 FOR UPDATE', [agreementId]);
      const context = await this.context(tx.manager, agreementId);
      await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'agreement', id: agreementId, organisationId: context.organisationId }, tx.manager);
      return this.submitIn(tx, context, request, new Map());
    });
  }

  /** Submits costs and outputs for the agreement in `context` (locked, access checked); draft documents keep their ids. */
  private async submitIn(tx: Tx, context: AgreementContext, request: SubmitSettlementRequest, ids: Map<number, string>) {
    const agreementId = context.agreement.id;
    {
      if (context.agreement.status !== 'effective') {
        throw DomainError.conflict('AGREEMENT_NOT_EFFECTIVE', { cs: 'Vyúčtovat lze jen účinnou smlouvu.', en: 'Only an agreement in effect can be settled.' });
      }
      if (await tx.manager.existsBy(Settlement, { agreementId })) {
        throw DomainError.conflict('SETTLEMENT_EXISTS', { cs: 'Vyúčtování této smlouvy už bylo podáno.', en: 'This agreement is already settled.' });
      }
      // The settlement accounts for what is paid; an order still on its way would change that after the fact.
      const [inFlight] = await tx.manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM payment WHERE agreement_id = $1 AND status IN ('ordered','approved','exported','held')`,
        [agreementId],
      );
      if (inFlight.n > 0) {
        throw DomainError.conflict(
          'PAYMENTS_IN_PROGRESS',
          {
            cs: 'Ke smlouvě jsou rozpracované platby; vyúčtovat lze, až budou provedeny nebo zrušeny.',
            en: 'Payments on the agreement are still in progress; settle once they are paid or cancelled.',
          },
          { payments: inFlight.n },
        );
      }
      const lines = await tx.manager.query<{ id: string }[]>(`SELECT id FROM application_budget_line WHERE application_id = $1 AND version_no = $2`, [
        context.applicationId,
        context.versionNo,
      ]);
      const known = new Set(lines.map((l) => l.id));
      const unknown = request.costDocuments.findIndex((d) => !known.has(d.budgetLineId));
      if (unknown >= 0) throw unknownBudgetLine(unknown);
      const options = await this.outputOptions(tx.manager, context);
      const report = request.report.map((output, i) => {
        const option = options.find((o) => o.indicator === output.indicator && o.unit === output.unit);
        if (!option) throw unknownIndicator(i);
        // What was promised is the application's (or nothing, for an indicator it did not promise), never what the settlement says.
        return { indicator: option.indicator, unit: option.unit, promised: option.promised, achieved: output.achieved };
      });
      const settlement = tx.manager.create(Settlement, {
        id: randomUUID(),
        agreementId,
        status: 'submitted',
        report,
        submittedAt: tx.now,
        late: pragueIsoDate(tx.now) > context.agreement.settlementDeadline,
        eligibleTotal: null,
        returnDue: null,
        returnDueDate: null,
        returned: Money.ZERO,
        checkExplanation: null,
        closedAt: null,
        version: 1,
      });
      await tx.manager.insert(Settlement, settlement);
      await tx.manager.insert(
        CostDocument,
        request.costDocuments.map((d, i) => ({
          id: ids.get(i) ?? randomUUID(),
          settlementId: settlement.id,
          budgetLineId: d.budgetLineId,
          number: d.number,
          issuedOn: d.issuedOn,
          supplier: d.supplier,
          amount: Money.parse(d.amount),
          paidOn: d.paidOn,
          review: null,
          eligibleAmount: null,
          reviewReason: null,
        })),
      );
      tx.audit({
        action: 'settlement.submitted',
        objectType: 'settlement',
        objectId: settlement.id,
        after: { agreementId, late: settlement.late, documents: request.costDocuments.length, report },
      });
      return this.view(tx.manager, settlement.id);
    }
  }

  /**
   * The recipient's settlement draft with what the form needs beside it: the budget lines with their planned
   * amounts, what was paid, the outputs that may be reported (never free text). Before the first save the draft
   * is empty with `draftVersion` 0; once submitted, `settlementId` names the settlement.
   */
  async draft(actor: Actor, agreementId: string) {
    const manager = this.dataSource.manager;
    const context = await this.context(manager, agreementId);
    await this.access.requireOrganisationObject(actor, 'read', { type: 'agreement', id: agreementId, organisationId: context.organisationId });
    return this.draftView(manager, context);
  }

  /** Saves the parts sent (cost documents, outputs) over the draft version read; 409 with the current draft when another tab saved first. */
  async saveDraft(actor: Actor, agreementId: string, request: SaveSettlementDraftRequest) {
    return this.unitOfWork.run(actor, async (tx) => {
      await tx.manager.query('SELECT id FROM agreement WHERE id = $1 FOR UPDATE', [agreementId]);
      const context = await this.context(tx.manager, agreementId);
      await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'agreement', id: agreementId, organisationId: context.organisationId }, tx.manager);
      await this.assertDraftable(tx.manager, context);
      const stored = await tx.manager.findOneBy(SettlementDraft, { agreementId });
      if ((stored?.draftVersion ?? 0) !== request.version) throw DomainError.staleVersion(await this.draftView(tx.manager, context));
      const lines = new Set((await this.plannedLines(tx.manager, context)).map((l) => l.id));
      const unknownLine = request.costDocuments?.findIndex((d) => d.budgetLineId !== undefined && !lines.has(d.budgetLineId)) ?? -1;
      if (unknownLine >= 0) throw unknownBudgetLine(unknownLine);
      if (request.costDocuments?.length) {
        // A draft document's id becomes the cost document's (and carries its scans): it must be nobody else's.
        const ids = request.costDocuments.map((d) => d.id);
        const taken = await tx.manager.query<{ id: string }[]>(
          `SELECT id::text FROM cost_document WHERE id = ANY($1::uuid[])
           UNION SELECT e ->> 'id' FROM settlement_draft d CROSS JOIN LATERAL jsonb_array_elements(d.cost_documents) e
            WHERE d.agreement_id <> $2 AND e ->> 'id' = ANY($3::text[])`,
          [ids, agreementId, ids],
        );
        if (taken.length > 0) {
          throw DomainError.field(`costDocuments[${ids.indexOf(taken[0].id)}].id`, 'DOCUMENT_ID_TAKEN', {
            cs: 'Doklad s tímto identifikátorem už existuje jinde; přidejte doklad znovu.',
            en: 'A document with this identifier exists elsewhere; add the document again.',
          });
        }
      }
      if (request.report) {
        const options = await this.outputOptions(tx.manager, context);
        const unknown = request.report.findIndex((r) => !options.some((o) => o.indicator === r.indicator && o.unit === r.unit));
        if (unknown >= 0) throw unknownIndicator(unknown);
      }
      const costDocuments: DraftCostDocumentContent[] = request.costDocuments?.map((d) => compact({ ...d })) ?? stored?.costDocuments ?? [];
      const report: DraftOutputContent[] = request.report?.map((r) => compact({ ...r })) ?? stored?.report ?? [];
      const draftVersion = request.version + 1;
      await tx.manager.save(SettlementDraft, { agreementId, costDocuments, report, draftVersion, updatedAt: tx.now, updatedBy: tx.actor.userId });
      tx.audit({
        action: 'settlement.draft_saved',
        objectType: 'agreement',
        objectId: agreementId,
        after: { draftVersion, sections: Object.keys(request).filter((k) => k !== 'version'), documents: costDocuments.length, outputs: report.length },
      });
      return this.draftView(tx.manager, context);
    });
  }

  /** Submits the draft as the settlement: everything is checked here, each problem named at its field (`costDocuments[2].amount`). */
  async submitDraft(actor: Actor, agreementId: string, version: number) {
    return this.unitOfWork.run(actor, async (tx) => {
      await tx.manager.query('SELECT id FROM agreement WHERE id = $1 FOR UPDATE', [agreementId]);
      const context = await this.context(tx.manager, agreementId);
      await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'agreement', id: agreementId, organisationId: context.organisationId }, tx.manager);
      const stored = await tx.manager.findOneBy(SettlementDraft, { agreementId });
      if (!stored || stored.draftVersion !== version) {
        if (!stored && (await tx.manager.existsBy(Settlement, { agreementId }))) {
          throw DomainError.conflict('SETTLEMENT_EXISTS', { cs: 'Vyúčtování této smlouvy už bylo podáno.', en: 'This agreement is already settled.' });
        }
        throw DomainError.staleVersion(await this.draftView(tx.manager, context));
      }
      const errors: FieldError[] = [];
      const need = (ok: boolean, field: string, cs: string, en: string) => {
        if (!ok) errors.push({ field, code: 'REQUIRED', message: { cs: `Vyplňte ${cs}.`, en: `Fill in ${en}.` } });
      };
      need(stored.costDocuments.length > 0, 'costDocuments', 'alespoň jeden účetní doklad', 'at least one cost document');
      stored.costDocuments.forEach((d, i) => {
        need(!!d.budgetLineId, `costDocuments[${i}].budgetLineId`, 'položku rozpočtu', 'the budget line');
        need(!!d.number?.trim(), `costDocuments[${i}].number`, 'číslo dokladu', 'the document number');
        need(!!d.issuedOn, `costDocuments[${i}].issuedOn`, 'datum vystavení', 'the date of issue');
        need((d.supplier?.trim().length ?? 0) >= 2, `costDocuments[${i}].supplier`, 'dodavatele', 'the supplier');
        need(!!d.amount && Money.parse(d.amount).halere > 0n, `costDocuments[${i}].amount`, 'částku dokladu', 'the amount');
        need(!!d.paidOn, `costDocuments[${i}].paidOn`, 'datum úhrady', 'the payment date');
      });
      stored.report.forEach((r, i) => need(r.achieved !== undefined, `report[${i}].achieved`, 'dosaženou hodnotu', 'the value achieved'));
      if (errors.length > 0) throw DomainError.validation(errors, 'SETTLEMENT_INCOMPLETE');
      const ids = new Map(stored.costDocuments.map((d, i) => [i, d.id]));
      const settlement = await this.submitIn(
        tx,
        context,
        {
          costDocuments: stored.costDocuments.map((d) => ({
            budgetLineId: d.budgetLineId!,
            number: d.number!.trim(),
            issuedOn: d.issuedOn!,
            supplier: d.supplier!.trim(),
            amount: d.amount!,
            paidOn: d.paidOn!,
          })),
          report: stored.report.map((r) => ({ indicator: r.indicator, unit: r.unit, promised: 0, achieved: r.achieved! })),
        },
        ids,
      );
      await tx.manager.delete(SettlementDraft, { agreementId });
      return settlement;
    });
  }

  /** Settlements across agreements for staff: the ones waiting for the check first. */
  async list(query: SettlementListQuery) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) {
      params.push(query.status);
      where.push(`s.status = $${params.length}`);
    }
    if (query.callId) {
      params.push(query.callId);
      where.push(`a.call_id = $${params.length}`);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.dataSource.query<
      {
        id: string;
        agreementId: string;
        agreementNumber: string;
        applicationNumber: string;
        title: string;
        organisationName: string;
        status: Settlement['status'];
        late: boolean;
        submittedAt: Date;
        returnDue: string | null;
        returned: string;
        documents: number;
      }[]
    >(
      `SELECT s.id, s.agreement_id AS "agreementId", g.number AS "agreementNumber", a.number AS "applicationNumber", coalesce(a.title, c.title) AS title,
              o.name AS "organisationName", s.status, s.late, s.submitted_at AS "submittedAt", s.return_due::text AS "returnDue", s.returned::text AS returned,
              (SELECT count(*)::int FROM cost_document d WHERE d.settlement_id = s.id) AS documents
         FROM settlement s JOIN agreement g ON g.id = s.agreement_id JOIN application a ON a.id = g.application_id
         JOIN grant_call c ON c.id = a.call_id JOIN organisation o ON o.id = a.organisation_id
        ${filter}
        ORDER BY CASE s.status WHEN 'submitted' THEN 0 WHEN 'checked' THEN 1 ELSE 2 END, s.submitted_at, s.id
        LIMIT ${query.pageSize} OFFSET ${query.offset}`,
      params,
    );
    const items = rows.map((row) => ({
      ...row,
      submittedAt: new Date(row.submittedAt),
      returnDue: row.returnDue === null ? null : Money.parse(row.returnDue).toString(),
      returned: Money.parse(row.returned).toString(),
    }));
    return pageOf(items, await this.count(where, params), query);
  }

  private async count(where: string[], params: unknown[]): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM settlement s JOIN agreement g ON g.id = s.agreement_id JOIN application a ON a.id = g.application_id ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return row.n;
  }

  private async assertDraftable(manager: EntityManager, context: AgreementContext): Promise<void> {
    if (context.agreement.status !== 'effective') {
      throw DomainError.conflict('AGREEMENT_NOT_EFFECTIVE', { cs: 'Vyúčtovat lze jen účinnou smlouvu.', en: 'Only an agreement in effect can be settled.' });
    }
    if (await manager.existsBy(Settlement, { agreementId: context.agreement.id })) {
      throw DomainError.conflict('SETTLEMENT_EXISTS', { cs: 'Vyúčtování této smlouvy už bylo podáno.', en: 'This agreement is already settled.' });
    }
  }

  /**
   * What a settlement may report: the outputs the application promised (with their targets), then the indicators
   * of the action-plan activities it serves that it did not promise (promised 0, counted in "počet").
   */
  async outputOptions(manager: EntityManager, context: AgreementContext): Promise<OutputOption[]> {
    const [version] = await manager.query<{ outputs: { indicator?: string; unit?: string; target?: number }[] | null }[]>(
      `SELECT content -> 'draft' -> 'outputs' AS outputs FROM application_version WHERE application_id = $1 AND version_no = $2`,
      [context.applicationId, context.versionNo],
    );
    const activities = await manager.query<{ code: string; indicators: string[] }[]>(
      `SELECT n.code, coalesce(n.activity -> 'indicators', '[]') AS indicators FROM application_activity aa JOIN strategy_node n ON n.id = aa.strategy_node_id
        WHERE aa.application_id = $1 ORDER BY n.code`,
      [context.applicationId],
    );
    const options: OutputOption[] = [];
    for (const o of version?.outputs ?? []) {
      const indicator = o.indicator?.trim();
      if (!indicator || options.some((x) => x.indicator === indicator)) continue;
      options.push({ indicator, unit: o.unit?.trim() || INDICATOR_UNIT, promised: o.target ?? 0, source: 'application', activityCode: null });
    }
    for (const a of activities) {
      for (const raw of a.indicators) {
        const indicator = raw.trim();
        if (!indicator || options.some((x) => x.indicator === indicator)) continue;
        options.push({ indicator, unit: INDICATOR_UNIT, promised: 0, source: 'activity', activityCode: a.code });
      }
    }
    return options;
  }

  private async draftView(manager: EntityManager, context: AgreementContext) {
    const agreementId = context.agreement.id;
    const stored = await manager.findOneBy(SettlementDraft, { agreementId });
    const [submitted] = await manager.query<{ id: string }[]>('SELECT id FROM settlement WHERE agreement_id = $1', [agreementId]);
    const [head] = await manager.query<{ title: string; organisation_name: string }[]>(
      `SELECT coalesce(a.title, c.title) AS title, o.name AS organisation_name FROM application a JOIN grant_call c ON c.id = a.call_id JOIN organisation o ON o.id = a.organisation_id WHERE a.id = $1`,
      [context.applicationId],
    );
    const lines = await manager.query<{ id: string; category_code: string; description: string }[]>(
      `SELECT id, category_code, description FROM application_budget_line WHERE application_id = $1 AND version_no = $2 ORDER BY position`,
      [context.applicationId, context.versionNo],
    );
    const planned = new Map((await this.plannedLines(manager, context)).map((l) => [l.id, l.planned]));
    const documents = stored?.costDocuments ?? [];
    const files = documents.length
      ? await manager.find(RecordFile, { where: { ownerType: 'cost_document', ownerId: In(documents.map((d) => d.id)) }, order: { uploadedAt: 'ASC' } })
      : [];
    return {
      agreementId,
      agreementNumber: context.agreement.number,
      title: head.title,
      organisationName: head.organisation_name,
      settlementDeadline: context.agreement.settlementDeadline,
      grant: context.agreement.amount.toString(),
      paid: (await this.paid(manager, agreementId)).toString(),
      settlementId: submitted?.id ?? null,
      draftVersion: stored?.draftVersion ?? 0,
      updatedAt: stored?.updatedAt ?? null,
      budgetLines: lines.map((l) => ({ id: l.id, category: l.category_code, description: l.description, planned: (planned.get(l.id) ?? Money.ZERO).toString() })),
      outputOptions: await this.outputOptions(manager, context),
      costDocuments: documents.map((d) => ({
        id: d.id,
        budgetLineId: d.budgetLineId ?? null,
        number: d.number ?? null,
        issuedOn: d.issuedOn ?? null,
        supplier: d.supplier ?? null,
        amount: d.amount ?? null,
        paidOn: d.paidOn ?? null,
        files: files
          .filter((f) => f.ownerId === d.id)
          .map((f) => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, sizeBytes: f.sizeBytes, sha256: f.sha256, uploadedAt: f.uploadedAt })),
      })),
      report: (stored?.report ?? []).map((r) => ({ indicator: r.indicator, unit: r.unit, achieved: r.achieved ?? null })),
    };
  }

  /** Every document gets a verdict; the return follows from the rules (tolerance for shifts between lines included). */
  async check(actor: Actor, settlementId: string, request: CheckSettlementRequest) {
    return this.unitOfWork.run(actor, async (tx) => {
      const settlement = await this.lock(tx.manager, settlementId, request.version, 'submitted');
      const context = await this.context(tx.manager, settlement.agreementId);
      const documents = await tx.manager.find(CostDocument, { where: { settlementId } });
      const reviews = new Map(request.reviews.map((r, i) => [r.costDocumentId, { ...r, index: i }]));
      const missing = documents.filter((d) => !reviews.has(d.id));
      if (missing.length > 0) {
        throw DomainError.validation(
          missing.map((d) => ({
            field: `reviews[${d.number}]`,
            code: 'REVIEW_MISSING',
            message: { cs: `Doklad ${d.number} není posouzen.`, en: `Document ${d.number} is not reviewed.` },
          })),
          'SETTLEMENT_CHECK_INCOMPLETE',
        );
      }
      for (const document of documents) {
        const review = reviews.get(document.id)!;
        const field = `reviews[${review.index}]`;
        if (review.review !== 'eligible' && !review.reason?.trim()) {
          throw DomainError.field(`${field}.reason`, 'REASON_REQUIRED', { cs: 'U neuznané části dokladu uveďte důvod.', en: 'Give the reason for what is not eligible.' });
        }
        const eligible =
          review.review === 'eligible' ? document.amount : review.review === 'ineligible' ? Money.ZERO : review.eligibleAmount ? Money.parse(review.eligibleAmount) : null;
        if (!eligible || (review.review === 'partly_eligible' && (eligible.compare(document.amount) >= 0 || eligible.isZero()))) {
          throw DomainError.field(`${field}.eligibleAmount`, 'PARTLY_ELIGIBLE_AMOUNT', {
            cs: 'U částečně uznatelného dokladu uveďte uznanou částku menší než doklad.',
            en: 'A partly eligible document needs an eligible amount below its total.',
          });
        }
        document.review = review.review;
        document.eligibleAmount = eligible;
        document.reviewReason = review.reason?.trim() || null;
      }
      await tx.manager.save(CostDocument, documents);

      const paid = await this.paid(tx.manager, settlement.agreementId);
      const planned = await this.plannedLines(tx.manager, context);
      const result = settlementReturn({
        paid,
        tolerancePercent: this.config.awards.shiftTolerancePercent,
        lines: planned.map((line) => {
          const own = documents.filter((d) => d.budgetLineId === line.id);
          return { budgetLineId: line.id, planned: line.planned, claimed: Money.sum(own.map((d) => d.amount)), eligible: Money.sum(own.map((d) => d.eligibleAmount!)) };
        }),
      });
      const closes = result.returnDue.isZero();
      await tx.manager.update(
        Settlement,
        { id: settlementId },
        {
          status: closes ? 'closed' : 'checked',
          eligibleTotal: result.eligibleTotal,
          returnDue: result.returnDue,
          returnDueDate: request.returnDueDate,
          checkExplanation: result.explanation.cs,
          closedAt: closes ? tx.now : null,
          version: settlement.version + 1,
        },
      );
      await this.ledger.record(tx, await this.shared(tx, context, [{ kind: 'settled', amount: result.eligibleTotal, sourceId: settlementId }]));
      tx.audit({
        action: 'settlement.checked',
        objectType: 'settlement',
        objectId: settlementId,
        after: {
          eligibleTotal: result.eligibleTotal.toString(),
          returnDue: result.returnDue.toString(),
          returnDueDate: request.returnDueDate,
          needsAmendment: result.needsAmendment,
          reviews: request.reviews,
        },
      });
      if (!closes) tx.emit({ type: 'settlement.return_due', aggregateType: 'settlement', aggregateId: settlementId });
      return {
        ...(await this.view(tx.manager, settlementId)),
        shifts: result.shifts.map((s) => ({ ...s, planned: s.planned.toString(), eligible: s.eligible.toString(), overBy: s.overBy.toString() })),
        needsAmendment: result.needsAmendment,
      };
    });
  }

  /** An incoming return, matched to what is owed; the last one closes the settlement. */
  async receiveReturn(actor: Actor, settlementId: string, request: ReturnReceiptRequest) {
    return this.unitOfWork.run(actor, (tx) => this.receiveReturnIn(tx, settlementId, request));
  }

  /** The return inside a caller's transaction (the bank statement's import matches many at once). */
  async receiveReturnIn(tx: Tx, settlementId: string, request: ReturnReceiptRequest) {
    {
      const settlement = await this.lock(tx.manager, settlementId, request.version, 'checked');
      const amount = Money.parse(request.amount);
      const owed = settlement.returnDue!.subtract(settlement.returned);
      if (amount.compare(owed) > 0) {
        throw DomainError.field('amount', 'ABOVE_RETURN_DUE', {
          cs: `K vrácení zbývá ${owed.format()}; přeplatek vraťte příjemci mimo vyúčtování.`,
          en: `${owed.toString()} remains to be returned.`,
        });
      }
      const late = request.receivedOn > settlement.returnDueDate!;
      await tx.manager.insert(ReturnReceipt, { id: randomUUID(), settlementId, amount, receivedOn: request.receivedOn, bankReference: request.bankReference, late });
      const returned = settlement.returned.add(amount);
      const closes = returned.equals(settlement.returnDue!);
      await tx.manager.update(
        Settlement,
        { id: settlementId },
        { returned, status: closes ? 'closed' : 'checked', closedAt: closes ? tx.now : null, version: settlement.version + 1 },
      );
      const context = await this.context(tx.manager, settlement.agreementId);
      await this.ledger.record(tx, await this.shared(tx, context, [{ kind: 'returned', amount, sourceId: settlementId }]));
      if (closes) await this.assertBalanced(tx.manager, settlement.agreementId, settlement.eligibleTotal!, returned);
      tx.audit({
        action: 'settlement.return_received',
        objectType: 'settlement',
        objectId: settlementId,
        after: { amount: amount.toString(), receivedOn: request.receivedOn, late, closed: closes },
      });
      tx.emit({ type: 'settlement.return_received', aggregateType: 'settlement', aggregateId: settlementId, payload: { amount: amount.toString() } });
      return this.view(tx.manager, settlementId);
    }
  }

  async get(actor: Actor, settlementId: string) {
    const settlement = await this.dataSource.manager.findOneBy(Settlement, { id: settlementId });
    if (!settlement) throw DomainError.notFound('settlement', settlementId);
    const context = await this.context(this.dataSource.manager, settlement.agreementId);
    await this.access.requireOrganisationObject(actor, 'read', { type: 'settlement', id: settlementId, organisationId: context.organisationId });
    return this.view(this.dataSource.manager, settlementId);
  }

  /** "Výzva k vrácení části dotace": the letter asking for the return still owed, with its QR Platba code. */
  async returnLetter(actor: Actor, settlementId: string): Promise<{ pdf: Buffer; fileName: string }> {
    const settlement = await this.dataSource.manager.findOneBy(Settlement, { id: settlementId });
    if (!settlement) throw DomainError.notFound('settlement', settlementId);
    const context = await this.context(this.dataSource.manager, settlement.agreementId);
    await this.access.requireOrganisationObject(actor, 'read', { type: 'settlement', id: settlementId, organisationId: context.organisationId });
    const owed = settlement.status === 'checked' && settlement.returnDue ? settlement.returnDue.subtract(settlement.returned) : Money.ZERO;
    if (owed.halere <= 0n || !settlement.returnDueDate) {
      throw DomainError.conflict('NOTHING_OWED', { cs: 'Z tohoto vyúčtování se nic nevrací.', en: 'Nothing is to be returned from this settlement.' });
    }
    const [audit] = await this.dataSource.query<{ actor_user_id: string | null; occurred_at: Date }[]>(
      `SELECT actor_user_id, occurred_at FROM audit_log WHERE object_type = 'settlement' AND object_id = $1 AND action = 'settlement.checked' ORDER BY seq DESC LIMIT 1`,
      [settlementId],
    );
    const date = pragueIsoDate(audit?.occurred_at ?? settlement.submittedAt);
    const common = await letterCommon(this.dataSource.manager, context.applicationId, date, audit?.actor_user_id ?? null);
    const agreement = context.agreement;
    const pdf = await renderSettlementReturnCall({
      ...common,
      agreement: { number: agreement.number, date: agreement.signedOn ?? pragueIsoDate(agreement.createdAt) },
      paid: (await this.paid(this.dataSource.manager, agreement.id)).toString(),
      eligible: settlement.eligibleTotal!.toString(),
      returned: settlement.returned.toString(),
      amount: owed.toString(),
      explanation: settlement.checkExplanation ?? '–',
      dueDate: settlement.returnDueDate,
      returnAccount: { ...PROVIDER.bankAccount },
      variableSymbol: variableSymbolOf(common.application.number),
    });
    return { pdf, fileName: `vyzva-k-vraceni-${agreement.number.replace(/[^A-Za-z0-9-]/g, '_')}.pdf` };
  }

  /** The invariant of a closed settlement: eligible costs plus returns account for every koruna paid. */
  private async assertBalanced(manager: EntityManager, agreementId: string, settled: Money, returned: Money): Promise<void> {
    const paid = await this.paid(manager, agreementId);
    if (!settled.add(returned).equals(paid))
      throw new Error(`settlement of agreement ${agreementId} does not balance: ${settled.toString()} + ${returned.toString()} ≠ ${paid.toString()}`);
  }

  private async paid(manager: EntityManager, agreementId: string): Promise<Money> {
    const rows = await manager.query<{ amount: string }[]>(`SELECT amount FROM payment WHERE agreement_id = $1 AND status = 'paid'`, [agreementId]);
    return Money.sum(rows.map((r) => Money.parse(r.amount)));
  }

  /** The budget lines as the agreement funds them: the approved amount spread over the lines by what each requested. */
  private async plannedLines(manager: EntityManager, context: AgreementContext): Promise<{ id: string; planned: Money }[]> {
    const lines = await manager.query<{ id: string; requested: string }[]>(
      `SELECT id, requested FROM application_budget_line WHERE application_id = $1 AND version_no = $2 ORDER BY position`,
      [context.applicationId, context.versionNo],
    );
    const weights = lines.map((l) => Money.parse(l.requested).halere);
    if (lines.length === 0 || weights.every((w) => w === 0n)) return lines.map((l) => ({ id: l.id, planned: Money.ZERO }));
    const parts = context.agreement.amount.allocate(weights);
    return lines.map((l, i) => ({ id: l.id, planned: parts[i] }));
  }

  private async shared(tx: Tx, context: AgreementContext, events: { kind: 'settled' | 'returned'; amount: Money; sourceId: string }[]): Promise<LedgerEvent[]> {
    const shares = (await this.ledger.sharesOf(tx.manager, [context.applicationId])).get(context.applicationId);
    return events
      .filter((e) => !e.amount.isZero())
      .map((e) => ({
        kind: e.kind,
        callId: context.callId,
        budgetAreaId: context.budgetAreaId,
        applicationId: context.applicationId,
        amount: e.amount,
        sourceType: 'settlement',
        sourceId: e.sourceId,
        shares,
      }));
  }

  private async context(manager: EntityManager, agreementId: string): Promise<AgreementContext> {
    const agreement = await manager.findOneBy(Agreement, { id: agreementId });
    if (!agreement) throw DomainError.notFound('agreement', agreementId);
    const [row] = await manager.query<
      {
        organisation_id: string;
        call_id: string;
        budget_area_id: string;
        current_version_no: number;
      }[]
    >(`SELECT organisation_id, call_id, budget_area_id, current_version_no FROM application WHERE id = $1`, [agreement.applicationId]);
    return {
      agreement,
      applicationId: agreement.applicationId,
      organisationId: row.organisation_id,
      callId: row.call_id,
      budgetAreaId: row.budget_area_id,
      versionNo: row.current_version_no,
    };
  }

  private async lock(manager: EntityManager, settlementId: string, version: number, status: Settlement['status']): Promise<Settlement> {
    const settlement = await manager.findOne(Settlement, { where: { id: settlementId }, lock: { mode: 'pessimistic_write' } });
    if (!settlement) throw DomainError.notFound('settlement', settlementId);
    if (settlement.version !== version) throw DomainError.staleVersion(await this.view(manager, settlementId));
    if (settlement.status !== status) {
      throw DomainError.conflict(
        'INVALID_STATE',
        { cs: `Vyúčtování je ve stavu „${settlement.status}“.`, en: `The settlement is "${settlement.status}".` },
        { currentStatus: settlement.status },
      );
    }
    return settlement;
  }

  private async view(manager: EntityManager, settlementId: string) {
    const settlement = await manager.findOneByOrFail(Settlement, { id: settlementId });
    const documents = await manager.find(CostDocument, { where: { settlementId }, order: { issuedOn: 'ASC', number: 'ASC' } });
    const receipts = await manager.find(ReturnReceipt, { where: { settlementId }, order: { receivedOn: 'ASC' } });
    const owed = settlement.status === 'checked' && settlement.returnDue ? settlement.returnDue.subtract(settlement.returned) : Money.ZERO;
    let code: string | null = null;
    if (owed.halere > 0n) {
      const [row] = await manager.query<{ number: string; agreement_number: string }[]>(
        `SELECT a.number, g.number AS agreement_number FROM agreement g JOIN application a ON a.id = g.application_id WHERE g.id = $1`,
        [settlement.agreementId],
      );
      code = paymentCode({
        account: PROVIDER.bankAccount.number,
        amount: owed,
        variableSymbol: variableSymbolOf(row.number),
        dueDate: settlement.returnDueDate ?? undefined,
        message: `Vratka dotace, smlouva ${row.agreement_number}`,
      });
    }
    const context = await this.context(manager, settlement.agreementId);
    const paid = await this.paid(manager, settlement.agreementId);
    const planned = await this.plannedLines(manager, context);
    const lineRows = await manager.query<{ id: string; category_code: string; description: string }[]>(
      `SELECT id, category_code, description FROM application_budget_line WHERE application_id = $1 AND version_no = $2 ORDER BY position`,
      [context.applicationId, context.versionNo],
    );
    const files = documents.length
      ? await manager.find(RecordFile, { where: { ownerType: 'cost_document', ownerId: In(documents.map((d) => d.id)) }, order: { uploadedAt: 'ASC' } })
      : [];
    const [numbers] = await manager.query<{ number: string }[]>(`SELECT number FROM application WHERE id = $1`, [context.applicationId]);
    // The check's computation, shown part by part: recomputed from the stored verdicts by the same rule the check used.
    const reviewed = settlement.status !== 'submitted' && documents.every((d) => d.eligibleAmount !== null);
    const result = reviewed
      ? settlementReturn({
          paid,
          tolerancePercent: this.config.awards.shiftTolerancePercent,
          lines: planned.map((line) => {
            const own = documents.filter((d) => d.budgetLineId === line.id);
            return { budgetLineId: line.id, planned: line.planned, claimed: Money.sum(own.map((d) => d.amount)), eligible: Money.sum(own.map((d) => d.eligibleAmount!)) };
          }),
        })
      : null;
    return {
      /** QR Platba (SPAYD) of the return still owed, for the portal to show as a QR code; null when nothing is owed. */
      paymentCode: code,
      /** What was paid out on the agreement (the settlement accounts for it). */
      paid: paid.toString(),
      /** Where the return goes, with the variable symbol to quote. */
      returnAccount: { number: PROVIDER.bankAccount.number, bankName: PROVIDER.bankAccount.bankName, variableSymbol: variableSymbolOf(numbers.number) },
      budgetLines: lineRows.map((l) => {
        const own = documents.filter((d) => d.budgetLineId === l.id);
        return {
          id: l.id,
          category: l.category_code,
          description: l.description,
          planned: (planned.find((p) => p.id === l.id)?.planned ?? Money.ZERO).toString(),
          claimed: Money.sum(own.map((d) => d.amount)).toString(),
          eligible: reviewed ? Money.sum(own.map((d) => d.eligibleAmount!)).toString() : null,
        };
      }),
      /** The return's computation part by part (null until the check): unspent + ineligible = returnDue. */
      computation: result && {
        paid: paid.toString(),
        eligibleTotal: result.eligibleTotal.toString(),
        unspent: result.unspent.toString(),
        ineligible: result.ineligibleTotal.toString(),
        returnDue: result.returnDue.toString(),
        tolerancePercent: this.config.awards.shiftTolerancePercent,
        needsAmendment: result.needsAmendment,
        shifts: result.shifts.map((x) => ({
          budgetLineId: x.budgetLineId,
          planned: x.planned.toString(),
          eligible: x.eligible.toString(),
          overBy: x.overBy.toString(),
          withinTolerance: x.withinTolerance,
          notCounted: x.notCounted.toString(),
        })),
        explanation: result.explanation,
      },
      id: settlement.id,
      agreementId: settlement.agreementId,
      status: settlement.status,
      late: settlement.late,
      submittedAt: settlement.submittedAt,
      report: settlement.report,
      eligibleTotal: settlement.eligibleTotal?.toString() ?? null,
      returnDue: settlement.returnDue?.toString() ?? null,
      returnDueDate: settlement.returnDueDate,
      returned: settlement.returned.toString(),
      explanation: settlement.checkExplanation,
      closedAt: settlement.closedAt,
      version: settlement.version,
      costDocuments: documents.map((d) => ({
        id: d.id,
        budgetLineId: d.budgetLineId,
        number: d.number,
        issuedOn: d.issuedOn,
        supplier: d.supplier,
        amount: d.amount.toString(),
        paidOn: d.paidOn,
        review: d.review,
        eligibleAmount: d.eligibleAmount?.toString() ?? null,
        reviewReason: d.reviewReason,
        files: files
          .filter((f) => f.ownerId === d.id)
          .map((f) => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, sizeBytes: f.sizeBytes, sha256: f.sha256, uploadedAt: f.uploadedAt })),
      })),
      returns: receipts.map((r) => ({ amount: r.amount.toString(), receivedOn: r.receivedOn, bankReference: r.bankReference, late: r.late })),
    };
  }
}

/** The unit of an action-plan indicator, which the plan states as a count ("počet …"). */
const INDICATOR_UNIT = 'počet';

export interface OutputOption {
  indicator: string;
  unit: string;
  /** The application's target for it; 0 for an activity's indicator the application did not promise. */
  promised: number;
  source: 'application' | 'activity';
  activityCode: string | null;
}

function unknownIndicator(index: number): DomainError {
  return DomainError.field(`report[${index}].indicator`, 'UNKNOWN_INDICATOR', {
    cs: 'Výstup vyberte z ukazatelů, které projekt slíbil v žádosti nebo které sleduje podpořená aktivita akčního plánu.',
    en: 'Choose the output from the indicators the application promised or the funded activity tracks.',
  });
}

function unknownBudgetLine(index: number): DomainError {
  return DomainError.field(`costDocuments[${index}].budgetLineId`, 'UNKNOWN_BUDGET_LINE', {
    cs: 'Doklad je přiřazen k položce, kterou rozpočet projektu nemá.',
    en: 'The document is charged to a line the budget does not have.',
  });
}

/** Drops the keys whose value is undefined, so the stored draft holds only what was typed. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
