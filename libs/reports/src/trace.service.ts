import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, addDays, DomainError, Money, pragueInstant } from '#core';
import { UnitOfWork } from '#database';
import { LEDGER_KINDS } from '#ledger';
import type { LedgerKind } from '#ledger';
import type { TraceProjectsQuery, TraceQuery } from './dto.js';

export type KindTotals = Record<Exclude<LedgerKind, 'allocated'>, string>;

/** The source types of the entries that cancel an ended application's "requested" (see ApplicationStore.changeStatus). */
const ENDED_SOURCES = ['application_excluded', 'application_withdrawn'];

const TRACED_KINDS = LEDGER_KINDS.filter((k): k is Exclude<LedgerKind, 'allocated'> => k !== 'allocated');

/**
 * Where the money for a node of the strategy went: every figure is a sum over `ledger_entry` (the
 * parts of each money event that serve the node's activities), never a second copy that could drift.
 * Allocations belong to calls and areas, not to activities, so a node has none. Every run is audited:
 * who looked at what.
 */
@Injectable()
export class TraceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async node(actor: Actor, nodeId: string, query: TraceQuery) {
    const node = await this.requireNode(nodeId);
    const { where, params } = this.filters(query, 3);
    const [totals, counts] = [
      await this.dataSource.query<{ kind: Exclude<LedgerKind, 'allocated'>; total: string }[]>(
        `WITH RECURSIVE sub AS (SELECT id FROM strategy_node WHERE id = $1 UNION ALL SELECT n.id FROM strategy_node n JOIN sub ON n.parent_id = sub.id)
         SELECT l.kind, sum(l.amount)::text AS total
           FROM ledger_entry l JOIN application a ON a.id = l.application_id JOIN organisation o ON o.id = a.organisation_id
           JOIN grant_call g ON g.id = l.call_id LEFT JOIN call_budget_area b ON b.id = l.budget_area_id
          WHERE l.activity_id IN (SELECT id FROM sub) AND l.kind <> $2 ${where}
          GROUP BY l.kind`,
        [nodeId, 'allocated', ...params],
      ),
      (
        await this.dataSource.query<{ projects: number; organisations: number }[]>(
          `WITH RECURSIVE sub AS (SELECT id FROM strategy_node WHERE id = $1 UNION ALL SELECT n.id FROM strategy_node n JOIN sub ON n.parent_id = sub.id),
         approved AS (
           SELECT l.application_id, a.organisation_id FROM ledger_entry l JOIN application a ON a.id = l.application_id JOIN organisation o ON o.id = a.organisation_id
             JOIN grant_call g ON g.id = l.call_id LEFT JOIN call_budget_area b ON b.id = l.budget_area_id
            WHERE l.activity_id IN (SELECT id FROM sub) AND l.kind = $2 ${where}
            GROUP BY l.application_id, a.organisation_id HAVING sum(l.amount) > 0)
         SELECT count(*)::int AS projects, count(DISTINCT organisation_id)::int AS organisations FROM approved`,
          [nodeId, 'approved', ...params],
        )
      )[0],
    ];
    // What applications out of the running (excluded, withdrawn) asked: their "requested" was cancelled, so it shows here, apart.
    const [ended] = await this.dataSource.query<{ total: string }[]>(
      `WITH RECURSIVE sub AS (SELECT id FROM strategy_node WHERE id = $1 UNION ALL SELECT n.id FROM strategy_node n JOIN sub ON n.parent_id = sub.id)
       SELECT coalesce(-sum(l.amount), 0)::text AS total
         FROM ledger_entry l JOIN application a ON a.id = l.application_id JOIN organisation o ON o.id = a.organisation_id
         JOIN grant_call g ON g.id = l.call_id LEFT JOIN call_budget_area b ON b.id = l.budget_area_id
        WHERE l.activity_id IN (SELECT id FROM sub) AND l.kind = 'requested' AND l.source_type = ANY($2::text[]) ${where}`,
      [nodeId, ENDED_SOURCES, ...params],
    );
    const amounts = Object.fromEntries(TRACED_KINDS.map((k) => [k, Money.ZERO.toString()])) as KindTotals;
    for (const row of totals) amounts[row.kind] = Money.parse(row.total).toString();
    await this.audited(actor, 'report.trace_viewed', nodeId, query);
    return {
      node,
      filters: query,
      amounts,
      requestedByEndedApplications: Money.parse(ended.total).toString(),
      supportedProjects: counts.projects,
      supportedOrganisations: counts.organisations,
    };
  }

  /**
   * Every activity of a strategy version with its totals under the filters, in one query: the portal's tree
   * sums them up to the measures, sub-goals, areas and priorities (the same sums `node` makes one node at a time).
   */
  async activities(actor: Actor, versionId: string, query: TraceQuery) {
    const [version] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM strategy_version WHERE id = $1`, [versionId]);
    if (!version) throw DomainError.notFound('strategy_version', versionId);
    const { where, params } = this.filters(query, 3);
    const rows = await this.dataSource.query<{ activity_id: string; kind: Exclude<LedgerKind, 'allocated'>; total: string }[]>(
      `SELECT l.activity_id, l.kind, sum(l.amount)::text AS total
         FROM ledger_entry l JOIN strategy_node n ON n.id = l.activity_id JOIN application a ON a.id = l.application_id JOIN organisation o ON o.id = a.organisation_id
         JOIN grant_call g ON g.id = l.call_id LEFT JOIN call_budget_area b ON b.id = l.budget_area_id
        WHERE n.version_id = $1 AND l.kind <> $2 ${where}
        GROUP BY l.activity_id, l.kind`,
      [versionId, 'allocated', ...params],
    );
    const byActivity = new Map<string, KindTotals>();
    for (const row of rows) {
      const amounts = byActivity.get(row.activity_id) ?? (Object.fromEntries(TRACED_KINDS.map((k) => [k, Money.ZERO.toString()])) as KindTotals);
      amounts[row.kind] = Money.parse(row.total).toString();
      byActivity.set(row.activity_id, amounts);
    }
    await this.audited(actor, 'report.trace_viewed', versionId, query);
    return { versionId, filters: query, activities: [...byActivity].map(([activityId, amounts]) => ({ activityId, amounts })) };
  }

  /** The projects behind a node's figures, each with its own totals and the ids to drill further (decisions, agreement). */
  async projects(actor: Actor, nodeId: string, query: TraceProjectsQuery) {
    await this.requireNode(nodeId);
    const { where, params } = this.filters(query, 2);
    const offset = (query.page - 1) * query.pageSize;
    const rows = await this.dataSource.query<
      {
        id: string;
        number: string;
        title: string | null;
        organisation: string;
        ico: string;
        applicant_type: string;
        call_code: string;
        amounts: Record<string, string>;
        total_count: string;
        agreement_id: string | null;
      }[]
    >(
      `WITH RECURSIVE sub AS (SELECT id FROM strategy_node WHERE id = $1 UNION ALL SELECT n.id FROM strategy_node n JOIN sub ON n.parent_id = sub.id)
       SELECT a.id, a.number, a.title, o.name AS organisation, o.ico, o.type AS applicant_type, g.code AS call_code,
              jsonb_object_agg(l.kind, l.total) AS amounts, count(*) OVER () AS total_count,
              (SELECT g2.id FROM agreement g2 WHERE g2.application_id = a.id) AS agreement_id
         FROM (SELECT l.application_id, l.kind, sum(l.amount)::text AS total
                 FROM ledger_entry l JOIN application a ON a.id = l.application_id JOIN organisation o ON o.id = a.organisation_id
                 JOIN grant_call g ON g.id = l.call_id LEFT JOIN call_budget_area b ON b.id = l.budget_area_id
                WHERE l.activity_id IN (SELECT id FROM sub) ${where}
                GROUP BY l.application_id, l.kind) AS l
         JOIN application a ON a.id = l.application_id JOIN organisation o ON o.id = a.organisation_id JOIN grant_call g ON g.id = a.call_id
        GROUP BY a.id, a.number, a.title, o.name, o.ico, o.type, g.code
        ORDER BY a.number LIMIT ${query.pageSize} OFFSET ${offset}`,
      [nodeId, ...params],
    );
    await this.audited(actor, 'report.trace_projects_viewed', nodeId, query);
    return {
      items: rows.map((r) => ({
        applicationId: r.id,
        number: r.number,
        title: r.title,
        organisation: r.organisation,
        ico: r.ico,
        applicantType: r.applicant_type,
        callCode: r.call_code,
        agreementId: r.agreement_id,
        amounts: Object.fromEntries(TRACED_KINDS.map((k) => [k, r.amounts[k] ? Money.parse(r.amounts[k]).toString() : '0.00'])),
      })),
      page: query.page,
      pageSize: query.pageSize,
      total: Number(rows[0]?.total_count ?? 0),
    };
  }

  /** The ledger entries behind one project's figure for the node: each with what caused it and who. */
  async entries(actor: Actor, nodeId: string, applicationId: string) {
    await this.requireNode(nodeId);
    const rows = await this.dataSource.query<
      {
        id: string;
        eventId: string;
        kind: string;
        occurredAt: Date;
        amount: string;
        activityId: string;
        activityCode: string;
        sourceType: string;
        sourceId: string;
        actorUserId: string | null;
        actor: string | null;
        correlationId: string | null;
      }[]
    >(
      `WITH RECURSIVE sub AS (SELECT id FROM strategy_node WHERE id = $1 UNION ALL SELECT n.id FROM strategy_node n JOIN sub ON n.parent_id = sub.id)
       SELECT l.id, l.event_id AS "eventId", l.kind, l.occurred_at AS "occurredAt", l.amount::text AS amount, l.activity_id AS "activityId", n.code AS "activityCode",
              l.source_type AS "sourceType", l.source_id AS "sourceId", l.actor_user_id AS "actorUserId", u.display_name AS actor, l.correlation_id AS "correlationId"
         FROM ledger_entry l JOIN strategy_node n ON n.id = l.activity_id LEFT JOIN app_user u ON u.id = l.actor_user_id
        WHERE l.application_id = $2 AND l.activity_id IN (SELECT id FROM sub)
        ORDER BY l.occurred_at, l.kind, n.code`,
      [nodeId, applicationId],
    );
    await this.audited(actor, 'report.trace_entries_viewed', applicationId, { nodeId });
    return rows;
  }

  private async requireNode(nodeId: string) {
    const [node] = await this.dataSource.query<{ id: string; level: string; code: string; name: string; version_id: string }[]>(
      `SELECT id, level, code, name, version_id FROM strategy_node WHERE id = $1`,
      [nodeId],
    );
    if (!node) throw DomainError.notFound('strategy_node', nodeId);
    return { id: node.id, level: node.level, code: node.code, name: node.name, versionId: node.version_id };
  }

  /** The filters as SQL over the aliases l (ledger), o (organisation), g (call), b (area), numbered from `first`. */
  private filters(query: TraceQuery, first: number): { where: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(clause(`$${first + params.length - 1}`));
    };
    if (query.year !== undefined) add((p) => `g.year = ${p}`, query.year);
    if (query.callId) add((p) => `g.id = ${p}::uuid`, query.callId);
    if (query.budgetArea) add((p) => `b.code = ${p}`, query.budgetArea);
    if (query.applicantType) add((p) => `o.type = ${p}`, query.applicantType);
    if (query.districtId) add((p) => `o.id = ${p}::uuid`, query.districtId);
    if (query.from) add((p) => `l.occurred_at >= ${p}`, pragueInstant(query.from));
    if (query.to) add((p) => `l.occurred_at < ${p}`, pragueInstant(addDays(query.to, 1)));
    return { where: clauses.map((c) => `AND ${c}`).join(' '), params };
  }

  /** Reading is not a change of state, but auditors must see who looked at what: the read is logged like one. */
  private async audited(actor: Actor, action: string, objectId: string, query: object): Promise<void> {
    await this.unitOfWork.run(actor, (tx) => {
      tx.audit({ action, objectType: 'report', objectId, after: query });
    });
  }
}
