import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import { LegalRules } from '#config';
import { Actor, Clock, DomainError, Money, pragueIsoDate } from '#core';
import { Tx, UnitOfWork } from '#database';
import { LedgerEvent, LedgerWriter } from '#ledger';
import { Readable } from 'node:stream';
import { FileStorage } from '#storage';
import type { RecordResolutionRequest } from './dto.js';
import { DECISION_ROW_SQL, decisionLetterFileName, decisionLetterKey, renderDecisionLetterPdf } from './letters.js';
import type { DecisionRow } from './letters.js';
import { Agreement, ApprovingBody, AwardDecision, DecisionOutcome, Resolution } from './entities.js';
import { approvingBody, refitTranches } from './rules/index.js';

interface ApplicationRow {
  id: string;
  number: string;
  call_id: string;
  status: string;
  budget_area_id: string | null;
  requested_amount: string | null;
  organisation_type: 'city_district' | 'ngo' | 'other';
  organisation_name: string;
}

export interface ProposalLine {
  applicationId: string;
  number: string;
  applicant: string;
  applicantType: string;
  budgetAreaId: string | null;
  budgetAreaCode: string | null;
  requested: string;
  recommended: string;
  proposal: 'approve' | 'reject';
  explanation: string;
  explanationEn: string;
  body: ApprovingBody;
  bodyReason: { cs: string; en: string; legalBasis: string };
  /** The decision in force, if the application is already decided (a change names it as `supersedesId`). */
  currentDecision: { id: string; outcome: DecisionOutcome; amount: string; resolution: string } | null;
}

interface ProposalRow {
  id: string;
  number: string;
  requested_amount: string;
  budget_area_id: string | null;
  budget_area_code: string | null;
  name: string;
  type: 'city_district' | 'ngo' | 'other';
  amount: string;
  explanation_cs: string;
  explanation_en: string;
  decision_id: string | null;
  decision_outcome: DecisionOutcome | null;
  decision_amount: string | null;
  decision_resolution: string | null;
}

export type LetterStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'no_recipients';

export interface DecisionView {
  id: string;
  applicationId: string;
  number: string;
  applicant: string;
  budgetAreaCode: string | null;
  outcome: DecisionOutcome;
  amount: string;
  requestedAmount: string;
  conditions: string[];
  reason: string | null;
  supersedesId: string | null;
  decidedAt: Date;
  resolutionId: string;
  body: ApprovingBody;
  resolution: string;
  adoptedOn: string;
  effective: boolean;
  /** The application's agreement (not void), with what is paid and what is paid or ordered (`committed`). */
  agreement: { id: string; number: string; status: string; amount: string; committed: string; paid: string } | null;
  letter: {
    kind: 'approval' | 'rejection';
    fileName: string;
    status: LetterStatus;
    sentAt: Date | null;
    deliveries: { recipient: string; name: string | null; status: string; sentAt: Date | null }[];
  };
}

const CALL_STATUSES_FOR_DECISIONS = ['in_evaluation', 'decided'];

/**
 * Award decisions, by resolution of the Council or the Assembly. Each batch commits as one: the
 * resolution, its decisions, the allocation guards and the ledger entries, or nothing.
 */
