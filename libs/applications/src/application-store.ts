import { Injectable } from '@nestjs/common';
import { EntityManager, EntityNotFoundError, EntityTarget, ObjectLiteral } from 'typeorm';
import { CallAnnexType, CallBudgetArea, GrantCall } from '#calls';
import { DomainError, Money } from '#core';
import { Tx } from '#database';
import { LedgerWriter } from '#ledger';
import { Organisation } from '#organisations';
import { APPLICATION_MACHINE, ApplicationStatus } from './application-status.js';
import { CompletenessContext } from './draft.js';
import { Application, ApplicationAttachment, ApplicationVersion, RemedyRequest } from './entities.js';

/** Statuses in which an application is out of the running. */
export const ENDED_STATUSES: readonly ApplicationStatus[] = ['excluded', 'withdrawn'];

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

export interface SubmissionContext {
  rules: CallRules;
  organisation: Pick<Organisation, 'id' | 'type' | 'name' | 'ico' | 'seatStreet' | 'seatCity' | 'seatPostalCode'>;
  attachments: Pick<ApplicationAttachment, 'id' | 'annexTypeCode' | 'fileName' | 'mediaType' | 'sizeBytes' | 'sha256'>[];
  /** The version an earlier request with the same Idempotency-Key created. */
  replay: Pick<ApplicationVersion, 'versionNo' | 'kind' | 'receiptNumber' | 'submittedAt' | 'contentSha256'> | null;
}

/** Loading and bookkeeping shared by the application services. */
@Injectable()
export class ApplicationStore {
  constructor(private readonly ledger: LedgerWriter) {}

  // Keyed by call id and version. The cached call row must not be used for last_application_seq, which changes without a version bump.
  private readonly rulesCache = new Map<string, CallRules>();

  async lock(manager: EntityManager, id: string): Promise<Application> {
    const [application] = hydrate(manager, Application, await manager.query('SELECT * FROM application WHERE id = $1 FOR UPDATE', [id]));
    if (!application) throw DomainError.notFound('application', id);
    return application;
  }

  async find(manager: EntityManager, id: string): Promise<Application> {
    const application = await manager.findOneBy(Application, { id });
    if (!application) throw DomainError.notFound('application', id);
    return application;
  }

  /**
   * The call's rules. Every change of a call's content or status bumps its version, so a caller that
   * already knows the current version (read in the same statement as something else) skips the read.
   */
  async callRules(manager: EntityManager, callId: string, knownVersion?: number): Promise<CallRules> {
    const cached = knownVersion === undefined ? undefined : this.rulesCache.get(`${callId}:${knownVersion}`);
    if (cached) return cached;
    const [call] = hydrate(manager, GrantCall, await manager.query('SELECT * FROM grant_call WHERE id = $1', [callId]));
    if (!call) throw new EntityNotFoundError(GrantCall, { id: callId });
    const key = `${call.id}:${call.version}`;
    let rules = this.rulesCache.get(key);
    if (!rules) {
      // One after another: inside a transaction they share one connection anyway.
      const areas = await manager.find(CallBudgetArea, { where: { callId }, order: { position: 'ASC' } });
      const annexTypes = await manager.find(CallAnnexType, { where: { callId }, order: { position: 'ASC' } });
      const activities = await manager.query<{ id: string }[]>('SELECT strategy_node_id AS id FROM call_activity WHERE call_id = $1', [callId]);
      rules = { call, areas, annexTypes, activityIds: activities.map((a) => a.id) };
      if (this.rulesCache.size > 200) this.rulesCache.clear();
      this.rulesCache.set(key, rules);
    }
    return rules;
  }

