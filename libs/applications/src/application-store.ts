import { Injectable } from '@nestjs/common';
import { EntityManager, EntityNotFoundError, EntityTarget, ObjectLiteral } from 'typeorm';
import { CallAnnexType, CallBudgetArea, GrantCall } from '#calls';
import { DomainError, Money } from '#core';
import { Tx } from '#database';
import { Organisation } from '#organisations';
import { APPLICATION_MACHINE, ApplicationStatus } from './application-status.js';
import { CompletenessContext } from './draft.js';
import { Application, ApplicationAttachment, RemedyRequest } from './entities.js';

/** What an application is checked against, loaded once per call version and reused (calls change rarely, applications often). */
export interface CallRules {
  call: GrantCall;
  areas: CallBudgetArea[];
  annexTypes: CallAnnexType[];
  activityIds: string[];
}

/**
 * Rows of a hand-written SELECT turned into entities exactly as TypeORM hydrates its own results
 * (driver conversions and column transformers, e.g. numeric → Money). Submission runs in the
 * deadline rush, where building queries through the query builder cost more CPU than the
 * database spent answering them; its reads use this instead.
 */
export function hydrate<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: Record<string, unknown>[]): T[] {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  return rows.map((row) => {
    const entity = metadata.create(undefined, { fromDeserializer: true }) as T;
    for (const column of metadata.columns) {
      const value = row[column.databaseName];
      if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
    }
    return entity;
  });
}

/** Loading and bookkeeping shared by the application services. */
@Injectable()
export class ApplicationStore {
  private readonly rulesCache = new Map<string, Omit<CallRules, 'call'>>();

  async lock(manager: EntityManager, id: string): Promise<Application> {
    const [application] = hydrate(manager, Application, await manager.query('SELECT * FROM application WHERE id = $1 FOR UPDATE', [id]));
    if (!application) throw DomainError.notFound('application', id);
    return application;
  }

  /** The organisation an application belongs to, for the access check made before its row is locked (without reading the draft). */
  async organisationOf(manager: EntityManager, id: string): Promise<string> {
    const [row] = (await manager.query('SELECT organisation_id FROM application WHERE id = $1', [id])) as { organisation_id: string }[];
    if (!row) throw DomainError.notFound('application', id);
    return row.organisation_id;
  }

  async find(manager: EntityManager, id: string): Promise<Application> {
    const application = await manager.findOneBy(Application, { id });
    if (!application) throw DomainError.notFound('application', id);
    return application;
  }

  async callRules(manager: EntityManager, callId: string): Promise<CallRules> {
    const [call] = hydrate(manager, GrantCall, await manager.query('SELECT * FROM grant_call WHERE id = $1', [callId]));
    if (!call) throw new EntityNotFoundError(GrantCall, { id: callId });
    const key = `${call.id}:${call.version}`;
    let children = this.rulesCache.get(key);
    if (!children) {
      // One after another: inside a transaction they share one connection anyway.
      const areas = await manager.find(CallBudgetArea, { where: { callId }, order: { position: 'ASC' } });
      const annexTypes = await manager.find(CallAnnexType, { where: { callId }, order: { position: 'ASC' } });
      const activities = (await manager.query('SELECT strategy_node_id AS id FROM call_activity WHERE call_id = $1', [callId])) as { id: string }[];
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

  async activeAttachments(manager: EntityManager, applicationId: string): Promise<ApplicationAttachment[]> {
    const rows = await manager.query('SELECT * FROM application_attachment WHERE application_id = $1 AND removed_at IS NULL ORDER BY uploaded_at', [applicationId]);
    return hydrate(manager, ApplicationAttachment, rows);
  }

  openRemedy(manager: EntityManager, applicationId: string): Promise<RemedyRequest | null> {
    return manager.findOneBy(RemedyRequest, { applicationId, status: 'open' });
  }

  /** Moves the application along the status machine and leaves the history row and the audit entry. */
  async changeStatus(tx: Tx, application: Application, action: Parameters<typeof APPLICATION_MACHINE.assert>[0], reason: string | null, extra: Partial<Application> = {}): Promise<ApplicationStatus> {
    const from = application.status;
    const to = APPLICATION_MACHINE.assert(action, from);
    Object.assign(application, extra, { status: to, updatedAt: tx.now });
    // The row and its history row in one statement: fewer round trips while the row lock is held.
    // Values are converted per column as TypeORM's update would (transformers, JSON, dates); undefined is left out, as there.
    const metadata = tx.manager.connection.getMetadata(Application);
    const driver = tx.manager.connection.driver;
    const params: unknown[] = [application.id, from, to, tx.now, tx.actor.userId, reason];
    const assignments = Object.entries({ ...extra, status: to, updatedAt: tx.now })
      .filter(([, value]) => value !== undefined)
      .map(([property, value]) => {
        const column = metadata.findColumnWithPropertyName(property);
        if (!column) throw new Error(`application has no column for the property "${property}"`);
        params.push(driver.preparePersistentValue(value, column));
        return `${driver.escape(column.databaseName)} = $${params.length}`;
      });
    await tx.manager.query(
      `WITH changed AS (UPDATE application SET ${assignments.join(', ')} WHERE id = $1)
       INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason) VALUES ($1, $2, $3, $4, $5, $6)`,
      params,
    );
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
