import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '#access';
import { CallBudgetArea, CallCriterion, GrantCall } from '#calls';
import { Actor, csvRow, DomainError, Money } from '#core';
import { CommissionService } from './commission.service.js';
import { Commission, CommissionRecommendation, SessionDecision, StoredCriterionScore } from './entities.js';
import { toCriteria } from './review.service.js';
import { ApplicationScore, Criterion, rankArea, RankedApplication, Ratio, recommend, Recommendation, RankingCandidate, scoreApplication } from './scoring/index.js';

export interface AreaResult {
  code: string;
  name: string;
  allocation: string;
  ranking: (RankedApplication & {
    applicant: string;
    projectTitle: string;
    score: ScoreView;
    votes: { for: number; against: number; abstain: number };
  })[];
  recommendation: {
    lines: {
      rank: number;
      applicationId: string;
      applicationNumber: string;
      requested: string;
      eligible: string;
      recommended: string;
      remainingAfter: string;
      reasonCode: string;
      explanation: { cs: string; en: string };
    }[];
    recommendedTotal: string;
    remaining: string;
  };
}

export interface ScoreView {
  sheets: number;
  mean: string | null;
  median: string | null;
  spread: string | null;
  final: string | null;
  consensusReason: string | null;
  perCriterion: { criterionId: string; mean: string | null }[];
  failedThresholds: ApplicationScore['failedThresholds'];
  recommendable: boolean;
  flaggedForDiscussion: boolean;
}

export interface CommissionResults {
  commissionId: string;
  callId: string;
  sessionId: string | null;
  criteria: Criterion[];
  areas: AreaResult[];
}

/** Who has scored what: every member's load and every application's sheets, with the spread flags. */
export interface CommissionProgress {
  commissionId: string;
  reviewersPerApplication: number;
  members: { userId: string; displayName: string; assigned: number; submitted: number; draft: number; notStarted: number }[];
  applications: {
    applicationId: string;
    number: string;
    applicant: string;
    title: string | null;
    submitted: number;
    mean: string | null;
    spread: string | null;
    flagged: boolean;
    sheets: { userId: string; displayName: string; status: 'new' | 'draft' | 'submitted'; version: number; submittedAt: Date | null }[];
  }[];
}

interface CandidateRow {
  id: string;
  number: string;
  budget_area_code: string;
  requested_amount: string;
  last_submitted_at: Date;
  applicant: string;
  title: string | null;
}

const fmt = (r: Ratio | null) => (r ? r.toDecimalString(2) : null);

