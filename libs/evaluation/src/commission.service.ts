import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccessService } from '#access';
import { GrantCall } from '#calls';
import { Actor, DomainError } from '#core';
import { Tx, UnitOfWork } from '#database';
import type { AssignRequest, CreateCommissionRequest, DeclareConflictsRequest } from './dto.js';
import { CoiDeclaration, Commission, CommissionMember, ReviewAssignment, ScoreSheet } from './entities.js';

export interface CommissionView {
  id: string;
  callId: string;
  name: string;
  chairUserId: string;
  secretaryUserId: string;
  members: { userId: string; displayName: string; declaredAll: boolean; conflicts: number; assigned: number }[];
  reviewersPerApplication: number;
  spreadLimit: string | null;
  overallThreshold: string | null;
  quorumPercent: number;
  strategy: 'rank_order' | 'proportional';
  allowPartial: boolean;
  version: number;
}

/** A commission the user works in (member, chair or secretary), with what is waiting for them. */
export interface MyCommission {
  id: string;
  callId: string;
  callCode: string;
  callTitle: string;
  callStatus: string;
  name: string;
  role: 'chair' | 'member' | 'secretary';
  /** Applicants the member has not declared on yet (0 for a secretary who is not a member). */
  pendingDeclarations: number;
  /** The date by which the grants must be decided (the call's rule): the latest the scoring can end. */
  decisionDeadline: string | null;
  /** The next open session, if one is convened. */
  nextSessionAt: Date | null;
}

export interface AssignmentOverview {
  assigned: number;
  /**
   * Per application: its reviewers, the members who may review it (declared, no conflict) and those who may not
   * because they declared a conflict; members in neither list have not declared on the applicant yet.
   */
  applications: { applicationId: string; number: string; reviewers: string[]; eligible: number; eligibleUserIds: string[]; conflictedUserIds: string[] }[];
  /** Applications with fewer eligible (declared, conflict-free) members than the commission needs. */
  warnings: { applicationId: string; number: string; eligible: number; required: number }[];
}

/**
 * A call's commission: its members, their conflict-of-interest declarations and who reviews what.
 * Nothing of an application reaches a member who has not declared, or declared a conflict, for its
 * organisation (AccessService.reviewableApplicationIds is the one check every route asks).
 */
