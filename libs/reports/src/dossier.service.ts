import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DomainError } from '#core';
import { UnitOfWork } from '#database';

/**
 * Everything behind one project's money, in one answer for an auditor: the decisions with their
 * resolutions, the agreement and its amendments, the payments with the bank's confirmations, the
 * settlement with its cost documents and files, the returns, the breaches, the ledger totals, and the
 * audit-log entries of all of them (who did what, when).
 */
@Injectable()
export class DossierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async project(actor: Actor, applicationId: string) {
    const q = <T>(sql: string, params: unknown[]) => this.dataSource.query<T[]>(sql, params);
    const [application] = await q<Record<string, unknown>>(
      `SELECT a.id, a.number, a.title, a.status, a.requested_amount::text AS requested, o.name AS organisation, o.ico, o.type AS applicant_type, g.code AS call_code, g.year
         FROM application a JOIN organisation o ON o.id = a.organisation_id JOIN grant_call g ON g.id = a.call_id WHERE a.id = $1`,
      [applicationId],
    );
    if (!application) throw DomainError.notFound('application', applicationId);
    // One after another: a dossier is read rarely, and each part is one indexed query.
    const activities = await q(`SELECT n.code, n.name, aa.share_basis_points FROM application_activity aa JOIN strategy_node n ON n.id = aa.strategy_node_id WHERE aa.application_id = $1 ORDER BY aa.share_basis_points DESC`, [applicationId]);
    const decisions = await q<{ id: string; resolution_id: string }>(
      `SELECT d.id, d.outcome, d.amount::text AS amount, d.conditions, d.reason, d.supersedes_id, d.decided_at, r.id AS resolution_id, r.body, r.number AS resolution, r.adopted_on::text AS adopted_on,
              NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id) AS effective,
              (SELECT coalesce(json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'sha256', f.sha256)), '[]') FROM record_file f WHERE f.owner_type = 'resolution' AND f.owner_id = r.id) AS resolution_files
         FROM award_decision d JOIN resolution r ON r.id = d.resolution_id WHERE d.application_id = $1 ORDER BY d.decided_at`,
      [applicationId],
    );
    const [agreement] = await q<{ id: string }>(
      `SELECT id, number, version, status, amount::text AS amount, signed_on::text AS signed_on, signed_copy_sha256, published_on::text AS published_on, register_id,
              (SELECT coalesce(json_agg(json_build_object('number', m.number, 'status', m.status, 'changes', m.changes, 'signedOn', m.signed_on, 'publishedOn', m.published_on) ORDER BY m.number), '[]')
                 FROM agreement_amendment m WHERE m.agreement_id = agreement.id) AS amendments
         FROM agreement WHERE application_id = $1`,
      [applicationId],
    );
    const payments = agreement
      ? await q<{ id: string }>(`SELECT id, tranche_no, amount::text AS amount, status, ordered_by, approved_by, exported_at, bank_reference, paid_on::text AS paid_on, hold_reason FROM payment WHERE agreement_id = $1 ORDER BY ordered_at`, [agreement.id])
      : [];
    const [settlement] = agreement
      ? await q<{ id: string }>(`SELECT id, status, late, submitted_at, report, eligible_total::text AS eligible_total, return_due::text AS return_due, return_due_date::text AS return_due_date, returned::text AS returned, closed_at FROM settlement WHERE agreement_id = $1`, [agreement.id])
      : [];
    const costDocuments = settlement
      ? await q<{ id: string }>(
          `SELECT d.id, d.number, d.issued_on::text AS issued_on, d.supplier, d.amount::text AS amount, d.paid_on::text AS paid_on, d.review, d.eligible_amount::text AS eligible_amount, d.review_reason,
                  (SELECT coalesce(json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'sha256', f.sha256)), '[]') FROM record_file f WHERE f.owner_type = 'cost_document' AND f.owner_id = d.id) AS files
             FROM cost_document d WHERE d.settlement_id = $1 ORDER BY d.issued_on, d.number`,
          [settlement.id],
        )
      : [];
    const returns = settlement ? await q(`SELECT amount::text AS amount, received_on::text AS received_on, bank_reference, late FROM return_receipt WHERE settlement_id = $1 ORDER BY received_on`, [settlement.id]) : [];
    const breaches = agreement ? await q<{ id: string }>(`SELECT id, description, status, breach_date::text AS breach_date, levy::text AS levy, penalty::text AS penalty, paid_on::text AS paid_on FROM breach WHERE agreement_id = $1 ORDER BY created_at`, [agreement.id]) : [];
    const ledger = await q(`SELECT kind, sum(amount)::text AS total, count(DISTINCT event_id)::int AS events FROM ledger_entry WHERE application_id = $1 GROUP BY kind ORDER BY kind`, [applicationId]);
    const objectIds = [applicationId, ...decisions.map((d) => d.id), ...decisions.map((d) => d.resolution_id), agreement?.id, ...payments.map((p) => p.id), settlement?.id, ...breaches.map((b) => b.id)].filter((id): id is string => !!id);
    const audit = await q(
      `SELECT l.seq, l.occurred_at, l.action, l.object_type, l.object_id, l.actor_user_id, u.display_name AS actor, l.correlation_id
         FROM audit_log l LEFT JOIN app_user u ON u.id = l.actor_user_id WHERE l.object_id = ANY($1::text[]) ORDER BY l.seq`,
      [[...new Set(objectIds)]],
    );
    await this.unitOfWork.run(actor, (tx) => tx.audit({ action: 'report.dossier_viewed', objectType: 'application', objectId: applicationId }));
    return { application, activities, decisions, agreement: agreement ?? null, payments, settlement: settlement ? { ...settlement, costDocuments, returns } : null, breaches, ledger, audit };
  }
}