  /**
   * Everything a submission reads besides the locked application, in one round trip: the call's
   * version, the organisation, the attached annexes and an earlier version with the same
   * Idempotency-Key. Run after the row lock, so (each statement seeing the latest commits) it sees
   * what a concurrent submission of the same application committed while we waited.
   */
  async submissionContext(manager: EntityManager, application: Application, idempotencyKey: string | null): Promise<SubmissionContext> {
    const [row] = await manager.query<
      {
        call_version: number;
        organisation: SubmissionContext['organisation'];
        attachments: SubmissionContext['attachments'];
        replay: (Omit<NonNullable<SubmissionContext['replay']>, 'submittedAt'> & { submittedAt: string }) | null;
      }[]
    >(
      `SELECT c.version AS call_version,
              json_build_object('id', o.id, 'type', o.type, 'name', o.name, 'ico', o.ico, 'seatStreet', o.seat_street, 'seatCity', o.seat_city, 'seatPostalCode', o.seat_postal_code) AS organisation,
              (SELECT coalesce(json_agg(json_build_object('id', f.id, 'annexTypeCode', f.annex_type_code, 'fileName', f.file_name, 'mediaType', f.media_type, 'sizeBytes', f.size_bytes, 'sha256', f.sha256) ORDER BY f.uploaded_at), '[]'::json)
                 FROM application_attachment f WHERE f.application_id = $3 AND f.removed_at IS NULL) AS attachments,
              (SELECT json_build_object('versionNo', v.version_no, 'kind', v.kind, 'receiptNumber', v.receipt_number, 'submittedAt', v.submitted_at, 'contentSha256', v.content_sha256)
                 FROM application_version v WHERE v.application_id = $3 AND v.idempotency_key = $4) AS replay
         FROM grant_call c, organisation o WHERE c.id = $1 AND o.id = $2`,
      [application.callId, application.organisationId, application.id, idempotencyKey],
    );
    return {
      rules: await this.callRules(manager, application.callId, row.call_version),
      organisation: row.organisation,
      attachments: row.attachments,
      replay: row.replay && { ...row.replay, submittedAt: new Date(row.replay.submittedAt) },
    };
  }

  completenessContext(
    application: Application,
    rules: CallRules,
    organisation: Pick<Organisation, 'type'>,
    attachments: Pick<ApplicationAttachment, 'annexTypeCode'>[],
  ): CompletenessContext {
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
    const rows = await manager.query<Record<string, unknown>[]>('SELECT * FROM application_attachment WHERE application_id = $1 AND removed_at IS NULL ORDER BY uploaded_at', [
      applicationId,
    ]);
    return hydrate(manager, ApplicationAttachment, rows);
  }

  openRemedy(manager: EntityManager, applicationId: string): Promise<RemedyRequest | null> {
    return manager.findOneBy(RemedyRequest, { applicationId, status: 'open' });
  }

  /** Moves the application along the status machine and leaves the history row and the audit entry. */
  async changeStatus(
    tx: Tx,
    application: Application,
    action: Parameters<typeof APPLICATION_MACHINE.assert>[0],
    reason: string | null,
    extra: Partial<Application> = {},
  ): Promise<ApplicationStatus> {
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
    tx.audit({
      action: `application.${action}`,
      objectType: 'application',
      objectId: application.id,
      before: { status: from },
      after: { status: to, reason, ...auditable(extra) },
    });
    // An application out of the running (excluded, lapsed, withdrawn) asks for nothing any more: its
    // "requested" entries are cancelled by opposite ones, whichever path ended it. The trace still shows
    // what such applications asked, from these entries' source type.
    if (ENDED_STATUSES.includes(to) && from !== 'draft') {
      await this.ledger.reverse(tx, { kind: 'requested', applicationIds: [application.id], sourceType: `application_${to}`, sourceId: application.id });
    }
    return to;
  }
}

/** Money and dates as the audit log stores them (strings), not as objects. */
function auditable(values: Partial<Application>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries<unknown>(values)
      .map(([k, v]): [string, unknown] => [k, v instanceof Money ? v.toString() : v instanceof Date ? v.toISOString() : v])
      .filter(([k]) => k !== 'draft'),
  );
}
