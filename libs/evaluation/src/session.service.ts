import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '#access';
import { GrantCall } from '#calls';
import { Actor, DomainError, Money } from '#core';
import { UnitOfWork } from '#database';
import { renderCommissionMinutes } from '#documents';
import type { CommissionMinutesData } from '#documents';
import { LedgerWriter } from '#ledger';
import { FileStorage } from '#storage';
import { CommissionService } from './commission.service.js';
import type { AttendanceRequest, CloseSessionRequest, CreateSessionRequest, SessionDecisionRequest } from './dto.js';
import { Commission, CommissionRecommendation, CommissionSession, SessionDecision, SessionVote } from './entities.js';
import type { VoteValue } from './entities.js';
import { ResultsService } from './results.service.js';

export interface SessionView {
  id: string;
  commissionId: string;
  number: string;
  heldAt: Date;
  place: string;
  status: 'open' | 'closed';
  attendance: string[];
  quorum: { present: number; total: number; required: number; met: boolean };
  /** Flagged applications (reviewers far apart) come first: they need discussion. */
  agenda: { applicationId: string; number: string; flagged: boolean }[];
  decisions: {
    applicationId: string;
    discussionNotes: string;
    consensusPoints: string | null;
    consensusReason: string | null;
    cutAmount: string | null;
    cutReason: string | null;
    adjustedAmount: string | null;
    adjustReason: string | null;
  }[];
  /**
   * The reader's own votes in this session (a member sees what they voted after a reload). Nobody reads another
   * member's vote here: the minutes and the results record only the tally per application.
   */
  myVotes: { applicationId: string; vote: VoteValue }[];
  closedAt: Date | null;
  version: number;
}

export type SessionSummary = Pick<SessionView, 'id' | 'commissionId' | 'number' | 'heldAt' | 'place' | 'status' | 'closedAt' | 'version'>;

