import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '#access';
import { assertOrganisationVerified } from '#organisations';
import { Actor, DomainError, formatCzechDateTime, Money } from '#core';
import { Tx, UnitOfWork } from '#database';
import { APPLICATION_MACHINE } from './application-status.js';
import { LedgerWriter } from '#ledger';
import { ApplicationStore } from './application-store.js';
import type { CallRules, SubmissionContext } from './application-store.js';
import { budgetSummary, checkCompleteness, percentToBasisPoints } from './draft.js';
import type { SubmittedContent } from './draft.js';
import { SubmissionReceipt, VersionView } from './dto.js';
import { Application, ApplicationVersion, RemedyRequest } from './entities.js';

/** JSON with sorted keys, so the same content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

export function receiptOf(
  application: { id: string; number: string },
  version: Pick<ApplicationVersion, 'versionNo' | 'kind' | 'receiptNumber' | 'submittedAt' | 'contentSha256'>,
): SubmissionReceipt {
  return {
    applicationId: application.id,
    applicationNumber: application.number,
    receiptNumber: version.receiptNumber,
    versionNo: version.versionNo,
    kind: version.kind,
    submittedAt: version.submittedAt.toISOString(),
    contentSha256: version.contentSha256,
    receiptPdf: `/applications/${application.id}/versions/${version.versionNo}/receipt.pdf`,
  };
}

/** How long an identical submission without an Idempotency-Key counts as a repeat of the last one. */
const RESUBMIT_TWIN_WINDOW_MS = 10 * 60_000;

/**
 * Submission: the whole draft is checked, frozen as a new version with a receipt number and a
 * content hash, and becomes the version that counts. Before the deadline an applicant may submit
 * again (the last version counts, all are kept). The PDF receipt is rendered after commit by the
 * worker, so the deadline rush waits only for the database.
 */