@Injectable()
export class AwardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly ledger: LedgerWriter,
    private readonly legalRules: LegalRules,
    private readonly clock: Clock,
    private readonly storage: FileStorage,
  ) {}

  /**
   * Staff's starting point: the commission's frozen recommendation split by the body that must approve each case,
   * with the budget area of each application and its decision in force (if any). Without a closed commission
   * session (no recommendation yet) the formally accepted applications are proposed at their requested amounts,
   * and `commissionSessionClosed: false` tells the portal that a resolution needs `withoutCommissionReason`.
   */
  async proposal(callId: string): Promise<{ commissionSessionClosed: boolean; source: 'commission' | 'applications'; council: ProposalLine[]; assembly: ProposalLine[] }> {
    const [call] = await this.dataSource.query<{ closed: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM commission_session s JOIN commission c ON c.id = s.commission_id WHERE c.call_id = g.id AND s.status = 'closed') AS closed FROM grant_call g WHERE g.id = $1`,
      [callId],
    );
    if (!call) throw DomainError.notFound('call', callId);
    const decided = `LEFT JOIN LATERAL (SELECT d.id, d.outcome, d.amount, r.number AS resolution FROM award_decision d JOIN resolution r ON r.id = d.resolution_id
                      WHERE d.application_id = a.id AND NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id)) cur ON true`;
    const columns = `a.id, a.number, a.requested_amount, a.budget_area_id, b.code AS budget_area_code, o.name, o.type,
                     cur.id AS decision_id, cur.outcome AS decision_outcome, cur.amount AS decision_amount, cur.resolution AS decision_resolution`;
    let rows = await this.dataSource.query<ProposalRow[]>(
      `SELECT ${columns}, r.amount, r.explanation_cs, r.explanation_en
         FROM commission_recommendation r JOIN application a ON a.id = r.application_id JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN call_budget_area b ON b.id = a.budget_area_id ${decided}
        WHERE a.call_id = $1 ORDER BY r.budget_area_code, r.rank`,
      [callId],
    );
    const source = rows.length > 0 ? 'commission' : 'applications';
    if (rows.length === 0) {
      rows = await this.dataSource.query<ProposalRow[]>(
        `SELECT ${columns}, a.requested_amount AS amount,
                'Komise o žádosti nerozhodla; navrhuje se požadovaná částka.' AS explanation_cs, 'The commission has not recommended; the requested amount is proposed.' AS explanation_en
           FROM application a JOIN organisation o ON o.id = a.organisation_id LEFT JOIN call_budget_area b ON b.id = a.budget_area_id ${decided}
          WHERE a.call_id = $1 AND a.status = 'accepted' AND a.requested_amount IS NOT NULL ORDER BY b.position NULLS LAST, a.number`,
        [callId],
      );
    }
    const rules = this.legalRules.at(pragueIsoDate(this.clock.now())).approval;
    const lines = rows.map((row): ProposalLine => {
      const recommended = Money.parse(row.amount);
      // A rejection proposal still needs a body: the case goes where its requested amount would put it.
      const body = approvingBody(rules, { applicantType: row.type, amount: recommended.isZero() ? Money.parse(row.requested_amount) : recommended });
      return {
        applicationId: row.id,
        number: row.number,
        applicant: row.name,
        applicantType: row.type,
        budgetAreaId: row.budget_area_id,
        budgetAreaCode: row.budget_area_code,
        requested: Money.parse(row.requested_amount).toString(),
        recommended: recommended.toString(),
        proposal: recommended.isZero() ? 'reject' : 'approve',
        explanation: row.explanation_cs,
        explanationEn: row.explanation_en,
        body: body.body,
        bodyReason: body.reason,
        currentDecision: row.decision_id
          ? { id: row.decision_id, outcome: row.decision_outcome!, amount: Money.parse(row.decision_amount!).toString(), resolution: row.decision_resolution! }
          : null,
      };
    });
    return { commissionSessionClosed: call.closed, source, council: lines.filter((l) => l.body === 'council'), assembly: lines.filter((l) => l.body === 'assembly') };
  }

  async recordResolution(actor: Actor, callId: string, request: RecordResolutionRequest) {
    const seen = new Set<string>();
    request.decisions.forEach((d, i) => {
      if (seen.has(d.applicationId))
        throw DomainError.field(`decisions[${i}].applicationId`, 'DUPLICATE_APPLICATION', { cs: 'Žádost je v usnesení dvakrát.', en: 'The application appears twice.' });
      seen.add(d.applicationId);
      if (d.outcome === 'approved' && (!d.amount || Money.parse(d.amount).compare(Money.ZERO) <= 0)) {
        throw DomainError.field(`decisions[${i}].amount`, 'AMOUNT_REQUIRED', { cs: 'U schválení uveďte kladnou částku.', en: 'An approval needs a positive amount.' });
      }
      if (d.outcome === 'rejected' && !d.reason?.trim()) {
        throw DomainError.field(`decisions[${i}].reason`, 'REASON_REQUIRED', {
          cs: 'Zamítnutí musí obsahovat důvod (§ 10a odst. 4 zákona č. 250/2000 Sb.).',
          en: 'A rejection must give its reason.',
        });
      }
    });
    return this.unitOfWork.run(actor, async (tx) => {
      const [call] = await tx.manager.query<{ id: string; status: string; total_allocation: string }[]>(`SELECT id, status, total_allocation FROM grant_call WHERE id = $1`, [
        callId,
      ]);
      if (!call) throw DomainError.notFound('call', callId);
      if (!CALL_STATUSES_FOR_DECISIONS.includes(call.status)) {
        throw DomainError.conflict('CALL_NOT_IN_EVALUATION', {
          cs: 'O dotacích lze rozhodovat až po zahájení hodnocení výzvy.',
          en: 'Grants are decided only once the call is in evaluation.',
        });
      }
      // A resolution rests on the commission's closed session (its frozen recommendation), or says why the body decides without one.
      const [session] = await tx.manager.query<{ closed: number }[]>(
        `SELECT count(*)::int AS closed FROM commission_session s JOIN commission c ON c.id = s.commission_id WHERE c.call_id = $1 AND s.status = 'closed'`,
        [callId],
      );
      const withoutCommissionReason = request.withoutCommissionReason?.trim() || null;
      if (session.closed === 0 && !withoutCommissionReason) {
        throw DomainError.conflict('COMMISSION_SESSION_NOT_CLOSED', {
          cs: 'Hodnoticí komise k výzvě dosud neuzavřela jednání; rozhodnutí bez jejího doporučení musí uvést důvod (withoutCommissionReason).',
          en: 'The evaluation commission has not closed its session for this call; a decision without its recommendation must give the reason (withoutCommissionReason).',
        });
      }
      const ids = request.decisions.map((d) => d.applicationId);
      // Locked in id order, so concurrent batches over the same applications cannot deadlock.
      const applications = await tx.manager.query<ApplicationRow[]>(
        `SELECT a.id, a.number, a.call_id, a.status, a.budget_area_id, a.requested_amount, o.type AS organisation_type, o.name AS organisation_name
           FROM application a JOIN organisation o ON o.id = a.organisation_id WHERE a.id = ANY($1::uuid[]) ORDER BY a.id FOR UPDATE OF a`,
        [ids],
      );
      const byId = new Map(applications.map((a) => [a.id, a]));
      const current = await tx.manager.query<{ id: string; application_id: string; outcome: string; amount: string }[]>(
        `SELECT d.id, d.application_id, d.outcome, d.amount FROM award_decision d
          WHERE d.application_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id)`,
        [ids],
      );
      const effective = new Map(current.map((d) => [d.application_id, d]));
      // Their agreements (locked after the applications, in id order): a decision changes what an agreement holds.
      const agreements = new Map(
        (await tx.manager.find(Agreement, { where: { applicationId: In(ids), status: Not('void') }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } })).map((g) => [
          g.applicationId,
          g,
        ]),
      );
      const settled = new Set(
        (
          await tx.manager.query<{ agreement_id: string }[]>(`SELECT agreement_id FROM settlement WHERE agreement_id = ANY($1::uuid[])`, [
            [...agreements.values()].map((g) => g.id),
          ])
        ).map((r) => r.agreement_id),
      );
      const agreementChanges: { agreement: Agreement; amount: Money; decision: AwardDecision; budgetAreaId: string }[] = [];
      const rules = this.legalRules.at(request.adoptedOn).approval;

      const decisions: AwardDecision[] = [];
      const deltaByArea = new Map<string, Money>();
      const ledger: LedgerEvent[] = [];
      const resolutionId = randomUUID();
      for (const [i, item] of request.decisions.entries()) {
        const application = byId.get(item.applicationId);
        if (!application || application.call_id !== callId)
          throw DomainError.field(`decisions[${i}].applicationId`, 'NOT_IN_CALL', { cs: 'Žádost nepatří do této výzvy.', en: 'The application is not in this call.' });
        if (application.status !== 'accepted' || !application.budget_area_id || !application.requested_amount) {
          throw DomainError.field(`decisions[${i}].applicationId`, 'NOT_EVALUATED', {
            cs: 'Rozhodovat lze jen o žádostech, které prošly formální kontrolou.',
            en: 'Only formally accepted applications can be decided.',
          });
        }
        const previous = effective.get(item.applicationId);
        if ((previous?.id ?? null) !== (item.supersedesId ?? null)) {
          throw DomainError.conflict(
            'DECISION_EXISTS',
            {
              cs: previous
                ? `O žádosti ${application.number} už bylo rozhodnuto; změnu zadejte jako nové rozhodnutí s odkazem na to platné.`
                : `Žádost ${application.number} nemá rozhodnutí, které by se měnilo.`,
              en: previous
                ? `Application ${application.number} is decided; record a change as a new decision referencing the current one.`
                : `Application ${application.number} has no decision to change.`,
            },
            { applicationId: item.applicationId, currentDecisionId: previous?.id ?? null },
          );
        }
        const requested = Money.parse(application.requested_amount);
        const amount = item.outcome === 'approved' ? Money.parse(item.amount!) : Money.ZERO;
        if (amount.compare(requested) > 0) {
          throw DomainError.field(`decisions[${i}].amount`, 'ABOVE_REQUESTED', {
            cs: `Schválená částka převyšuje požadovanou (${requested.format()}).`,
            en: `The approved amount exceeds the requested ${requested.toString()}.`,
          });
        }
        if (item.outcome === 'approved') {
          const required = approvingBody(rules, { applicantType: application.organisation_type, amount });
          if (required.body !== request.body) {
            throw DomainError.field(`decisions[${i}].applicationId`, 'WRONG_BODY', {
              cs: `O žádosti ${application.number} musí rozhodnout ${required.body === 'assembly' ? 'Zastupitelstvo' : 'Rada'} hl. m. Prahy: ${required.reason.cs}`,
              en: `Application ${application.number} must be decided by the ${required.body}: ${required.reason.en}`,
            });
          }
        }
        const agreement = agreements.get(application.id);
        if (agreement && !amount.equals(agreement.amount)) {
          // Paid ≤ approved = contracted: money paid or ordered cannot be decided away, and a settled agreement is closed for changes.
          if (amount.compare(agreement.committed) < 0) {
            throw DomainError.conflict(
              'DECISION_BELOW_PAID',
              {
                cs: `Žádosti ${application.number} bylo už vyplaceno nebo k výplatě zadáno ${agreement.committed.format()}; rozhodnutí nemůže dotaci snížit pod tuto částku. Neoprávněně čerpané prostředky se vymáhají vyúčtováním nebo odvodem.`,
                en: `${agreement.committed.toString()} of application ${application.number} is already paid or ordered; a decision cannot take the grant below that. Money to be returned is claimed through the settlement or a levy.`,
              },
              { applicationId: application.id, paidAndOrdered: agreement.committed.toString(), amount: amount.toString() },
            );
          }
          if (settled.has(agreement.id)) {
            throw DomainError.conflict(
              'AGREEMENT_SETTLED',
              {
                cs: `Smlouva k žádosti ${application.number} je vyúčtována; její částku už rozhodnutí nezmění.`,
                en: `The agreement of application ${application.number} is settled; a decision can no longer change its amount.`,
              },
              { applicationId: application.id },
            );
          }
        }
        const previousAmount = previous ? Money.parse(previous.amount) : Money.ZERO;
        const delta = amount.subtract(previousAmount);
        deltaByArea.set(application.budget_area_id, (deltaByArea.get(application.budget_area_id) ?? Money.ZERO).add(delta));
        const decision = tx.manager.create(AwardDecision, {
          id: randomUUID(),
          applicationId: application.id,
          resolutionId,
          outcome: item.outcome,
          amount,
          requestedAmount: requested,
          conditions: item.conditions ?? [],
          reason: item.reason?.trim() || null,
          supersedesId: item.supersedesId ?? null,
          decidedAt: tx.now,
        });
        decisions.push(decision);
        if (agreement && !amount.equals(agreement.amount)) agreementChanges.push({ agreement, amount, decision, budgetAreaId: application.budget_area_id });
        if (!delta.isZero()) {
          ledger.push({
            kind: 'approved',
            callId,
            budgetAreaId: application.budget_area_id,
            applicationId: application.id,
            amount: delta,
            sourceType: 'award_decision',
            sourceId: decision.id,
          });
        }
      }

      await tx.manager.insert(Resolution, {
        id: resolutionId,
        callId,
        body: request.body,
        number: request.number,
        adoptedOn: request.adoptedOn,
        text: request.text,
        withoutCommissionReason,
        recordedAt: tx.now,
        recordedBy: actor.userId,
      });
      await this.ensureFunding(tx, callId);
      // Areas in a fixed order, then the call: every batch takes the locks in the same order.
      const areaIds = [...deltaByArea.keys()].sort();
      // A refusal names the rows it concerns, so the portal shows it at the row that crosses the allocation.
      const rows = request.decisions.map((item, index) => {
        const application = byId.get(item.applicationId)!;
        const previous = effective.get(item.applicationId);
        const amount = item.outcome === 'approved' ? Money.parse(item.amount!) : Money.ZERO;
        return { index, applicationId: application.id, budgetAreaId: application.budget_area_id!, delta: amount.subtract(previous ? Money.parse(previous.amount) : Money.ZERO) };
      });
      try {
        for (const areaId of areaIds) await this.guardedAdd(tx, 'area_funding', 'budget_area_id', areaId, deltaByArea.get(areaId)!);
        await this.guardedAdd(tx, 'call_funding', 'call_id', callId, Money.sum(deltaByArea.values()));
      } catch (error) {
        throw error instanceof DomainError && error.code === 'ALLOCATION_EXCEEDED' ? withRowsOverAllocation(error, rows) : error;
      }
      await tx.manager.insert(AwardDecision, decisions);
      for (const change of agreementChanges) ledger.push(...(await this.followDecision(tx, callId, change)));
      await this.ledger.record(tx, await this.withShares(tx, ledger));
      tx.audit({
        action: 'resolution.recorded',
        objectType: 'resolution',
        objectId: resolutionId,
        after: {
          body: request.body,
          number: request.number,
          adoptedOn: request.adoptedOn,
          withoutCommissionReason,
          agreementsChanged: agreementChanges.map((c) => ({ agreementId: c.agreement.id, from: c.agreement.amount.toString(), to: c.amount.toString() })),
          decisions: decisions.map((d) => ({ applicationId: d.applicationId, outcome: d.outcome, amount: d.amount.toString(), supersedesId: d.supersedesId })),
        },
      });
      for (const d of decisions) tx.emit({ type: 'award.decided', aggregateType: 'application', aggregateId: d.applicationId, payload: { decisionId: d.id } });
      return {
        resolutionId,
        decisions: decisions.map((d) => ({ id: d.id, applicationId: d.applicationId, outcome: d.outcome, amount: d.amount.toString(), supersedesId: d.supersedesId })),
      };
    });
  }

  /**
   * The agreement follows the effective decision (approved = contracted): a lower or higher amount
   * refits its tranches from the last one, a rejection voids it. What the ledger holds as contracted
   * moves with it once the agreement is signed. Returns the ledger events to record.
   */
  private async followDecision(tx: Tx, callId: string, change: { agreement: Agreement; amount: Money; decision: AwardDecision; budgetAreaId: string }): Promise<LedgerEvent[]> {
    const { agreement, amount, decision } = change;
    const voided = amount.isZero();
    const tranches = voided ? agreement.tranches : refitTranches(agreement.tranches, amount);
    await tx.manager.update(
      Agreement,
      { id: agreement.id },
      voided
        ? { status: 'void', decisionId: decision.id, updatedAt: tx.now, rowVersion: agreement.rowVersion + 1 }
        : { amount, tranches, decisionId: decision.id, documentStorageKey: null, updatedAt: tx.now, rowVersion: agreement.rowVersion + 1 },
    );
    tx.audit({
      action: voided ? 'agreement.voided_by_decision' : 'agreement.amount_changed_by_decision',
      objectType: 'agreement',
      objectId: agreement.id,
      before: { amount: agreement.amount.toString(), status: agreement.status, tranches: agreement.tranches },
      after: { decisionId: decision.id, amount: voided ? '0.00' : amount.toString(), tranches },
    });
    if (agreement.status !== 'signed' && agreement.status !== 'effective') return [];
    const delta = (voided ? Money.ZERO : amount).subtract(agreement.amount);
    return [
      { kind: 'contracted', callId, budgetAreaId: change.budgetAreaId, applicationId: agreement.applicationId, amount: delta, sourceType: 'award_decision', sourceId: decision.id },
    ];
  }

  /** Allocation, approved and remaining, per area and for the call: what the guards hold. */
  async funding(callId: string) {
    const areas = await this.dataSource.query<{ id: string; code: string; name: string; allocation: string; approved: string }[]>(
      `SELECT b.id, b.code, b.name, b.allocation, coalesce(f.approved, 0) AS approved FROM call_budget_area b LEFT JOIN area_funding f ON f.budget_area_id = b.id WHERE b.call_id = $1 ORDER BY b.position`,
      [callId],
    );
    const [call] = await this.dataSource.query<{ total_allocation: string; approved: string }[]>(
      `SELECT g.total_allocation, coalesce(f.approved, 0) AS approved FROM grant_call g LEFT JOIN call_funding f ON f.call_id = g.id WHERE g.id = $1`,
      [callId],
    );
    if (!call) throw DomainError.notFound('call', callId);
    const view = (allocation: string, approved: string) => ({
      allocation: Money.parse(allocation).toString(),
      approved: Money.parse(approved).toString(),
      remaining: Money.parse(allocation).subtract(Money.parse(approved)).toString(),
    });
    return { call: view(call.total_allocation, call.approved), areas: areas.map((a) => ({ budgetAreaId: a.id, code: a.code, name: a.name, ...view(a.allocation, a.approved) })) };
  }

  /**
   * Every decision of the call (in force or superseded), with what a change would touch: the agreement and the
   * money paid or ordered on it, and the decision letter (its file name for the preview) with the record of its sending:
   * one delivery per member of the applicant organisation, `queued` until the worker has handled the decision.
   */
  async decisions(callId: string): Promise<DecisionView[]> {
    // Column aliases are the JSON names (camelCase).
    const rows = await this.dataSource.query<(Omit<DecisionView, 'letter'> & { letterProcessed: boolean | null; deliveries: DecisionView['letter']['deliveries'] | null })[]>(
      `SELECT d.id, d.application_id AS "applicationId", a.number, o.name AS applicant, b.code AS "budgetAreaCode", d.outcome, d.amount, d.requested_amount AS "requestedAmount",
              d.conditions, d.reason, d.supersedes_id AS "supersedesId", d.decided_at AS "decidedAt", d.resolution_id AS "resolutionId", r.body, r.number AS resolution,
              r.adopted_on::text AS "adoptedOn", NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id) AS effective,
              CASE WHEN g.id IS NULL THEN NULL ELSE json_build_object('id', g.id, 'number', g.number, 'status', g.status, 'amount', g.amount::text, 'committed', g.committed::text,
                'paid', (SELECT coalesce(sum(p.amount), 0)::numeric(14,2)::text FROM payment p WHERE p.agreement_id = g.id AND p.status = 'paid')) END AS agreement,
              (SELECT e.processed_at IS NOT NULL FROM outbox_event e
                WHERE e.type = 'award.decided' AND e.payload->>'decisionId' = d.id::text LIMIT 1) AS "letterProcessed",
              (SELECT json_agg(json_build_object('recipient', u.email, 'name', u.display_name, 'status', nt.email_status, 'sentAt', nt.email_sent_at) ORDER BY u.email)
                 FROM outbox_event e JOIN notification nt ON nt.source_event_id = e.id JOIN app_user u ON u.id = nt.user_id
                WHERE e.type = 'award.decided' AND e.payload->>'decisionId' = d.id::text
                  AND nt.kind IN ('award_approved', 'award_rejected')) AS deliveries
         FROM award_decision d JOIN resolution r ON r.id = d.resolution_id JOIN application a ON a.id = d.application_id JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN call_budget_area b ON b.id = a.budget_area_id
         LEFT JOIN agreement g ON g.application_id = d.application_id AND g.status <> 'void'
        WHERE r.call_id = $1 ORDER BY a.number, d.decided_at`,
      [callId],
    );
    return rows.map(({ letterProcessed, deliveries, ...row }) => {
      const list = (deliveries ?? []).map((x) => ({ ...x, sentAt: x.sentAt ? new Date(x.sentAt) : null }));
      const status: DecisionView['letter']['status'] = !letterProcessed
        ? 'queued'
        : list.length === 0
          ? 'no_recipients'
          : list.every((x) => x.status === 'sent')
            ? 'sent'
            : list.some((x) => x.status === 'dead')
              ? 'failed'
              : 'sending';
      return {
        ...row,
        amount: Money.parse(row.amount).toString(),
        requestedAmount: Money.parse(row.requestedAmount).toString(),
        letter: {
          kind: row.outcome === 'approved' ? 'approval' : 'rejection',
          fileName: decisionLetterFileName(row),
          status,
          sentAt: status === 'sent' ? new Date(Math.max(...list.map((x) => x.sentAt!.getTime()))) : null,
          deliveries: list,
        },
      };
    });
  }

  /** The decision letter as sent (kept by the worker), or, before it is sent, rendered from the decision as it will be. */
  async letter(decisionId: string): Promise<{ pdf: Readable; fileName: string }> {
    const [row] = await this.dataSource.query<(DecisionRow & { decided_at: Date })[]>(DECISION_ROW_SQL.replace('SELECT ', 'SELECT d.decided_at, '), [decisionId]);
    if (!row) throw DomainError.notFound('award_decision', decisionId);
    const key = decisionLetterKey(decisionId);
    if (await this.storage.exists(key)) return { pdf: await this.storage.get(key), fileName: decisionLetterFileName(row) };
    const { pdf, fileName } = await renderDecisionLetterPdf(this.dataSource.manager, decisionId, row, row.decided_at);
    return { pdf: Readable.from([pdf]), fileName };
  }

  /** First decisions of a call create its funding rows, with an "allocated" ledger entry per area. */
  private async ensureFunding(tx: Tx, callId: string): Promise<void> {
    const created = await tx.manager.query<{ budget_area_id: string; allocation: string }[]>(
      `INSERT INTO area_funding (budget_area_id, call_id, allocation, approved) SELECT id, call_id, allocation, 0 FROM call_budget_area WHERE call_id = $1
       ON CONFLICT (budget_area_id) DO NOTHING RETURNING budget_area_id, allocation`,
      [callId],
    );
    await tx.manager.query(
      `INSERT INTO call_funding (call_id, allocation, approved) SELECT id, total_allocation, 0 FROM grant_call WHERE id = $1 ON CONFLICT (call_id) DO NOTHING`,
      [callId],
    );
    await this.ledger.record(
      tx,
      created.map((row) => ({
        kind: 'allocated' as const,
        callId,
        budgetAreaId: row.budget_area_id,
        applicationId: null,
        amount: Money.parse(row.allocation),
        sourceType: 'call_budget_area',
        sourceId: row.budget_area_id,
      })),
    );
  }

  private async guardedAdd(tx: Tx, table: 'area_funding' | 'call_funding', key: string, id: string, delta: Money): Promise<void> {
    if (delta.isZero()) return;
    // The WHERE is re-checked on the latest row version after waiting for a concurrent update, so two
    // batches can never both pass on a stale balance; the CHECK constraint stands behind it.
    const rows = await tx.manager.query<[unknown[], number]>(
      `UPDATE ${table} SET approved = approved + $2::numeric WHERE ${key} = $1 AND approved + $2::numeric <= allocation AND approved + $2::numeric >= 0 RETURNING approved`,
      [id, delta.toString()],
    );
    if (rows[1] === 0) {
      const [state] = await tx.manager.query<{ allocation: string; approved: string }[]>(`SELECT allocation, approved FROM ${table} WHERE ${key} = $1`, [id]);
      const remaining = Money.parse(state.allocation).subtract(Money.parse(state.approved));
      throw DomainError.conflict(
        'ALLOCATION_EXCEEDED',
        {
          cs: `Schválení by překročilo alokaci ${table === 'area_funding' ? 'okruhu' : 'výzvy'}: zbývá ${remaining.format()}, žádá se ${delta.format()}.`,
          en: `The approval would exceed the ${table === 'area_funding' ? 'area' : 'call'} allocation: ${remaining.toString()} remains, ${delta.toString()} asked.`,
        },
        { scope: table === 'area_funding' ? 'budget_area' : 'call', id, allocation: state.allocation, approved: state.approved, requested: delta.toString() },
      );
    }
  }

  private async withShares(tx: Tx, events: LedgerEvent[]): Promise<LedgerEvent[]> {
    const ids = [...new Set(events.map((e) => e.applicationId).filter((id): id is string => !!id))];
    if (ids.length === 0) return events;
    const shares = await this.ledger.sharesOf(tx.manager, ids);
    return events.map((e) => ({ ...e, shares: e.applicationId ? shares.get(e.applicationId) : undefined }));
  }
}

/**
 * The allocation refusal with the rows it concerns: `applicationIds` (every row of the scope that asks for more money,
 * in the request's order) and `applicationId` / `decisionIndex`, the row at which the running total of the scope's
 * changes, in the request's order, first exceeds what remained.
 */
function withRowsOverAllocation(error: DomainError, rows: { index: number; applicationId: string; budgetAreaId: string; delta: Money }[]): DomainError {
  const details = error.details as { scope: 'budget_area' | 'call'; id: string; allocation: string; approved: string };
  const inScope = rows.filter((r) => details.scope === 'call' || r.budgetAreaId === details.id);
  const remaining = Money.parse(details.allocation).subtract(Money.parse(details.approved));
  let running = Money.ZERO;
  let crossing = inScope.filter((r) => r.delta.compare(Money.ZERO) > 0).at(-1);
  for (const row of inScope) {
    running = running.add(row.delta);
    if (running.compare(remaining) > 0 && row.delta.compare(Money.ZERO) > 0) {
      crossing = row;
      break;
    }
  }
  return new DomainError(error.code, error.kind, error.text, error.fields, {
    ...error.details,
    applicationIds: inScope.filter((r) => r.delta.compare(Money.ZERO) > 0).map((r) => r.applicationId),
    applicationId: crossing?.applicationId ?? null,
    decisionIndex: crossing?.index ?? null,
  });
}