/**
 * Scores, ranking and the funding recommendation of a commission, computed from the submitted
 * sheets and what the latest session decided (consensus, cuts, adjustments, votes). Always computed,
 * never stored, until a session closes and freezes it; the arithmetic lives in ./scoring.
 */
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly commissions: CommissionService,
    private readonly access: AccessService,
  ) {}

  /**
   * What the applicant learns once the call is decided: the commission's final score, the mean per
   * criterion and the explanation of the recommended amount. Never who scored what.
   */
  async forApplicant(actor: Actor, applicationId: string) {
    const [application] = await this.dataSource.query<{ id: string; organisation_id: string; call_status: string; commission_id: string | null }[]>(
      `SELECT a.id, a.organisation_id, g.status AS call_status, c.id AS commission_id FROM application a JOIN grant_call g ON g.id = a.call_id
         LEFT JOIN commission c ON c.call_id = a.call_id WHERE a.id = $1`,
      [applicationId],
    );
    if (!application) throw DomainError.notFound('application', applicationId);
    await this.access.requireOrganisationObject(actor, 'read', { type: 'application', id: applicationId, organisationId: application.organisation_id });
    const recommendation = await this.dataSource.manager.findOneBy(CommissionRecommendation, { applicationId });
    if (!['decided', 'archived'].includes(application.call_status) || !recommendation || !application.commission_id) {
      throw DomainError.conflict('NOT_DECIDED_YET', {
        cs: 'Výsledek hodnocení zveřejňujeme až po rozhodnutí o dotacích z této výzvy.',
        en: 'The evaluation result is shown once the grants of this call are decided.',
      });
    }
    const results = await this.compute(application.commission_id);
    const ranked = results.areas.flatMap((a) => a.ranking).find((r) => r.applicationId === applicationId);
    return {
      applicationId,
      budgetAreaCode: recommendation.budgetAreaCode,
      rank: recommendation.rank,
      finalPoints: recommendation.finalPoints,
      perCriterion: results.criteria.map((c) => ({
        code: c.code,
        name: c.name,
        maxScore: c.maxScore,
        mean: ranked?.score.perCriterion.find((p) => p.criterionId === c.id)?.mean ?? null,
      })),
      recommendedAmount: recommendation.amount.toString(),
      explanation: { cs: recommendation.explanationCs, en: recommendation.explanationEn },
    };
  }

  /**
   * The progress of the scoring. Staff and auditors see every application; the chair (who reopens sheets)
   * those they are free of conflict with; other members are refused.
   */
  async progress(actor: Actor, commissionId: string): Promise<CommissionProgress> {
    const commission = await this.commissions.load(this.dataSource.manager, commissionId);
    const reader = await this.access.requireCommissionReader(actor, commissionId);
    if (reader === 'member' && commission.chairUserId !== actor.userId) {
      throw DomainError.forbidden('CHAIR_ONLY', {
        cs: 'Průběh hodnocení všech členů vidí jen předseda komise a tajemník.',
        en: 'Only the chair and the secretary see the progress of every member.',
      });
    }
    const rows = await this.dataSource.query<
      {
        id: string;
        number: string;
        applicant: string;
        title: string | null;
        user_id: string | null;
        display_name: string | null;
        status: string | null;
        version: number | null;
        submitted_at: Date | null;
      }[]
    >(
      `SELECT a.id, a.number, o.name AS applicant, a.title, ra.user_id, u.display_name, s.status, s.version, s.submitted_at
         FROM application a JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN review_assignment ra ON ra.application_id = a.id AND ra.commission_id = $1
         LEFT JOIN app_user u ON u.id = ra.user_id
         LEFT JOIN score_sheet s ON s.application_id = a.id AND s.user_id = ra.user_id AND s.status <> 'void'
        WHERE a.call_id = $2 AND a.status = 'accepted'
        ORDER BY a.number, u.display_name`,
      [commissionId, commission.callId],
    );
    const visible = reader === 'all' ? null : await this.access.conflictFreeApplicationIds(actor, commissionId, [...new Set(rows.map((r) => r.id))]);
    const results = await this.compute(commissionId);
    const scores = new Map(results.areas.flatMap((a) => a.ranking).map((r) => [r.applicationId, r.score]));
    const applications = new Map<string, CommissionProgress['applications'][number]>();
    for (const r of rows) {
      if (visible && !visible.has(r.id)) continue;
      let application = applications.get(r.id);
      if (!application) {
        const score = scores.get(r.id);
        application = {
          applicationId: r.id,
          number: r.number,
          applicant: r.applicant,
          title: r.title,
          submitted: 0,
          mean: score?.mean ?? null,
          spread: score?.spread ?? null,
          flagged: score?.flaggedForDiscussion ?? false,
          sheets: [],
        };
        applications.set(r.id, application);
      }
      if (!r.user_id) continue;
      const status = r.status === 'submitted' || r.status === 'draft' ? r.status : 'new';
      if (status === 'submitted') application.submitted += 1;
      application.sheets.push({ userId: r.user_id, displayName: r.display_name ?? '', status, version: r.version ?? 0, submittedAt: r.submitted_at });
    }
    const view = await this.commissions.get(actor, commissionId);
    const members = view.members.map((m) => {
      const sheets = [...applications.values()].flatMap((a) => a.sheets.filter((s) => s.userId === m.userId));
      return {
        userId: m.userId,
        displayName: m.displayName,
        assigned: sheets.length,
        submitted: sheets.filter((s) => s.status === 'submitted').length,
        draft: sheets.filter((s) => s.status === 'draft').length,
        notStarted: sheets.filter((s) => s.status === 'new').length,
      };
    });
    return { commissionId, reviewersPerApplication: commission.reviewersPerApplication, members, applications: [...applications.values()] };
  }

  async compute(commissionId: string, manager: EntityManager = this.dataSource.manager): Promise<CommissionResults> {
    const commission = await this.commissions.load(manager, commissionId);
    // One after another: inside a transaction they share one connection anyway.
    const call = await manager.findOneByOrFail(GrantCall, { id: commission.callId });
    const criteria = toCriteria(await manager.find(CallCriterion, { where: { callId: call.id }, order: { position: 'ASC' } }));
    const areas = await manager.find(CallBudgetArea, { where: { callId: call.id }, order: { position: 'ASC' } });
    const candidates = await manager.query<CandidateRow[]>(
      `SELECT a.id, a.number, b.code AS budget_area_code, a.requested_amount, a.last_submitted_at, o.name AS applicant, a.title
         FROM application a JOIN organisation o ON o.id = a.organisation_id LEFT JOIN call_budget_area b ON b.id = a.budget_area_id
        WHERE a.call_id = $1 AND a.status = 'accepted'`,
      [call.id],
    );
    const sheets = await manager.query<{ application_id: string; user_id: string; scores: StoredCriterionScore[] }[]>(
      `SELECT application_id, user_id, scores FROM score_sheet WHERE commission_id = $1 AND status = 'submitted'`,
      [commissionId],
    );
    const [session] = await manager.query<{ id: string }[]>(`SELECT id FROM commission_session WHERE commission_id = $1 ORDER BY (status = 'closed') DESC, held_at DESC LIMIT 1`, [
      commissionId,
    ]);
    const decisions = session ? await manager.findBy(SessionDecision, { sessionId: session.id }) : [];
    const votes = session
      ? await manager.query<{ application_id: string; vote: string; n: string }[]>(
          `SELECT application_id, vote, count(*) AS n FROM session_vote WHERE session_id = $1 GROUP BY 1, 2`,
          [session.id],
        )
      : [];

    const sheetsOf = new Map<string, { reviewerId: string; scores: StoredCriterionScore[] }[]>();
    for (const s of sheets) sheetsOf.set(s.application_id, [...(sheetsOf.get(s.application_id) ?? []), { reviewerId: s.user_id, scores: s.scores }]);
    const decisionOf = new Map(decisions.map((d) => [d.applicationId, d]));
    const votesOf = new Map<string, { for: number; against: number; abstain: number }>();
    for (const v of votes) {
      const tally = votesOf.get(v.application_id) ?? { for: 0, against: 0, abstain: 0 };
      tally[v.vote as 'for'] = Number(v.n);
      votesOf.set(v.application_id, tally);
    }
    const overallThreshold = commission.overallThreshold ? Ratio.parse(commission.overallThreshold) : null;
    const spreadLimit = commission.spreadLimit ? Ratio.parse(commission.spreadLimit) : null;

    const result: AreaResult[] = areas.map((area) => {
      const inArea = candidates.filter((c) => c.budget_area_code === area.code);
      const scored = inArea.map((c) => {
        const decision = decisionOf.get(c.id);
        const tally = votesOf.get(c.id) ?? { for: 0, against: 0, abstain: 0 };
        const score = scoreApplication({
          applicationId: c.id,
          criteria,
          sheets: sheetsOf.get(c.id) ?? [],
          consensus: decision?.consensusPoints ? { points: Ratio.parse(decision.consensusPoints), reason: decision.consensusReason ?? '' } : null,
          overallThreshold,
          spreadLimit,
        });
        const candidate: RankingCandidate = {
          applicationId: c.id,
          applicationNumber: c.number,
          budgetAreaCode: area.code,
          score,
          submittedAt: c.last_submitted_at,
          requested: Money.parse(c.requested_amount),
          cut: decision?.cutAmount ? { amount: decision.cutAmount, reason: decision.cutReason ?? '' } : null,
          adjustment: decision?.adjustedAmount ? { amount: decision.adjustedAmount, reason: decision.adjustReason ?? '' } : null,
          // A recommendation the commission voted on stands only with more votes for than against.
          voteRejected: tally.for + tally.against + tally.abstain > 0 && tally.for <= tally.against,
        };
        return { row: c, candidate, score, tally };
      });
      const ranking = rankArea(
        criteria,
        scored.map((s) => s.candidate),
      );
      const recommendation: Recommendation = recommend({
        criteria,
        allocation: area.allocation,
        minGrant: call.minGrant,
        maxGrant: call.maxGrant,
        strategy: commission.strategy === 'proportional' ? { kind: 'proportional' } : { kind: 'rank_order', allowPartial: commission.allowPartial },
        candidates: scored.map((s) => s.candidate),
      });
      const byId = new Map(scored.map((s) => [s.row.id, s]));
      return {
        code: area.code,
        name: area.name,
        allocation: area.allocation.toString(),
        ranking: ranking.map((r) => {
          const s = byId.get(r.applicationId)!;
          return { ...r, applicant: s.row.applicant, projectTitle: s.row.title ?? '', score: scoreView(s.score), votes: s.tally };
        }),
        recommendation: {
          lines: recommendation.lines.map((l) => ({
            rank: l.rank,
            applicationId: l.applicationId,
            applicationNumber: l.applicationNumber,
            requested: l.requested.toString(),
            eligible: l.eligible.toString(),
            recommended: l.recommended.toString(),
            remainingAfter: l.remainingAfter.toString(),
            reasonCode: l.reasonCode,
            explanation: l.explanation,
          })),
          recommendedTotal: recommendation.recommendedTotal.toString(),
          remaining: recommendation.remaining.toString(),
        },
      };
    });
    return { commissionId, callId: call.id, sessionId: session?.id ?? null, criteria, areas: result };
  }

  /** The recommendation list as CSV (UTF-8 with BOM, semicolons: what Czech Excel opens as is). */
  async *recommendationCsv(commissionId: string): AsyncGenerator<string> {
    const results = await this.compute(commissionId);
    const decimal = (value: string | null) => (value === null ? '' : value.replace('.', ','));
    yield (
      '\uFEFF' + csvRow(['okruh', 'poradi', 'cislo_zadosti', 'zadatel', 'projekt', 'body_prumer', 'body_konecne', 'pozadovano', 'zpusobile', 'doporuceno', 'duvod', 'zduvodneni'])
    );
    for (const area of results.areas) {
      const rankingOf = new Map(area.ranking.map((r) => [r.applicationId, r]));
      for (const line of area.recommendation.lines) {
        const ranked = rankingOf.get(line.applicationId)!;
        yield csvRow([
          area.code,
          line.rank,
          line.applicationNumber,
          ranked.applicant,
          ranked.projectTitle,
          decimal(ranked.score.mean),
          decimal(ranked.score.final),
          decimal(line.requested),
          decimal(line.eligible),
          decimal(line.recommended),
          line.reasonCode,
          line.explanation.cs,
        ]);
      }
    }
  }

  async requireCommission(commissionId: string): Promise<Commission> {
    const commission = await this.dataSource.manager.findOneBy(Commission, { id: commissionId });
    if (!commission) throw DomainError.notFound('commission', commissionId);
    return commission;
  }
}

function scoreView(score: ApplicationScore): ScoreView {
  return {
    sheets: score.sheets.length,
    mean: fmt(score.mean),
    median: fmt(score.median),
    spread: fmt(score.spread),
    final: fmt(score.final),
    consensusReason: score.consensus?.reason ?? null,
    perCriterion: score.perCriterionMean.map((c) => ({ criterionId: c.criterionId, mean: fmt(c.mean) })),
    failedThresholds: score.failedThresholds,
    recommendable: score.recommendable,
    flaggedForDiscussion: score.flaggedForDiscussion,
  };
}
