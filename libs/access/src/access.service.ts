import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainError } from '#core';

export type OrganisationAction = 'read' | 'update' | 'manage_members';

/**
 * The one place that decides whether an actor may touch particular objects. Checks are set-based
 * (one query for many ids) so list endpoints stay cheap. Objects the actor may not see are reported
 * as not found, so their existence does not leak.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private seesEverything(actor: Actor): boolean {
    return actor.roles.some((r) => r === 'staff' || r === 'admin' || r === 'auditor');
  }

  private writesEverything(actor: Actor): boolean {
    return actor.roles.some((r) => r === 'staff' || r === 'admin');
  }

  /** Organisation ids (of those asked) the actor is a member of, with their membership role. */
  /** `manager`: run on the caller's transaction connection (a check inside a transaction must never wait for a second pooled connection). */
  async memberships(actor: Actor, organisationIds?: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, 'owner' | 'member'>> {
    if (!actor.userId) return new Map();
    const rows = await manager.query<{ organisation_id: string; role: 'owner' | 'member' }[]>(
      `SELECT organisation_id, role FROM organisation_member WHERE user_id = $1 ${organisationIds ? 'AND organisation_id = ANY($2::uuid[])' : ''}`,
      organisationIds ? [actor.userId, organisationIds] : [actor.userId],
    );
    return new Map(rows.map((r) => [r.organisation_id, r.role]));
  }

  /** Null means "all organisations"; otherwise the ids the actor may read. */
  async readableOrganisationIds(actor: Actor): Promise<string[] | null> {
    if (this.seesEverything(actor)) return null;
    return [...(await this.memberships(actor)).keys()];
  }

  async requireOrganisations(actor: Actor, action: OrganisationAction, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (action === 'read' && this.seesEverything(actor)) return;
    if (action !== 'read' && this.writesEverything(actor)) return;
    const memberships = await this.memberships(actor, unique);
    for (const id of unique) {
      const role = memberships.get(id);
      if (!role) {
        if (this.seesEverything(actor)) throw DomainError.forbidden();
        throw DomainError.notFound('organisation', id);
      }
      if (action !== 'read' && role !== 'owner') {
        throw DomainError.forbidden('ORGANISATION_OWNER_REQUIRED', {
          cs: 'Tuto změnu může provést jen správce (vlastník) organizace.',
          en: 'Only an owner of the organisation can make this change.',
        });
      }
    }
  }

  /**
   * Objects that belong to an organisation (applications now; agreements and settlements later).
   * Reading: staff, auditors and admins see all, applicants their organisations' objects. Acting
   * for the applicant (editing, submitting, withdrawing): members of the organisation only, never
   * staff on the applicant's behalf. Invisible objects answer "not found", visible ones "forbidden".
   */
  async requireOrganisationObject(
    actor: Actor,
    action: 'read' | 'act_for_applicant',
    object: { type: string; id: string; organisationId: string },
    manager?: EntityManager,
  ): Promise<void> {
    if (action === 'read' && this.seesEverything(actor)) return;
    if ((await this.memberships(actor, [object.organisationId], manager)).has(object.organisationId)) return;
    if (this.seesEverything(actor)) {
      throw DomainError.forbidden('APPLICANT_ONLY', {
        cs: 'Tuto akci může provést jen žadatel (člen organizace), ne úředník za něj.',
        en: 'Only the applicant (a member of the organisation) can do this.',
      });
    }
    throw DomainError.notFound(object.type, object.id);
  }

  /**
   * Of the applications asked (or all of a commission's, when none are named), those this commission
   * member may see: assigned to them, while they are a member, and declared free of conflict with
   * the applicant organisation. A conflict declared at any time removes the row from this answer at
   * once, for every route that asks here.
   */
  async reviewableApplicationIds(
    actor: Actor,
    scope: { commissionId?: string; applicationIds?: string[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (!actor.userId) return new Set();
    const rows = await manager.query<{ application_id: string }[]>(
      `SELECT ra.application_id
         FROM review_assignment ra
         JOIN application a ON a.id = ra.application_id
         JOIN commission_member cm ON cm.commission_id = ra.commission_id AND cm.user_id = ra.user_id AND cm.removed_at IS NULL
         JOIN coi_declaration d ON d.commission_id = ra.commission_id AND d.user_id = ra.user_id AND d.organisation_id = a.organisation_id AND NOT d.conflict
        WHERE ra.user_id = $1
          AND ($2::uuid IS NULL OR ra.commission_id = $2)
          AND ($3::uuid[] IS NULL OR ra.application_id = ANY($3::uuid[]))`,
      [actor.userId, scope.commissionId ?? null, scope.applicationIds ?? null],
    );
    return new Set(rows.map((r) => r.application_id));
  }

  /** A commission member reaching one application: anything else is "not found". */
  async requireReviewer(actor: Actor, applicationId: string, manager?: EntityManager): Promise<void> {
    if (!(await this.reviewableApplicationIds(actor, { applicationIds: [applicationId] }, manager)).has(applicationId)) {
      throw DomainError.notFound('application', applicationId);
    }
  }

  /**
   * Reading a commission (its sessions, their agendas): staff, admins and auditors read every one;
   * anyone else only a commission they currently sit on, and to them any other does not exist.
   * Answers 'all' or 'member', so the caller knows whether to narrow what it shows.
   */
  async requireCommissionReader(actor: Actor, commissionId: string, manager: EntityManager = this.dataSource.manager): Promise<'all' | 'member'> {
    if (this.seesEverything(actor)) return 'all';
    const [row] = actor.userId
      ? await manager.query<{ one: number }[]>(`SELECT 1 AS one FROM commission_member WHERE commission_id = $1 AND user_id = $2 AND removed_at IS NULL`, [
          commissionId,
          actor.userId,
        ])
      : [];
    if (!row) throw DomainError.notFound('commission', commissionId);
    return 'member';
  }

  /**
   * Of a commission's applications asked, those the member has declared free of conflict. An
   * application whose organisation they declared a conflict with (or have not declared yet) is
   * left out, so no session agenda names it to them.
   */
  async conflictFreeApplicationIds(actor: Actor, commissionId: string, applicationIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (!actor.userId || applicationIds.length === 0) return new Set();
    const rows = await manager.query<{ id: string }[]>(
      `SELECT a.id FROM application a
         JOIN coi_declaration d ON d.commission_id = $1 AND d.user_id = $2 AND d.organisation_id = a.organisation_id AND NOT d.conflict
        WHERE a.id = ANY($3::uuid[])`,
      [commissionId, actor.userId, applicationIds],
    );
    return new Set(rows.map((r) => r.id));
  }
}
