import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallAnnexType, CallBudgetArea, GrantCall } from '#calls';
import { DomainError, Money } from '#core';
import { Tx } from '#database';
import { Organisation } from '#organisations';
import { APPLICATION_MACHINE, ApplicationStatus } from './application-status.js';
import { CompletenessContext } from './draft.js';
import { Application, ApplicationAttachment, ApplicationStatusChange, RemedyRequest } from './entities.js';

/** What an application is checked against, loaded once per call version and reused (calls change rarely, applications often). */
export interface CallRules {
  call: GrantCall;
  areas: CallBudgetArea[];
  annexTypes: CallAnnexType[];
  activityIds: string[];
}

/** Loading and bookkeeping shared by the application services. */
@Injectable()
export class ApplicationStore {
  private readonly rulesCache = new Map<string, Omit<CallRules, 'call'>>();

  async lock(manager: EntityManager, id: string): Promise<Application> {
    const application = await manager.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!application) throw DomainError.notFound('application', id);
    return application;
  }

  async find(manager: EntityManager, id: string): Promise<Application> {
    const application = await manager.findOneBy(Application, { id });
    if (!application) throw DomainError.notFound('application', id);
    return application;
  }

  async callRules(manager: EntityManager, callId: string): Promise<CallRules> {
    const call = await manager.findOneByOrFail(GrantCall, { id: callId });
    const key = `${call.id}:${call.version}`;
    let children = this.rulesCache.get(key);
    if (!children) {
      const [areas, annexTypes, activities] = await Promise.all([
        manager.find(CallBudgetArea, { where: { callId }, order: { position: 'ASC' } }),
        manager.find(CallAnnexType, { where: { callId }, order: { position: 'ASC' } }),
        manager.query('SELECT strategy_node_id AS id FROM call_activity WHERE call_id = $1', [callId]) as Promise<{ id: string }[]>,
      ]);
      children = { areas, annexTypes, activityIds: activities.map((a) => a.id) };
      if (this.rulesCache.size > 200) this.rulesCache.clear();
      this.rulesCache.set(key, children);
    }
    return { call, ...children };
  }

  completenessContext(application: Application, rules: CallRules, organisation: Organisation, attachments: ApplicationAttachment[]): CompletenessContext {
    return {
      draft: application.draft,
      organisationType: organisation.type,
      call: {
        eligibleApplicantTypes: rules.call.eligibleApplicantTypes,
        budgetAreaCodes: rules.areas.map((a) => a.code),
        minGrant: rules.call.minGrant,
        maxGrant: rules.call.maxGrant,
        coFinancingMinPercent: rules.call.coFinancingMinPercent,
        costCategoryCodes: rules.call.costCategories.map((c) => c.code),
        activityIds: rules.activityIds,
        annexTypes: rules.annexTypes,
      },
      attachedAnnexCodes: [...new Set(attachments.map((a) => a.annexTypeCode))],
    };
  }

  activeAttachments(manager: EntityManager, applicationId: string): Promise<ApplicationAttachment[]> {
    return manager
      .createQueryBuilder(ApplicationAttachment, 'a')
      .where('a.application_id = :applicationId AND a.removed_at IS NULL', { applicationId })
      .orderBy('a.uploaded_at')
      .getMany();
  }

  openRemedy(manager: EntityManager, applicationId: string): Promise<RemedyRequest | null> {
    return manager.findOneBy(RemedyRequest, { applicationId, status: 'open' });
  }

  /** Moves the application along the status machine and leaves the history row and the audit entry. */
  async changeStatus(tx: Tx, application: Application, action: Parameters<typeof APPLICATION_MACHINE.assert>[0], reason: string | null, extra: Partial<Application> = {}): Promise<ApplicationStatus> {
    const from = application.status;
    const to = APPLICATION_MACHINE.assert(action, from);
    Object.assign(application, extra, { status: to, updatedAt: tx.now });
    await tx.manager.update(Application, { id: application.id }, { ...extra, status: to, updatedAt: tx.now });
    await tx.manager.insert(ApplicationStatusChange, { applicationId: application.id, fromStatus: from, toStatus: to, changedAt: tx.now, changedBy: tx.actor.userId, reason });
    tx.audit({ action: `application.${action}`, objectType: 'application', objectId: application.id, before: { status: from }, after: { status: to, reason, ...auditable(extra) } });
    return to;
  }
}

/** Money and dates as the audit log stores them (strings), not as objects. */
function auditable(values: Partial<Application>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, v instanceof Money ? v.toString() : v instanceof Date ? v.toISOString() : v]).filter(([k]) => k !== 'draft'),
  );
}