@Injectable()
export class CommissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  async create(actor: Actor, callId: string, request: CreateCommissionRequest): Promise<CommissionView> {
    const members = [...new Set([...request.memberUserIds, request.chairUserId])];
    return this.unitOfWork.run(actor, async (tx) => {
      const call = await tx.manager.findOneBy(GrantCall, { id: callId });
      if (!call) throw DomainError.notFound('call', callId);
      if (await tx.manager.existsBy(Commission, { callId })) {
        throw DomainError.conflict('COMMISSION_EXISTS', { cs: 'Výzva už hodnoticí komisi má.', en: 'The call already has a commission.' });
      }
      await this.requireRoles(tx.manager, members, 'commission_member', 'memberUserIds');
      await this.requireRoles(tx.manager, [request.secretaryUserId], 'staff', 'secretaryUserId');
      const commission = tx.manager.create(Commission, {
        id: randomUUID(),
        callId,
        name: request.name,
        chairUserId: request.chairUserId,
        secretaryUserId: request.secretaryUserId,
        reviewersPerApplication: request.reviewersPerApplication ?? call.reviewersPerApplication,
        spreadLimit: request.spreadLimit ?? null,
        overallThreshold: request.overallThreshold ?? null,
        quorumPercent: request.quorumPercent ?? 51,
        strategy: request.strategy ?? 'rank_order',
        allowPartial: request.allowPartial ?? true,
        createdAt: tx.now,
        version: 1,
      });
      await tx.manager.insert(Commission, commission);
      await tx.manager.insert(
        CommissionMember,
        members.map((userId) => ({ commissionId: commission.id, userId, addedAt: tx.now, removedAt: null })),
      );
      tx.audit({ action: 'commission.created', objectType: 'commission', objectId: commission.id, after: { ...commission, members } });
      for (const userId of members) this.emitToMember(tx, commission.id, userId);
      return this.view(tx.manager, commission.id);
    });
  }

  async addMember(actor: Actor, commissionId: string, userId: string): Promise<CommissionView> {
    return this.unitOfWork.run(actor, async (tx) => {
      await this.lock(tx.manager, commissionId);
      await this.requireRoles(tx.manager, [userId], 'commission_member', 'userId');
      const existing = await tx.manager.findOneBy(CommissionMember, { commissionId, userId });
      if (existing && !existing.removedAt) throw DomainError.conflict('ALREADY_MEMBER', { cs: 'Uživatel už je členem komise.', en: 'The user is already a member.' });
      await tx.manager.upsert(CommissionMember, { commissionId, userId, addedAt: tx.now, removedAt: null }, ['commissionId', 'userId']);
      tx.audit({ action: 'commission.member_added', objectType: 'commission', objectId: commissionId, after: { userId } });
      this.emitToMember(tx, commissionId, userId);
      return this.view(tx.manager, commissionId);
    });
  }

  /** A member who leaves keeps their submitted sheets on record; drafts and assignments go. */
  async removeMember(actor: Actor, commissionId: string, userId: string): Promise<CommissionView> {
    return this.unitOfWork.run(actor, async (tx) => {
      const commission = await this.lock(tx.manager, commissionId);
      if (commission.chairUserId === userId) {
        throw DomainError.conflict('CHAIR_CANNOT_LEAVE', { cs: 'Předsedu nelze odebrat; nejprve určete jiného.', en: 'The chair cannot be removed.' });
      }
      const result = await tx.manager.update(CommissionMember, { commissionId, userId, removedAt: IsNull() }, { removedAt: tx.now });
      if (!result.affected) throw DomainError.notFound('commission_member', userId);
      await tx.manager.delete(ReviewAssignment, { commissionId, userId });
      await tx.manager.update(ScoreSheet, { commissionId, userId, status: 'draft' }, { status: 'void', voidReason: 'member left the commission', updatedAt: tx.now });
      tx.audit({ action: 'commission.member_removed', objectType: 'commission', objectId: commissionId, before: { userId } });
      return this.view(tx.manager, commissionId);
    });
  }

  /** Staff and auditors read any commission; a member only the one they sit on. */
  async get(actor: Actor, commissionId: string): Promise<CommissionView> {
    await this.load(this.dataSource.manager, commissionId);
    await this.access.requireCommissionReader(actor, commissionId);
    return this.view(this.dataSource.manager, commissionId);
  }

  /** The commissions the actor sits on or keeps as secretary, newest call first. */
  async mine(actor: Actor): Promise<MyCommission[]> {
    if (!actor.userId) return [];
    const rows = await this.dataSource.query<
      {
        id: string;
        call_id: string;
        code: string;
        title: string;
        status: string;
        name: string;
        chair_user_id: string;
        member: boolean;
        pending: string;
        decision_deadline: string | null;
        next_session: Date | null;
      }[]
    >(
      `SELECT c.id, c.call_id, g.code, g.title, g.status, c.name, c.chair_user_id,
              EXISTS (SELECT 1 FROM commission_member m WHERE m.commission_id = c.id AND m.user_id = $1 AND m.removed_at IS NULL) AS member,
              (SELECT count(DISTINCT a.organisation_id) FROM application a WHERE a.call_id = c.call_id AND a.status = 'accepted'
                  AND NOT EXISTS (SELECT 1 FROM coi_declaration d WHERE d.commission_id = c.id AND d.user_id = $1 AND d.organisation_id = a.organisation_id)) AS pending,
              to_char(g.decision_deadline, 'YYYY-MM-DD') AS decision_deadline,
              (SELECT min(s.held_at) FROM commission_session s WHERE s.commission_id = c.id AND s.status = 'open') AS next_session
         FROM commission c JOIN grant_call g ON g.id = c.call_id
        WHERE c.secretary_user_id = $1
           OR EXISTS (SELECT 1 FROM commission_member m WHERE m.commission_id = c.id AND m.user_id = $1 AND m.removed_at IS NULL)
        ORDER BY g.opens_at DESC NULLS LAST, c.name`,
      [actor.userId],
    );
    return rows.map((r) => ({
      id: r.id,
      callId: r.call_id,
      callCode: r.code,
      callTitle: r.title,
      callStatus: r.status,
      name: r.name,
      role: r.chair_user_id === actor.userId ? 'chair' : r.member ? 'member' : 'secretary',
      pendingDeclarations: r.member ? Number(r.pending) : 0,
      decisionDeadline: r.decision_deadline,
      nextSessionAt: r.next_session,
    }));
  }

  async forCall(callId: string): Promise<CommissionView> {
    const commission = await this.dataSource.manager.findOneBy(Commission, { callId });
    if (!commission) throw DomainError.notFound('commission', callId);
    return this.view(this.dataSource.manager, commission.id);
  }

  /**
   * What a member must declare before seeing anything: only the names of the applicant
   * organisations (of formally accepted applications), with what they declared so far.
   */
  async declarationsOf(actor: Actor, commissionId: string) {
    await this.requireMember(this.dataSource.manager, commissionId, actor);
    const rows = await this.dataSource.query<{ id: string; name: string; ico: string; conflict: boolean | null; reason: string | null; declared_at: Date | null }[]>(
      `SELECT o.id, o.name, o.ico, d.conflict, d.reason, d.declared_at
         FROM commission c
         JOIN application a ON a.call_id = c.call_id AND a.status = 'accepted'
         JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN coi_declaration d ON d.commission_id = c.id AND d.organisation_id = o.id AND d.user_id = $2
        WHERE c.id = $1
        GROUP BY o.id, o.name, o.ico, d.conflict, d.reason, d.declared_at
        ORDER BY o.name`,
      [commissionId, actor.userId],
    );
    return {
      pending: rows.filter((r) => r.conflict === null).length,
      organisations: rows.map((r) => ({
        organisationId: r.id,
        name: r.name,
        ico: r.ico,
        declaration: r.conflict === null ? null : { conflict: r.conflict, reason: r.reason, declaredAt: r.declared_at },
      })),
    };
  }

  /**
   * Declares "no conflict" or "conflict (reason)" per organisation. A conflict is final: declared
   * later, it removes the member's assignments and voids their sheets for that organisation at once.
   */
  async declare(actor: Actor, commissionId: string, request: DeclareConflictsRequest) {
    const missingReason = request.declarations.findIndex((d) => d.conflict && !d.reason?.trim());
    if (missingReason >= 0) {
      throw DomainError.field(`declarations[${missingReason}].reason`, 'CONFLICT_REASON_REQUIRED', {
        cs: 'U střetu zájmů uveďte důvod.',
        en: 'Give the reason for the conflict of interest.',
      });
    }
    await this.unitOfWork.run(actor, async (tx) => {
      await this.requireMember(tx.manager, commissionId, actor);
      const userId = actor.userId!;
      const organisationIds = request.declarations.map((d) => d.organisationId);
      const known = await tx.manager.query<{ organisation_id: string }[]>(
        `SELECT DISTINCT a.organisation_id FROM commission c JOIN application a ON a.call_id = c.call_id AND a.status = 'accepted'
          WHERE c.id = $1 AND a.organisation_id = ANY($2::uuid[])`,
        [commissionId, organisationIds],
      );
      const knownIds = new Set(known.map((k) => k.organisation_id));
      const unknown = organisationIds.findIndex((id) => !knownIds.has(id));
      if (unknown >= 0) {
        throw DomainError.field(`declarations[${unknown}].organisationId`, 'NOT_AN_APPLICANT', {
          cs: 'Tato organizace do výzvy nepodala žádost, o níž komise jedná.',
          en: 'This organisation has no application before the commission.',
        });
      }
      const before = await tx.manager.find(CoiDeclaration, {
        where: organisationIds.map((organisationId) => ({ commissionId, userId, organisationId })),
        lock: { mode: 'pessimistic_write' },
      });
      const previous = new Map(before.map((d) => [d.organisationId, d]));
      for (const [index, d] of request.declarations.entries()) {
        if (previous.get(d.organisationId)?.conflict && !d.conflict) {
          throw DomainError.field(`declarations[${index}].conflict`, 'CONFLICT_IS_FINAL', {
            cs: 'Ohlášený střet zájmů nelze vzít zpět.',
            en: 'A declared conflict of interest cannot be withdrawn.',
          });
        }
      }
      await tx.manager.upsert(
        CoiDeclaration,
        request.declarations.map((d) => ({
          commissionId,
          userId,
          organisationId: d.organisationId,
          conflict: d.conflict,
          reason: d.conflict ? d.reason!.trim() : null,
          declaredAt: tx.now,
        })),
        ['commissionId', 'userId', 'organisationId'],
      );
      const newConflicts = request.declarations.filter((d) => d.conflict && !previous.get(d.organisationId)?.conflict).map((d) => d.organisationId);
      if (newConflicts.length > 0) {
        await tx.manager.query(
          `DELETE FROM review_assignment ra USING application a WHERE ra.application_id = a.id AND ra.commission_id = $1 AND ra.user_id = $2 AND a.organisation_id = ANY($3::uuid[])`,
          [commissionId, userId, newConflicts],
        );
        await tx.manager.query(
          `UPDATE score_sheet s SET status = 'void', void_reason = 'conflict of interest declared', updated_at = $4
             FROM application a WHERE s.application_id = a.id AND s.commission_id = $1 AND s.user_id = $2 AND a.organisation_id = ANY($3::uuid[]) AND s.status <> 'void'`,
          [commissionId, userId, newConflicts, tx.now],
        );
      }
      tx.audit({
        action: 'commission.conflicts_declared',
        objectType: 'commission',
        objectId: commissionId,
        before: before.map((d) => ({ organisationId: d.organisationId, conflict: d.conflict })),
        after: request.declarations.map((d) => ({ organisationId: d.organisationId, conflict: d.conflict, reason: d.reason ?? null })),
      });
    });
    return this.declarationsOf(actor, commissionId);
  }

  /**
   * Gives every formally accepted application at least N reviewers, least-loaded members first
   * (ties by user id, so a rerun gives the same result), never a member who has a conflict with the
   * applicant or has not declared. Existing assignments are kept; the answer warns where fewer than
   * N members are eligible.
   */
  async autoAssign(actor: Actor, commissionId: string): Promise<AssignmentOverview> {
    await this.unitOfWork.run(actor, async (tx) => {
      const commission = await this.lock(tx.manager, commissionId);
      const [applications, eligibleRows, existing] = [
        await tx.manager.query<{ id: string; organisation_id: string }[]>(
          `SELECT a.id, a.organisation_id FROM application a WHERE a.call_id = $1 AND a.status = 'accepted' ORDER BY a.number`,
          [commission.callId],
        ),
        await tx.manager.query<{ organisation_id: string; user_id: string }[]>(
          `SELECT d.organisation_id, d.user_id FROM coi_declaration d JOIN commission_member m ON m.commission_id = d.commission_id AND m.user_id = d.user_id AND m.removed_at IS NULL
            WHERE d.commission_id = $1 AND NOT d.conflict`,
          [commissionId],
        ),
        await tx.manager.findBy(ReviewAssignment, { commissionId }),
      ];
      const eligible = new Map<string, string[]>();
      for (const row of eligibleRows) eligible.set(row.organisation_id, [...(eligible.get(row.organisation_id) ?? []), row.user_id]);
      const load = new Map<string, number>();
      const assigned = new Map<string, Set<string>>();
      for (const a of existing) {
        load.set(a.userId, (load.get(a.userId) ?? 0) + 1);
        assigned.set(a.applicationId, (assigned.get(a.applicationId) ?? new Set()).add(a.userId));
      }
      const added: ReviewAssignment[] = [];
      for (const application of applications) {
        const have = assigned.get(application.id) ?? new Set<string>();
        const candidates = (eligible.get(application.organisation_id) ?? []).filter((u) => !have.has(u));
        while (have.size < commission.reviewersPerApplication && candidates.length > 0) {
          candidates.sort((x, y) => (load.get(x) ?? 0) - (load.get(y) ?? 0) || (x < y ? -1 : 1));
          const userId = candidates.shift()!;
          have.add(userId);
          load.set(userId, (load.get(userId) ?? 0) + 1);
          added.push(tx.manager.create(ReviewAssignment, { applicationId: application.id, userId, commissionId, assignedAt: tx.now, assignedBy: null }));
        }
      }
      if (added.length > 0) await tx.manager.insert(ReviewAssignment, added);
      tx.audit({
        action: 'commission.reviews_assigned',
        objectType: 'commission',
        objectId: commissionId,
        after: added.map((a) => ({ applicationId: a.applicationId, userId: a.userId })),
      });
      for (const userId of new Set(added.map((a) => a.userId))) {
        tx.emit({ type: 'evaluation.assigned', aggregateType: 'commission', aggregateId: commissionId, payload: { userId } });
      }
    });
    return this.assignments(commissionId);
  }

  async assign(actor: Actor, commissionId: string, request: AssignRequest): Promise<AssignmentOverview> {
    await this.unitOfWork.run(actor, async (tx) => {
      const commission = await this.lock(tx.manager, commissionId);
      const [row] = await tx.manager.query<{ id: string; conflict: boolean | null; member: string | null }[]>(
        `SELECT a.id, d.conflict, m.user_id AS member FROM application a
           LEFT JOIN coi_declaration d ON d.commission_id = $1 AND d.user_id = $3 AND d.organisation_id = a.organisation_id
           LEFT JOIN commission_member m ON m.commission_id = $1 AND m.user_id = $3 AND m.removed_at IS NULL
          WHERE a.id = $2 AND a.call_id = $4 AND a.status = 'accepted'`,
        [commissionId, request.applicationId, request.userId, commission.callId],
      );
      if (!row) throw DomainError.notFound('application', request.applicationId);
      if (!row.member) throw DomainError.field('userId', 'NOT_A_MEMBER', { cs: 'Uživatel není členem komise.', en: 'The user is not a member of the commission.' });
      if (row.conflict === null)
        throw DomainError.field('userId', 'CONFLICT_NOT_DECLARED', {
          cs: 'Člen se k žadateli dosud nevyjádřil (střet zájmů).',
          en: 'The member has not declared on this applicant yet.',
        });
      if (row.conflict)
        throw DomainError.field('userId', 'CONFLICT_OF_INTEREST', {
          cs: 'Člen ohlásil k žadateli střet zájmů.',
          en: 'The member declared a conflict of interest with this applicant.',
        });
      await tx.manager.upsert(ReviewAssignment, { applicationId: request.applicationId, userId: request.userId, commissionId, assignedAt: tx.now, assignedBy: actor.userId }, [
        'applicationId',
        'userId',
      ]);
      tx.audit({ action: 'commission.review_assigned', objectType: 'application', objectId: request.applicationId, after: { userId: request.userId } });
      tx.emit({ type: 'evaluation.assigned', aggregateType: 'commission', aggregateId: commissionId, payload: { userId: request.userId } });
    });
    return this.assignments(commissionId);
  }

  async unassign(actor: Actor, commissionId: string, request: AssignRequest): Promise<AssignmentOverview> {
    await this.unitOfWork.run(actor, async (tx) => {
      await this.lock(tx.manager, commissionId);
      const result = await tx.manager.delete(ReviewAssignment, { commissionId, applicationId: request.applicationId, userId: request.userId });
      if (!result.affected) throw DomainError.notFound('review_assignment', `${request.applicationId}/${request.userId}`);
      await tx.manager.update(
        ScoreSheet,
        { applicationId: request.applicationId, userId: request.userId, status: 'draft' },
        { status: 'void', voidReason: 'review unassigned', updatedAt: tx.now },
      );
      tx.audit({ action: 'commission.review_unassigned', objectType: 'application', objectId: request.applicationId, before: { userId: request.userId } });
    });
    return this.assignments(commissionId);
  }

  async assignments(commissionId: string): Promise<AssignmentOverview> {
    const commission = await this.load(this.dataSource.manager, commissionId);
    const rows = await this.dataSource.query<{ id: string; number: string; reviewers: string[]; eligible_ids: string[]; conflicted_ids: string[] }[]>(
      `SELECT a.id, a.number,
              coalesce((SELECT array_agg(ra.user_id ORDER BY ra.user_id) FROM review_assignment ra WHERE ra.application_id = a.id AND ra.commission_id = $1), '{}') AS reviewers,
              coalesce(array_agg(d.user_id ORDER BY d.user_id) FILTER (WHERE NOT d.conflict), '{}') AS eligible_ids,
              coalesce(array_agg(d.user_id ORDER BY d.user_id) FILTER (WHERE d.conflict), '{}') AS conflicted_ids
         FROM application a
         LEFT JOIN (coi_declaration d JOIN commission_member m ON m.commission_id = d.commission_id AND m.user_id = d.user_id AND m.removed_at IS NULL)
           ON d.commission_id = $1 AND d.organisation_id = a.organisation_id
        WHERE a.call_id = $2 AND a.status = 'accepted'
        GROUP BY a.id, a.number ORDER BY a.number`,
      [commissionId, commission.callId],
    );
    const applications = rows.map((r) => ({
      applicationId: r.id,
      number: r.number,
      reviewers: r.reviewers,
      eligible: r.eligible_ids.length,
      eligibleUserIds: r.eligible_ids,
      conflictedUserIds: r.conflicted_ids,
    }));
    return {
      assigned: applications.reduce((sum, a) => sum + a.reviewers.length, 0),
      applications,
      warnings: applications
        .filter((a) => a.eligible < commission.reviewersPerApplication)
        .map((a) => ({ applicationId: a.applicationId, number: a.number, eligible: a.eligible, required: commission.reviewersPerApplication })),
    };
  }

  async load(manager: EntityManager, commissionId: string): Promise<Commission> {
    const commission = await manager.findOneBy(Commission, { id: commissionId });
    if (!commission) throw DomainError.notFound('commission', commissionId);
    return commission;
  }

  async lock(manager: EntityManager, commissionId: string): Promise<Commission> {
    const commission = await manager.findOne(Commission, { where: { id: commissionId }, lock: { mode: 'pessimistic_write' } });
    if (!commission) throw DomainError.notFound('commission', commissionId);
    return commission;
  }

  /** Only current members act as members; to anyone else the commission does not exist. */
  async requireMember(manager: EntityManager, commissionId: string, actor: Actor): Promise<Commission> {
    const commission = await this.load(manager, commissionId);
    if (!actor.userId || !(await manager.existsBy(CommissionMember, { commissionId, userId: actor.userId, removedAt: IsNull() }))) {
      throw DomainError.notFound('commission', commissionId);
    }
    return commission;
  }

  private emitToMember(tx: Tx, commissionId: string, userId: string): void {
    tx.emit({ type: 'evaluation.member_added', aggregateType: 'commission', aggregateId: commissionId, payload: { userId } });
  }

  private async requireRoles(manager: EntityManager, userIds: string[], role: string, field: string): Promise<void> {
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND is_active AND $2 = ANY(roles)`, [userIds, role]);
    const found = new Set(rows.map((r) => r.id));
    const missing = userIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw DomainError.field(field, 'ROLE_REQUIRED', {
        cs: `Uživatel nemá potřebnou roli (${role}) nebo není aktivní: ${missing.join(', ')}.`,
        en: `The user lacks the role ${role} or is inactive: ${missing.join(', ')}.`,
      });
    }
  }

  private async view(manager: EntityManager, commissionId: string): Promise<CommissionView> {
    const commission = await this.load(manager, commissionId);
    const members = await manager.query<{ user_id: string; display_name: string; conflicts: string; assigned: string; declared_all: boolean }[]>(
      `SELECT m.user_id, u.display_name,
              (SELECT count(*) FROM coi_declaration d WHERE d.commission_id = m.commission_id AND d.user_id = m.user_id AND d.conflict) AS conflicts,
              (SELECT count(*) FROM review_assignment ra WHERE ra.commission_id = m.commission_id AND ra.user_id = m.user_id) AS assigned,
              NOT EXISTS (SELECT 1 FROM application a WHERE a.call_id = $2 AND a.status = 'accepted' AND NOT EXISTS (
                SELECT 1 FROM coi_declaration d WHERE d.commission_id = m.commission_id AND d.user_id = m.user_id AND d.organisation_id = a.organisation_id)) AS declared_all
         FROM commission_member m JOIN app_user u ON u.id = m.user_id
        WHERE m.commission_id = $1 AND m.removed_at IS NULL ORDER BY u.display_name`,
      [commissionId, commission.callId],
    );
    return {
      id: commission.id,
      callId: commission.callId,
      name: commission.name,
      chairUserId: commission.chairUserId,
      secretaryUserId: commission.secretaryUserId,
      members: members.map((m) => ({ userId: m.user_id, displayName: m.display_name, declaredAll: m.declared_all, conflicts: Number(m.conflicts), assigned: Number(m.assigned) })),
      reviewersPerApplication: commission.reviewersPerApplication,
      spreadLimit: commission.spreadLimit,
      overallThreshold: commission.overallThreshold,
      quorumPercent: commission.quorumPercent,
      strategy: commission.strategy,
      allowPartial: commission.allowPartial,
      version: commission.version,
    };
  }
}
