import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, csvRow, DomainError, Money } from '#core';
import { UnitOfWork } from '#database';
import { renderFulfilmentReport } from '#documents';
import type { FulfilmentActivity, FulfilmentPriority } from '#documents';

export interface FulfilmentReport {
  actionPlan: { id: string; title: string; year: number | null };
  generatedAt: Date;
  filters: { callId?: string };
  priorities: FulfilmentPriority[];
  activities: FulfilmentActivity[];
  totals: { supportedProjects: number; approved: string; paid: string; settled: string };
}

/**
 * The grant programme's part of the "Zpráva o naplňování Koncepce": for each activity of an action
 * plan funded through the programme, what its indicators ask for against what was supported (projects,
 * money from the ledger) and what the projects reported in their settlements. A project serving two
 * activities counts for both (each activity's view of its projects); the money is split, never doubled.
 */
@Injectable()
export class FulfilmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async report(actor: Actor, versionId: string, filters: { callId?: string }): Promise<FulfilmentReport> {
    const [version] = await this.dataSource.query<{ id: string; title: string; year: number | null }[]>(`SELECT id, title, year FROM strategy_version WHERE id = $1`, [versionId]);
    if (!version) throw DomainError.notFound('strategy_version', versionId);
    const callFilter = filters.callId ? 'AND l.call_id = $2::uuid' : '';
    const params = filters.callId ? [versionId, filters.callId] : [versionId];
    const activities = await this.dataSource.query<
      { id: string; code: string; name: string; indicators: string[]; priority_code: string; approved: string; paid: string; settled: string }[]
    >(
      `WITH RECURSIVE up AS (
         SELECT n.id AS activity_id, n.id, n.parent_id, n.level, n.code FROM strategy_node n WHERE n.version_id = $1 AND n.level = 'activity' AND n.funded_by_grant_programme
         UNION ALL SELECT up.activity_id, p.id, p.parent_id, p.level, p.code FROM up JOIN strategy_node p ON p.id = up.parent_id)
       SELECT n.id, n.code, n.name, coalesce(n.activity -> 'indicators', '[]') AS indicators, pr.code AS priority_code,
              coalesce(sum(l.amount) FILTER (WHERE l.kind = 'approved'), 0)::text AS approved,
              coalesce(sum(l.amount) FILTER (WHERE l.kind = 'paid'), 0)::text AS paid,
              coalesce(sum(l.amount) FILTER (WHERE l.kind = 'settled'), 0)::text AS settled
         FROM strategy_node n JOIN up pr ON pr.activity_id = n.id AND pr.level = 'priority'
         LEFT JOIN ledger_entry l ON l.activity_id = n.id ${callFilter}
        WHERE n.version_id = $1 AND n.level = 'activity' AND n.funded_by_grant_programme
        GROUP BY n.id, n.code, n.name, n.activity, pr.code, n.position ORDER BY n.position, n.code`,
      params,
    );
    const projects = await this.dataSource.query<{ activity_id: string; application_id: string }[]>(
      `SELECT l.activity_id, l.application_id FROM ledger_entry l JOIN strategy_node n ON n.id = l.activity_id
        WHERE n.version_id = $1 AND l.kind = 'approved' ${callFilter} GROUP BY l.activity_id, l.application_id HAVING sum(l.amount) > 0`,
      params,
    );
    const outputs = await this.dataSource.query<{ activity_id: string; indicator: string; unit: string; promised: string; achieved: string }[]>(
      `SELECT aa.strategy_node_id AS activity_id, item ->> 'indicator' AS indicator, item ->> 'unit' AS unit,
              sum((item ->> 'promised')::bigint)::text AS promised, sum((item ->> 'achieved')::bigint)::text AS achieved
         FROM settlement s JOIN agreement g ON g.id = s.agreement_id JOIN application a ON a.id = g.application_id
         JOIN application_activity aa ON aa.application_id = a.id JOIN strategy_node n ON n.id = aa.strategy_node_id
         CROSS JOIN LATERAL jsonb_array_elements(s.report) AS item
        WHERE n.version_id = $1 ${filters.callId ? 'AND a.call_id = $2::uuid' : ''}
        GROUP BY aa.strategy_node_id, item ->> 'indicator', item ->> 'unit' ORDER BY 2, 3`,
      params,
    );
    const priorities = await this.dataSource.query<{ code: string; name: string }[]>(
      `SELECT code, name FROM strategy_node WHERE version_id = $1 AND level = 'priority' ORDER BY position, code`,
      [versionId],
    );

