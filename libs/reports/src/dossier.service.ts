import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DomainError } from '#core';
import { UnitOfWork } from '#database';

/** A bank statement line as the dossier shows it beside what it paid: the bank's own reference and counterparty. */
export interface StatementLineView {
  id: string;
  status: string;
  statementId: string;
  statementFileName: string;
  importedAt: Date;
  entryRef: string;
  direction: string;
  amount: string;
  bookedOn: string;
  variableSymbol: string | null;
  endToEndId: string | null;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  message: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resolutionNote: string | null;
}

/**
 * Everything behind one project's money, in one answer for an auditor: the decisions with their
 * resolutions, the agreement and its amendments, the payments with the bank's confirmations (and the
 * statement line that confirmed each, as for returns and levies), the settlement with its cost documents and files, the returns, the breaches, the ledger totals, and the
 * audit-log entries of all of them (who did what, when).
 */
@Injectable()
export class DossierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async project(actor: Actor, applicationId: string) {
    // Column aliases are the JSON names (camelCase); every row has a declared shape.
    const q = <T>(sql: string, params: unknown[]) => this.dataSource.query<T[]>(sql, params);
    type FileRef = { id: string; fileName: string; sha256: string };
    const [application] = await q<{
      id: string;
      number: string;
      title: string | null;
      status: string;
      requested: string | null;
      organisation: string;
      ico: string;
      applicantType: string;
      callCode: string;
      year: number;
    }>(
      `SELECT a.id, a.number, a.title, a.status, a.requested_amount::text AS requested, o.name AS organisation, o.ico, o.type AS "applicantType", g.code AS "callCode", g.year
         FROM application a JOIN organisation o ON o.id = a.organisation_id JOIN grant_call g ON g.id = a.call_id WHERE a.id = $1`,
      [applicationId],
    );
    if (!application) throw DomainError.notFound('application', applicationId);
    // One after another: a dossier is read rarely, and each part is one indexed query.
    const activities = await q<{ code: string; name: string; shareBasisPoints: number }>(
      `SELECT n.code, n.name, aa.share_basis_points AS "shareBasisPoints" FROM application_activity aa JOIN strategy_node n ON n.id = aa.strategy_node_id WHERE aa.application_id = $1 ORDER BY aa.share_basis_points DESC`,
      [applicationId],
    );
    const decisions = await q<{
      id: string;
      outcome: string;
      amount: string;
      conditions: string[];
      reason: string | null;
      supersedesId: string | null;
      decidedAt: Date;
      resolutionId: string;
      body: string;
      resolution: string;
      adoptedOn: string;
      effective: boolean;
      resolutionFiles: FileRef[];
    }>(
      `SELECT d.id, d.outcome, d.amount::text AS amount, d.conditions, d.reason, d.supersedes_id AS "supersedesId", d.decided_at AS "decidedAt", r.id AS "resolutionId", r.body, r.number AS resolution, r.adopted_on::text AS "adoptedOn",
              NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id) AS effective,
              (SELECT coalesce(json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'sha256', f.sha256)), '[]') FROM record_file f WHERE f.owner_type = 'resolution' AND f.owner_id = r.id) AS "resolutionFiles"
         FROM award_decision d JOIN resolution r ON r.id = d.resolution_id WHERE d.application_id = $1 ORDER BY d.decided_at`,
      [applicationId],
    );
    const [agreement] = await q<{
      id: string;
      number: string;
      agreementVersion: number;
      status: string;
      amount: string;
      signedOn: string | null;
      signedCopySha256: string | null;
      publishedOn: string | null;
      registerId: string | null;
      amendments: { number: number; status: string; changes: string[]; signedOn: string | null; publishedOn: string | null }[];
    }>(
      `SELECT id, number, version AS "agreementVersion", status, amount::text AS amount, signed_on::text AS "signedOn", signed_copy_sha256 AS "signedCopySha256", published_on::text AS "publishedOn", register_id AS "registerId",
              (SELECT coalesce(json_agg(json_build_object('number', m.number, 'status', m.status, 'changes', m.changes, 'signedOn', m.signed_on, 'publishedOn', m.published_on) ORDER BY m.number), '[]')
                 FROM agreement_amendment m WHERE m.agreement_id = agreement.id) AS amendments
         FROM agreement WHERE application_id = $1`,
      [applicationId],
    );
    const payments = agreement
      ? await q<{
          id: string;
          trancheNo: number;
          amount: string;
          status: string;
          orderedBy: string;
          approvedBy: string | null;
          exportedAt: Date | null;
          bankReference: string | null;
          paidOn: string | null;
          holdReason: string | null;
        }>(
          `SELECT id, tranche_no AS "trancheNo", amount::text AS amount, status, ordered_by AS "orderedBy", approved_by AS "approvedBy", exported_at AS "exportedAt", bank_reference AS "bankReference",
                  paid_on::text AS "paidOn", hold_reason AS "holdReason" FROM payment WHERE agreement_id = $1 ORDER BY ordered_at`,
          [agreement.id],
        )
      : [];
    const [settlement] = agreement
      ? await q<{
          id: string;
          status: string;
          late: boolean;
          submittedAt: Date;
          report: { indicator: string; unit: string; promised: number; achieved: number }[];
          eligibleTotal: string | null;
          returnDue: string | null;
          returnDueDate: string | null;
          returned: string;
          closedAt: Date | null;
        }>(
          `SELECT id, status, late, submitted_at AS "submittedAt", report, eligible_total::text AS "eligibleTotal", return_due::text AS "returnDue", return_due_date::text AS "returnDueDate",
                  returned::text AS returned, closed_at AS "closedAt" FROM settlement WHERE agreement_id = $1`,
          [agreement.id],
        )
      : [];
    const costDocuments = settlement
      ? await q<{
          id: string;
          number: string;
          issuedOn: string;
          supplier: string;
          amount: string;
          paidOn: string;
          review: string | null;
          eligibleAmount: string | null;
          reviewReason: string | null;
          files: FileRef[];
        }>(
          `SELECT d.id, d.number, d.issued_on::text AS "issuedOn", d.supplier, d.amount::text AS amount, d.paid_on::text AS "paidOn", d.review, d.eligible_amount::text AS "eligibleAmount", d.review_reason AS "reviewReason",
                  (SELECT coalesce(json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'sha256', f.sha256)), '[]') FROM record_file f WHERE f.owner_type = 'cost_document' AND f.owner_id = d.id) AS files
             FROM cost_document d WHERE d.settlement_id = $1 ORDER BY d.issued_on, d.number`,
          [settlement.id],
        )
      : [];
    const returns = settlement
      ? await q<{ amount: string; receivedOn: string; bankReference: string | null; late: boolean }>(
          `SELECT amount::text AS amount, received_on::text AS "receivedOn", bank_reference AS "bankReference", late FROM return_receipt WHERE settlement_id = $1 ORDER BY received_on`,
          [settlement.id],
        )
      : [];
    const breaches = agreement
      ? await q<{ id: string; description: string; status: string; breachDate: string; levy: string | null; penalty: string | null; paidOn: string | null }>(
          `SELECT id, description, status, breach_date::text AS "breachDate", levy::text AS levy, penalty::text AS penalty, paid_on::text AS "paidOn" FROM breach WHERE agreement_id = $1 ORDER BY created_at`,
          [agreement.id],
        )
      : [];
    // The bank's own record of each payment, return and levy: the statement line that confirmed or paid it
    // (matched by the import, or resolved by a person), with the statement it came in.
    const statementLines = await q<StatementLineView & { matchType: string; matchId: string }>(
      `SELECT l.match_type AS "matchType", l.match_id AS "matchId", l.id, l.status, s.statement_id AS "statementId", s.file_name AS "statementFileName", s.imported_at AS "importedAt",
              l.entry_ref AS "entryRef", l.direction, l.amount::text AS amount, l.booked_on::text AS "bookedOn", l.variable_symbol AS "variableSymbol", l.end_to_end_id AS "endToEndId",
              l.counterparty_name AS "counterpartyName", l.counterparty_account AS "counterpartyAccount", l.message, u.display_name AS "resolvedBy", l.resolved_at AS "resolvedAt",
              l.resolution_note AS "resolutionNote"
         FROM bank_statement_line l JOIN bank_statement s ON s.id = l.statement_id LEFT JOIN app_user u ON u.id = l.resolved_by
        WHERE l.match_id = ANY($1::uuid[]) AND l.status IN ('matched', 'resolved') ORDER BY l.booked_on, l.entry_ref`,
      [[...payments.map((p) => p.id), ...(settlement ? [settlement.id] : []), ...breaches.map((b) => b.id)]],
    );
    const lineOf = (matchType: string, matchId: string, reference?: string | null): StatementLineView | null => {
      const found = statementLines.find((l) => l.matchType === matchType && l.matchId === matchId && (reference === undefined || l.entryRef.slice(0, 60) === reference));
      if (!found) return null;
      const { matchType: _type, matchId: _id, ...line } = found;
      return line;
    };
    const ledger = await q<{ kind: string; total: string; events: number }>(
      `SELECT kind, sum(amount)::text AS total, count(DISTINCT event_id)::int AS events FROM ledger_entry WHERE application_id = $1 GROUP BY kind ORDER BY kind`,
      [applicationId],
    );
    const objectIds = [
      applicationId,
      ...decisions.map((d) => d.id),
      ...decisions.map((d) => d.resolutionId),
      agreement?.id,
      ...payments.map((p) => p.id),
      settlement?.id,
      ...breaches.map((b) => b.id),
      ...statementLines.filter((l) => l.status === 'resolved').map((l) => l.id),
    ].filter((id): id is string => !!id);
    const audit = await q<{
      seq: string;
      occurredAt: Date;
      action: string;
      objectType: string;
      objectId: string;
      actorUserId: string | null;
      actor: string | null;
      correlationId: string | null;
    }>(
      `SELECT l.seq, l.occurred_at AS "occurredAt", l.action, l.object_type AS "objectType", l.object_id AS "objectId", l.actor_user_id AS "actorUserId", u.display_name AS actor, l.correlation_id AS "correlationId"
         FROM audit_log l LEFT JOIN app_user u ON u.id = l.actor_user_id WHERE l.object_id = ANY($1::text[]) ORDER BY l.seq`,
      [[...new Set(objectIds)]],
    );
    await this.unitOfWork.run(actor, (tx) => tx.audit({ action: 'report.dossier_viewed', objectType: 'application', objectId: applicationId }));
    return {
      application,
      activities,
      decisions,
      agreement: agreement ?? null,
      payments: payments.map((p) => ({ ...p, statementLine: lineOf('payment', p.id) })),
      settlement: settlement
        ? { ...settlement, costDocuments, returns: returns.map((r) => ({ ...r, statementLine: lineOf('settlement', settlement.id, r.bankReference) })) }
        : null,
      breaches: breaches.map((b) => ({ ...b, statementLine: lineOf('breach', b.id) })),
      ledger,
      audit,
    };
  }
}