@Injectable()
export class SubmissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly access: AccessService,
    private readonly store: ApplicationStore,
    private readonly ledger: LedgerWriter,
  ) {}

  async submit(actor: Actor, id: string, idempotencyKey: string | undefined): Promise<{ receipt: SubmissionReceipt; replayed: boolean }> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw DomainError.field('Idempotency-Key', 'IDEMPOTENCY_KEY_INVALID', {
        cs: 'Hlavička Idempotency-Key musí mít 8–100 znaků (písmena, číslice, _ . : -).',
        en: 'The Idempotency-Key header must be 8-100 characters (letters, digits, _ . : -).',
      });
    }
    return this.unitOfWork
      .run(actor, async (tx) => {
        // The row lock orders concurrent submissions of one application; a retry with the same key then finds the first one's version.
        const application = await this.store.lock(tx.manager, id);
        await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'application', id, organisationId: application.organisationId }, tx.manager);
        const context = await this.store.submissionContext(tx.manager, application, idempotencyKey ?? null);
        if (context.replay) throw new Replayed(receiptOf(application, context.replay));
        // Who may act for the organisation must be verified first (drafts are fine before).
        await assertOrganisationVerified(tx.manager, application.organisationId);
        return { receipt: await this.submitLocked(tx, application, context, idempotencyKey ?? null), replayed: false };
      })
      .catch((error: unknown) => {
        if (error instanceof Replayed) return { receipt: error.receipt, replayed: true };
        throw error;
      });
  }

  /**
   * A submission without an Idempotency-Key whose content equals the last version's, made within
   * RESUBMIT_TWIN_WINDOW_MS of it, is the same submission sent twice (a double click, a client's
   * retry): it answers with that version's receipt instead of a new version, receipt and mail.
   */
  private async recentTwin(tx: Tx, application: Application, contentSha256: string): Promise<ApplicationVersion | null> {
    const twin = await tx.manager.getRepository(ApplicationVersion).findOneBy({ applicationId: application.id, versionNo: application.currentVersionNo });
    if (!twin || twin.contentSha256 !== contentSha256 || twin.kind !== 'submission') return null;
    return tx.now.getTime() - twin.submittedAt.getTime() < RESUBMIT_TWIN_WINDOW_MS ? twin : null;
  }

  private async submitLocked(tx: Tx, application: Application, { rules, organisation, attachments }: SubmissionContext, idempotencyKey: string | null): Promise<SubmissionReceipt> {
    const remedy = application.status === 'remedy_requested' ? await this.store.openRemedy(tx.manager, application.id) : null;
    const action = remedy ? 'answer_remedy' : 'submit';
    APPLICATION_MACHINE.assert(action, application.status);
    const deadline = remedy ? remedy.deadlineAt : rules.call.closesAt!;
    if (tx.now >= deadline) {
      throw DomainError.conflict(
        remedy ? 'REMEDY_DEADLINE_PASSED' : 'DEADLINE_PASSED',
        {
          cs: `Lhůta ${remedy ? 'k odstranění vad' : 'pro podání žádostí'} skončila ${formatCzechDateTime(deadline)}; žádost nelze podat.`,
          en: `The ${remedy ? 'remedy' : 'application'} deadline passed at ${deadline.toISOString()}; the application cannot be submitted.`,
        },
        { deadline: deadline.toISOString() },
      );
    }
    if (!remedy && tx.now < rules.call.opensAt!) {
      throw DomainError.conflict('CALL_NOT_OPEN', { cs: 'Příjem žádostí ještě nezačal.', en: 'The application period has not started yet.' });
    }
    const missing = checkCompleteness(this.store.completenessContext(application, rules, organisation, attachments));
    if (missing.length > 0) {
      throw DomainError.validation(missing, 'APPLICATION_INCOMPLETE');
    }

    const draft = application.draft;
    const budget = budgetSummary(draft.budgetLines);
    if (remedy) assertRemedyKeepsSubstance(application, rules, draft, Money.parse(budget.requested));
    const content: SubmittedContent = {
      draft,
      organisation: {
        id: organisation.id,
        name: organisation.name,
        ico: organisation.ico,
        type: organisation.type,
        seat: `${organisation.seatStreet}, ${organisation.seatPostalCode} ${organisation.seatCity}`,
      },
      call: { id: rules.call.id, code: rules.call.code, title: rules.call.title },
      budget,
      annexes: attachments.map((a) => ({
        attachmentId: a.id,
        annexTypeCode: a.annexTypeCode,
        fileName: a.fileName,
        mediaType: a.mediaType,
        sizeBytes: a.sizeBytes,
        sha256: a.sha256,
      })),
    };
    const contentSha256 = createHash('sha256').update(canonicalJson(content)).digest('hex');
    if (idempotencyKey === null && action === 'submit' && application.currentVersionNo > 0) {
      const twin = await this.recentTwin(tx, application, contentSha256);
      if (twin) throw new Replayed(receiptOf(application, twin));
    }
    const versionNo = application.currentVersionNo + 1;
    const version: ApplicationVersion = {
      id: randomUUID(),
      applicationId: application.id,
      versionNo,
      kind: remedy ? 'remedy' : 'submission',
      receiptNumber: `${application.number}/${versionNo}`,
      content,
      contentSha256,
      submittedAt: tx.now,
      submittedBy: tx.actor.userId,
      idempotencyKey,
      receiptStorageKey: null,
    };
    // The rows later stages use describe the version that counts. A draft has never been submitted (nothing returns
    // to 'draft', and the mapping can be corrected only once submitted), so it has no such rows to replace yet.
    if (application.status !== 'draft') {
      await tx.manager.query('WITH lines AS (DELETE FROM application_budget_line WHERE application_id = $1) DELETE FROM application_activity WHERE application_id = $1', [
        application.id,
      ]);
    }
    const lines = draft.budgetLines!;
    const activities = draft.activities!;
    // The version, its budget lines and its activity shares in one statement: the deadline rush waits for every round trip.
    await tx.manager.query(
      `WITH version AS (
         INSERT INTO application_version (id, application_id, version_no, kind, receipt_number, content, content_sha256, submitted_at, submitted_by, idempotency_key, receipt_storage_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ), budget_lines AS (
         INSERT INTO application_budget_line (id, application_id, version_no, position, category_code, description, total_cost, requested, other_sources)
         SELECT line.id, $2, $3, line.position, line.category_code, line.description, line.total_cost, line.requested, line.other_sources
           FROM unnest($12::uuid[], $13::int[], $14::text[], $15::text[], $16::numeric[], $17::numeric[], $18::numeric[])
             AS line (id, position, category_code, description, total_cost, requested, other_sources)
       )
       INSERT INTO application_activity (application_id, strategy_node_id, share_basis_points)
       SELECT $2, share.strategy_node_id, share.basis_points FROM unnest($19::uuid[], $20::int[]) AS share (strategy_node_id, basis_points)`,
      [
        version.id,
        version.applicationId,
        version.versionNo,
        version.kind,
        version.receiptNumber,
        JSON.stringify(version.content),
        version.contentSha256,
        version.submittedAt,
        version.submittedBy,
        version.idempotencyKey,
        version.receiptStorageKey,
        lines.map(() => randomUUID()),
        lines.map((_, position) => position),
        lines.map((line) => line.category!),
        lines.map((line) => line.description!),
        lines.map((line) => Money.parse(line.totalCost!).toString()),
        lines.map((line) => Money.parse(line.requested!).toString()),
        lines.map((line) => Money.parse(line.otherSources!).toString()),
        activities.map((a) => a.activityId!),
        activities.map((a) => percentToBasisPoints(a.sharePercent!)),
      ],
    );
    if (remedy) {
      await tx.manager.update(RemedyRequest, { id: remedy.id }, { status: 'answered', answeredAt: tx.now, answeredVersionNo: versionNo });
    }
    // The ledger's "requested": the version that counts, by its activity shares; an earlier version's entries are cancelled first.
    if (application.status !== 'draft')
      await this.ledger.reverse(tx, { kind: 'requested', applicationIds: [application.id], sourceType: 'application_version', sourceId: version.id });
    await this.ledger.record(tx, [
      {
        kind: 'requested',
        callId: rules.call.id,
        budgetAreaId: rules.areas.find((a) => a.code === draft.budgetAreaCode)!.id,
        applicationId: application.id,
        amount: Money.parse(budget.requested),
        sourceType: 'application_version',
        sourceId: version.id,
        shares: activities.map((a) => ({ activityId: a.activityId!, basisPoints: percentToBasisPoints(a.sharePercent!) })),
      },
    ]);
    await this.store.changeStatus(tx, application, action, null, {
      currentVersionNo: versionNo,
      title: draft.project!.title!.trim(),
      budgetAreaId: rules.areas.find((a) => a.code === draft.budgetAreaCode)!.id,
      requestedAmount: Money.parse(budget.requested),
      totalCost: Money.parse(budget.totalCost),
      firstSubmittedAt: application.firstSubmittedAt ?? tx.now,
      lastSubmittedAt: tx.now,
    });
    tx.audit({
      action: 'application.version_submitted',
      objectType: 'application',
      objectId: application.id,
      after: { versionNo, receiptNumber: version.receiptNumber, contentSha256: version.contentSha256 },
    });
    tx.emit({ type: 'application.submitted', aggregateType: 'application', aggregateId: application.id, payload: { versionNo } });
    return receiptOf(application, version);
  }

  async versions(actor: Actor, id: string): Promise<VersionView[]> {
    const application = await this.store.find(this.dataSource.manager, id);
    await this.access.requireOrganisationObject(actor, 'read', { type: 'application', id, organisationId: application.organisationId });
    const versions = await this.dataSource.getRepository(ApplicationVersion).find({ where: { applicationId: id }, order: { versionNo: 'ASC' } });
    return versions.map((v) => receiptOf(application, v));
  }

  async version(actor: Actor, id: string, versionNo: number): Promise<VersionView & { content: SubmittedContent }> {
    const application = await this.store.find(this.dataSource.manager, id);
    await this.access.requireOrganisationObject(actor, 'read', { type: 'application', id, organisationId: application.organisationId });
    const version = await this.dataSource.getRepository(ApplicationVersion).findOneBy({ applicationId: id, versionNo });
    if (!version) throw DomainError.notFound('application_version', `${id}/${versionNo}`);
    return { ...receiptOf(application, version), content: version.content };
  }
}

class Replayed extends Error {
  constructor(readonly receipt: SubmissionReceipt) {
    super('replayed');
  }
}

/**
 * A remedy fixes defects of the submitted application; it does not make a new one: the total asked
 * for may not rise above the submitted version's, and the project stays in its budget area.
 */
function assertRemedyKeepsSubstance(application: Application, rules: CallRules, draft: Application['draft'], requested: Money): void {
  const submitted = application.requestedAmount!;
  if (requested.compare(submitted) > 0) {
    throw DomainError.field('budgetLines', 'REMEDY_RAISES_REQUEST', {
      cs: `Odstranění vad nemůže zvýšit požadovanou částku nad podanou verzi (${submitted.format()}); nyní ${requested.format()}.`,
      en: `A remedy cannot raise the requested amount above the submitted version's ${submitted.toString()}; now ${requested.toString()}.`,
    });
  }
  if (rules.areas.find((a) => a.code === draft.budgetAreaCode)?.id !== application.budgetAreaId) {
    throw DomainError.field('budgetAreaCode', 'REMEDY_CHANGES_SUBSTANCE', {
      cs: 'Odstraněním vad nelze přesunout projekt do jiného okruhu.',
      en: 'A remedy cannot move the project to another budget area.',
    });
  }
}