    const projectsOf = new Map<string, Set<string>>();
    for (const p of projects) projectsOf.set(p.activity_id, (projectsOf.get(p.activity_id) ?? new Set()).add(p.application_id));
    const rows: FulfilmentActivity[] = activities.map((a) => ({
      code: a.code,
      name: a.name,
      priorityCode: a.priority_code,
      indicators: a.indicators,
      supportedProjects: projectsOf.get(a.id)?.size ?? 0,
      approved: Money.parse(a.approved).toString(),
      paid: Money.parse(a.paid).toString(),
      settled: Money.parse(a.settled).toString(),
      outputs: outputs.filter((o) => o.activity_id === a.id).map((o) => ({ indicator: o.indicator, unit: o.unit, promised: Number(o.promised), achieved: Number(o.achieved) })),
    }));
    const sum = (values: string[]) => Money.sum(values.map((v) => Money.parse(v))).toString();
    const report: FulfilmentReport = {
      actionPlan: version,
      generatedAt: new Date(),
      filters,
      priorities: priorities.map((p) => {
        const own = rows.filter((r) => r.priorityCode === p.code);
        return { code: p.code, name: p.name, approved: sum(own.map((r) => r.approved)), paid: sum(own.map((r) => r.paid)) };
      }),
      activities: rows,
      totals: {
        supportedProjects: new Set(projects.map((p) => p.application_id)).size,
        approved: sum(rows.map((r) => r.approved)),
        paid: sum(rows.map((r) => r.paid)),
        settled: sum(rows.map((r) => r.settled)),
      },
    };
    await this.unitOfWork.run(actor, (tx) => tx.audit({ action: 'report.fulfilment_viewed', objectType: 'report', objectId: versionId, after: filters }));
    return report;
  }

  /**
   * What each funded activity of a strategy version has received so far, for the public strategy browser:
   * the approved and paid money from the ledger (public facts, as in the open data), no projects or people.
   */
  async publicFunding(versionId: string): Promise<{ versionId: string; activities: { nodeId: string; code: string; approved: string; paid: string }[] }> {
    const [version] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM strategy_version WHERE id = $1`, [versionId]);
    if (!version) throw DomainError.notFound('strategy_version', versionId);
    const rows = await this.dataSource.query<{ id: string; code: string; approved: string; paid: string }[]>(
      `SELECT n.id, n.code,
              coalesce(sum(l.amount) FILTER (WHERE l.kind = 'approved'), 0)::text AS approved,
              coalesce(sum(l.amount) FILTER (WHERE l.kind = 'paid'), 0)::text AS paid
         FROM strategy_node n LEFT JOIN ledger_entry l ON l.activity_id = n.id
        WHERE n.version_id = $1 AND n.level = 'activity' AND n.funded_by_grant_programme
        GROUP BY n.id, n.code, n.position ORDER BY n.position, n.code`,
      [versionId],
    );
    return { versionId, activities: rows.map((r) => ({ nodeId: r.id, code: r.code, approved: Money.parse(r.approved).toString(), paid: Money.parse(r.paid).toString() })) };
  }

  /** The report as the official PDF, with the chart of money per priority. */
  async pdf(actor: Actor, versionId: string, filters: { callId?: string }): Promise<Buffer> {
    const report = await this.report(actor, versionId, filters);
    const [call] = filters.callId ? await this.dataSource.query<{ code: string }[]>('SELECT code FROM grant_call WHERE id = $1', [filters.callId]) : [];
    return renderFulfilmentReport({
      actionPlan: { title: report.actionPlan.title, year: report.actionPlan.year },
      generatedAt: report.generatedAt,
      filters: call ? [`Výzva: ${call.code}`] : [],
      priorities: report.priorities,
      activities: report.activities,
      totals: report.totals,
    });
  }

  /** One row per activity and reported indicator (an activity without outputs has one row with empty output columns); the caller computes the report first, so a missing plan is a 404, not a broken download. */
  *csv(report: FulfilmentReport): Generator<string> {
    yield (
      '\uFEFF' +
      csvRow([
        'aktivita',
        'nazev',
        'priorita',
        'ukazatele_akcniho_planu',
        'podporene_projekty',
        'schvaleno',
        'vyplaceno',
        'vyuctovano',
        'vykazany_ukazatel',
        'jednotka',
        'slibeno',
        'dosazeno',
      ])
    );
    for (const a of report.activities) {
      const base = [
        a.code,
        a.name,
        a.priorityCode,
        a.indicators.join(' | '),
        a.supportedProjects,
        a.approved.replace('.', ','),
        a.paid.replace('.', ','),
        a.settled.replace('.', ','),
      ];
      const outputs = a.outputs.length > 0 ? a.outputs : [null];
      for (const o of outputs) yield csvRow([...base, o?.indicator, o?.unit, o?.promised, o?.achieved]);
    }
  }
}