/**
 * The commission's session: attendance and quorum, discussion, departures from the mean, cuts and
 * adjustments, votes, and closing, which freezes the recommendation the decision stage starts from.
 * A closed session refuses every change.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly commissions: CommissionService,
    private readonly results: ResultsService,
    private readonly storage: FileStorage,
    private readonly ledger: LedgerWriter,
    private readonly access: AccessService,
  ) {}

  async create(actor: Actor, commissionId: string, request: CreateSessionRequest): Promise<SessionView> {
    return this.unitOfWork.run(actor, async (tx) => {
      await this.commissions.lock(tx.manager, commissionId);
      if (await tx.manager.existsBy(CommissionSession, { commissionId, number: request.number })) {
        throw DomainError.field('number', 'SESSION_NUMBER_TAKEN', { cs: 'Jednání s tímto číslem už existuje.', en: 'A session with this number exists.' });
      }
      const session = tx.manager.create(CommissionSession, {
        id: randomUUID(),
        commissionId,
        number: request.number,
        heldAt: new Date(request.heldAt),
        place: request.place,
        status: 'open',
        attendance: [],
        conclusion: '',
        closedAt: null,
        minutesStorageKey: null,
        version: 1,
      });
      await tx.manager.insert(CommissionSession, session);
      tx.audit({ action: 'commission_session.created', objectType: 'commission_session', objectId: session.id, after: session });
      tx.emit({ type: 'evaluation.session_convened', aggregateType: 'commission_session', aggregateId: session.id });
      return this.view(tx.manager, session.id);
    });
  }

  /**
   * Staff and auditors read the whole session; a member of its commission reads it with the agenda
   * and the decisions narrowed to the applications they declared free of conflict.
   */
  async get(actor: Actor, sessionId: string): Promise<SessionView> {
    const manager = this.dataSource.manager;
    const session = await manager.findOneBy(CommissionSession, { id: sessionId });
    if (!session) throw DomainError.notFound('commission_session', sessionId);
    const reader = await this.access.requireCommissionReader(actor, session.commissionId, manager).catch((error: unknown) => {
      throw error instanceof DomainError ? DomainError.notFound('commission_session', sessionId) : error;
    });
    const view = await this.view(manager, sessionId, actor.userId);
    if (reader === 'all') return view;
    const ids = [...new Set([...view.agenda.map((a) => a.applicationId), ...view.decisions.map((d) => d.applicationId)])];
    const visible = await this.access.conflictFreeApplicationIds(actor, session.commissionId, ids, manager);
    return {
      ...view,
      agenda: view.agenda.filter((a) => visible.has(a.applicationId)),
      decisions: view.decisions.filter((d) => visible.has(d.applicationId)),
      myVotes: view.myVotes.filter((v) => visible.has(v.applicationId)),
    };
  }

  /** A commission's sessions, newest first; for its members and for staff and auditors. */
  async list(actor: Actor, commissionId: string): Promise<SessionSummary[]> {
    await this.commissions.load(this.dataSource.manager, commissionId);
    await this.access.requireCommissionReader(actor, commissionId);
    const sessions = await this.dataSource.manager.find(CommissionSession, { where: { commissionId }, order: { heldAt: 'DESC', number: 'DESC' } });
    return sessions.map((s) => ({
      id: s.id,
      commissionId: s.commissionId,
      number: s.number,
      heldAt: s.heldAt,
      place: s.place,
      status: s.status,
      closedAt: s.closedAt,
      version: s.version,
    }));
  }

  async setAttendance(actor: Actor, sessionId: string, request: AttendanceRequest): Promise<SessionView> {
    return this.unitOfWork.run(actor, async (tx) => {
      const { session } = await this.lockOpen(tx.manager, sessionId, request.version);
      const members = await this.memberIds(tx.manager, session.commissionId);
      const strangers = request.present.filter((id) => !members.includes(id));
      if (strangers.length > 0) {
        throw DomainError.field('present', 'NOT_A_MEMBER', { cs: `Nejsou členy komise: ${strangers.join(', ')}.`, en: `Not members of the commission: ${strangers.join(', ')}.` });
      }
      const present = [...new Set(request.present)].sort();
      await tx.manager.update(CommissionSession, { id: sessionId }, { attendance: present, version: session.version + 1 });
      tx.audit({ action: 'commission_session.attendance', objectType: 'commission_session', objectId: sessionId, before: session.attendance, after: present });
      return this.view(tx.manager, sessionId);
    });
  }

  async decide(actor: Actor, sessionId: string, applicationId: string, request: SessionDecisionRequest): Promise<SessionView> {
    const pairs: [keyof SessionDecisionRequest, keyof SessionDecisionRequest][] = [
      ['consensusPoints', 'consensusReason'],
      ['cutAmount', 'cutReason'],
      ['adjustedAmount', 'adjustReason'],
    ];
    for (const [value, reason] of pairs) {
      if (request[value] && !request[reason]?.trim()) {
        throw DomainError.field(reason, 'REASON_REQUIRED', { cs: 'Uveďte důvod, proč se komise odchyluje.', en: 'Give the reason for the departure.' });
      }
    }
    return this.unitOfWork.run(actor, async (tx) => {
      const { session } = await this.lockOpen(tx.manager, sessionId);
      const [application] = await tx.manager.query<{ id: string; requested_amount: string }[]>(
        `SELECT a.id, a.requested_amount FROM application a JOIN commission c ON c.call_id = a.call_id WHERE a.id = $1 AND c.id = $2 AND a.status = 'accepted'`,
        [applicationId, session.commissionId],
      );
      if (!application) throw DomainError.notFound('application', applicationId);
      const requested = Money.parse(application.requested_amount);
      for (const field of ['cutAmount', 'adjustedAmount'] as const) {
        const amount = request[field] ? Money.parse(request[field]) : null;
        if (amount && amount.compare(requested) > 0) {
          throw DomainError.field(field, 'ABOVE_REQUESTED', {
            cs: `Částka nesmí převýšit požadovanou (${requested.format()}).`,
            en: `The amount cannot exceed the requested ${requested.toString()}.`,
          });
        }
      }
      const before = await tx.manager.findOneBy(SessionDecision, { sessionId, applicationId });
      const after = {
        sessionId,
        applicationId,
        updatedAt: tx.now,
        discussionNotes: request.discussionNotes ?? before?.discussionNotes ?? '',
        consensusPoints: pick(request.consensusPoints, before?.consensusPoints ?? null),
        consensusReason: pick(request.consensusReason, before?.consensusReason ?? null),
        cutAmount: request.cutAmount === undefined ? (before?.cutAmount ?? null) : request.cutAmount ? Money.parse(request.cutAmount) : null,
        cutReason: pick(request.cutReason, before?.cutReason ?? null),
        adjustedAmount: request.adjustedAmount === undefined ? (before?.adjustedAmount ?? null) : request.adjustedAmount ? Money.parse(request.adjustedAmount) : null,
        adjustReason: pick(request.adjustReason, before?.adjustReason ?? null),
      };
      await tx.manager.upsert(SessionDecision, after, ['sessionId', 'applicationId']);
      tx.audit({ action: 'commission_session.decision', objectType: 'application', objectId: applicationId, before: before ?? null, after });
      return this.view(tx.manager, sessionId);
    });
  }

  /** A present member without a conflict votes on the recommendation of one application; a second vote replaces the first. */
  async vote(actor: Actor, sessionId: string, applicationId: string, vote: VoteValue): Promise<{ applicationId: string; vote: VoteValue }> {
    await this.unitOfWork.run(actor, async (tx) => {
      const { session } = await this.lockOpen(tx.manager, sessionId);
      await this.commissions.requireMember(tx.manager, session.commissionId, actor);
      if (!session.attendance.includes(actor.userId!)) {
        throw DomainError.forbidden('NOT_PRESENT', { cs: 'Hlasovat mohou jen přítomní členové.', en: 'Only members present can vote.' });
      }
      const [row] = await tx.manager.query<{ conflict: boolean | null }[]>(
        `SELECT d.conflict FROM application a JOIN commission c ON c.call_id = a.call_id
           LEFT JOIN coi_declaration d ON d.commission_id = c.id AND d.user_id = $3 AND d.organisation_id = a.organisation_id
          WHERE a.id = $1 AND c.id = $2 AND a.status = 'accepted'`,
        [applicationId, session.commissionId, actor.userId],
      );
      // A conflicted member learns nothing about the application, not even that it exists.
      if (!row || row.conflict !== false) throw DomainError.notFound('application', applicationId);
      await tx.manager.upsert(SessionVote, { sessionId, applicationId, userId: actor.userId!, vote, castAt: tx.now }, ['sessionId', 'applicationId', 'userId']);
      tx.audit({ action: 'commission_session.vote', objectType: 'application', objectId: applicationId, after: { sessionId, vote } });
    });
    return { applicationId, vote };
  }

  /** Needs a quorum. Freezes the recommendation (one row per application) and makes the session read-only. */
  async close(actor: Actor, sessionId: string, request: CloseSessionRequest): Promise<SessionView> {
    return this.unitOfWork.run(actor, async (tx) => {
      const { session } = await this.lockOpen(tx.manager, sessionId, request.version);
      const view = await this.view(tx.manager, sessionId);
      if (!view.quorum.met) {
        throw DomainError.conflict(
          'NO_QUORUM',
          {
            cs: `Komise není usnášeníschopná: přítomno ${view.quorum.present} z ${view.quorum.total}, potřeba ${view.quorum.required}.`,
            en: `No quorum: ${view.quorum.present} of ${view.quorum.total} present, ${view.quorum.required} needed.`,
          },
          { quorum: view.quorum },
        );
      }
      const results = await this.results.compute(session.commissionId, tx.manager);
      const rows = results.areas.flatMap((area) =>
        area.recommendation.lines.map((line) => ({
          applicationId: line.applicationId,
          sessionId,
          budgetAreaCode: area.code,
          rank: line.rank,
          finalPoints: area.ranking.find((r) => r.applicationId === line.applicationId)?.score.final ?? null,
          amount: Money.parse(line.recommended),
          reasonCode: line.reasonCode,
          explanationCs: line.explanation.cs,
          explanationEn: line.explanation.en,
        })),
      );
      if (rows.length > 0) await tx.manager.upsert(CommissionRecommendation, rows, ['applicationId']);
      // The ledger's "recommended": what this closing recommends, replacing what an earlier closing recommended.
      const ids = rows.map((r) => r.applicationId);
      const context = await tx.manager.query<{ id: string; call_id: string; budget_area_id: string }[]>(
        `SELECT id, call_id, budget_area_id FROM application WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      const shares = await this.ledger.sharesOf(tx.manager, ids);
      const byApplication = new Map(context.map((c) => [c.id, c]));
      await this.ledger.reverse(tx, { kind: 'recommended', applicationIds: rows.map((r) => r.applicationId), sourceType: 'commission_session', sourceId: sessionId });
      await this.ledger.record(
        tx,
        rows
          .filter((r) => !r.amount.isZero())
          .map((r) => {
            const c = byApplication.get(r.applicationId)!;
            return {
              kind: 'recommended' as const,
              callId: c.call_id,
              budgetAreaId: c.budget_area_id,
              applicationId: r.applicationId,
              amount: r.amount,
              sourceType: 'commission_session',
              sourceId: sessionId,
              shares: shares.get(r.applicationId),
            };
          }),
      );
      await tx.manager.update(CommissionSession, { id: sessionId }, { status: 'closed', closedAt: tx.now, conclusion: request.conclusion, version: session.version + 1 });
      tx.audit({
        action: 'commission_session.closed',
        objectType: 'commission_session',
        objectId: sessionId,
        after: { conclusion: request.conclusion, recommended: rows.map((r) => ({ applicationId: r.applicationId, amount: r.amount.toString(), reason: r.reasonCode })) },
      });
      tx.emit({ type: 'evaluation.session_closed', aggregateType: 'commission_session', aggregateId: sessionId });
      return this.view(tx.manager, sessionId);
    });
  }

  /** The minutes as PDF. A closed session's minutes are rendered once and kept; an open one gives a draft. */
  async minutes(sessionId: string): Promise<{ stream: Readable; fileName: string }> {
    const session = await this.dataSource.manager.findOneBy(CommissionSession, { id: sessionId });
    if (!session) throw DomainError.notFound('commission_session', sessionId);
    const fileName = `zapis-${session.number.replace(/[^A-Za-z0-9-]/g, '_')}${session.status === 'open' ? '-navrh' : ''}.pdf`;
    if (session.minutesStorageKey) return { stream: await this.storage.get(session.minutesStorageKey), fileName };
    const pdf = await renderCommissionMinutes(await this.minutesData(session), { creationDate: session.closedAt ?? new Date() });
    if (session.status === 'closed') {
      const key = `minutes/${session.id}.pdf`;
      await this.storage.put(key, pdf);
      // A derived document of an immutable session: recording where it lies needs no audit entry.
      await this.dataSource.manager.update(CommissionSession, { id: session.id }, { minutesStorageKey: key });
    }
    return { stream: Readable.from(pdf), fileName };
  }

  async minutesData(session: CommissionSession): Promise<CommissionMinutesData> {
    const manager = this.dataSource.manager;
    const commission = await manager.findOneByOrFail(Commission, { id: session.commissionId });
    const call = await manager.findOneByOrFail(GrantCall, { id: commission.callId });
    const results = await this.results.compute(commission.id);
    const view = await this.view(manager, session.id);
    const people = await manager.query<{ id: string; display_name: string }[]>(`SELECT u.id, u.display_name FROM app_user u WHERE u.id = ANY($1::uuid[])`, [
      [...(await this.memberIds(manager, commission.id)), commission.secretaryUserId],
    ]);
    const name = new Map(people.map((p) => [p.id, p.display_name]));
    const conflicts = await manager.query<{ member: string; organisation: string; reason: string }[]>(
      `SELECT u.display_name AS member, o.name AS organisation, d.reason FROM coi_declaration d JOIN app_user u ON u.id = d.user_id JOIN organisation o ON o.id = d.organisation_id
        WHERE d.commission_id = $1 AND d.conflict ORDER BY u.display_name, o.name`,
      [commission.id],
    );
    return {
      call: { code: call.code, title: call.title },
      commissionName: commission.name,
      session: { heldAt: session.heldAt, place: session.place, number: session.number },
      chair: name.get(commission.chairUserId) ?? '',
      secretary: name.get(commission.secretaryUserId) ?? '',
      members: (await this.memberIds(manager, commission.id)).map((id) => ({ name: name.get(id) ?? id, present: session.attendance.includes(id) })),
      quorum: view.quorum,
      conflicts,
      criteria: results.criteria.map((c) => ({ code: c.code, name: c.name, maxScore: c.maxScore, weight: c.weight })),
      areas: results.areas.map((area) => {
        const ranked = new Map(area.ranking.map((r) => [r.applicationId, r]));
        return {
          code: area.code,
          name: area.name,
          allocation: area.allocation,
          recommendedTotal: area.recommendation.recommendedTotal,
          remaining: area.recommendation.remaining,
          rows: area.recommendation.lines.map((line) => {
            const r = ranked.get(line.applicationId)!;
            return {
              rank: line.rank,
              applicationNumber: line.applicationNumber,
              applicant: r.applicant,
              projectTitle: r.projectTitle,
              meanScore: r.score.mean,
              finalScore: r.score.final,
              consensusReason: r.score.consensusReason,
              requested: line.requested,
              recommended: line.recommended,
              explanation: line.explanation.cs,
              votes: r.votes.for + r.votes.against + r.votes.abstain > 0 ? r.votes : null,
              flagged: r.score.flaggedForDiscussion,
            };
          }),
        };
      }),
      discussion: view.decisions
        .filter((d) => d.discussionNotes.trim())
        .map((d) => ({
          applicationNumber: view.agenda.find((a) => a.applicationId === d.applicationId)?.number ?? '',
          notes: d.discussionNotes,
        })),
      resolutionText: session.conclusion || 'Návrh – jednání dosud neuzavřeno.',
      generatedAt: session.closedAt ?? new Date(),
    };
  }

  private async lockOpen(manager: EntityManager, sessionId: string, expectedVersion?: number): Promise<{ session: CommissionSession }> {
    const session = await manager.findOne(CommissionSession, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw DomainError.notFound('commission_session', sessionId);
    if (session.status === 'closed') {
      throw DomainError.conflict('SESSION_CLOSED', { cs: 'Jednání je uzavřeno; zápis ani doporučení už nelze měnit.', en: 'The session is closed; nothing can change any more.' });
    }
    if (expectedVersion !== undefined && session.version !== expectedVersion) throw DomainError.staleVersion(await this.view(manager, sessionId));
    return { session };
  }

  private async memberIds(manager: EntityManager, commissionId: string): Promise<string[]> {
    const rows = await manager.query<{ user_id: string }[]>(`SELECT user_id FROM commission_member WHERE commission_id = $1 AND removed_at IS NULL ORDER BY user_id`, [
      commissionId,
    ]);
    return rows.map((r) => r.user_id);
  }

  private async view(manager: EntityManager, sessionId: string, readerId?: string | null): Promise<SessionView> {
    const session = await manager.findOneBy(CommissionSession, { id: sessionId });
    if (!session) throw DomainError.notFound('commission_session', sessionId);
    const commission = await manager.findOneByOrFail(Commission, { id: session.commissionId });
    const members = await this.memberIds(manager, commission.id);
    const present = session.attendance.filter((id) => members.includes(id)).length;
    const required = Math.ceil((members.length * commission.quorumPercent) / 100);
    const results = await this.results.compute(commission.id, manager);
    const agenda = results.areas
      .flatMap((a) => a.ranking)
      .map((r) => ({ applicationId: r.applicationId, number: r.applicationNumber, flagged: r.score.flaggedForDiscussion }))
      .sort((x, y) => Number(y.flagged) - Number(x.flagged) || x.number.localeCompare(y.number));
    const decisions = await manager.findBy(SessionDecision, { sessionId });
    const myVotes = readerId ? await manager.find(SessionVote, { where: { sessionId, userId: readerId }, order: { applicationId: 'ASC' } }) : [];
    return {
      id: session.id,
      commissionId: session.commissionId,
      number: session.number,
      heldAt: session.heldAt,
      place: session.place,
      status: session.status,
      attendance: session.attendance,
      quorum: { present, total: members.length, required, met: present >= required && present > 0 },
      agenda,
      decisions: decisions.map((d) => ({
        applicationId: d.applicationId,
        discussionNotes: d.discussionNotes,
        consensusPoints: d.consensusPoints,
        consensusReason: d.consensusReason,
        cutAmount: d.cutAmount?.toString() ?? null,
        cutReason: d.cutReason,
        adjustedAmount: d.adjustedAmount?.toString() ?? null,
        adjustReason: d.adjustReason,
      })),
      myVotes: myVotes.map((v) => ({ applicationId: v.applicationId, vote: v.vote })),
      closedAt: session.closedAt,
      version: session.version,
    };
  }
}

/** undefined: keep what was there; null or '': clear it. */
function pick<T>(value: T | null | undefined, previous: T | null): T | null {
  if (value === undefined) return previous;
  return value === '' ? null : value;
}
