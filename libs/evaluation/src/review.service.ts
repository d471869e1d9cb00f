import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccessService } from '#access';
import { ApplicationAttachment, ApplicationVersion } from '#applications';
import { CallCriterion } from '#calls';
import { Actor, DomainError } from '#core';
import { readAll, UnitOfWork } from '#database';
import { FileStorage } from '#storage';
import { CommissionService } from './commission.service.js';
import type { SaveSheetRequest } from './dto.js';
import { ScoreSheet, StoredCriterionScore } from './entities.js';
import { checkSheet, Criterion } from './scoring/index.js';

export interface SheetView {
  applicationId: string;
  status: 'new' | 'draft' | 'submitted' | 'void';
  scores: StoredCriterionScore[];
  version: number;
  submittedAt: Date | null;
  problems: ReturnType<typeof checkSheet>;
}

export function toCriteria(rows: CallCriterion[]): Criterion[] {
  return rows.map((c) => ({ id: c.id, code: c.code, name: c.name, maxScore: c.maxScore, weight: c.weight, minScore: c.minScore, position: c.position }));
}

/** The sheet as a write leaves it, and the audit action it records. */
type SheetChange = { scores: StoredCriterionScore[]; status: 'draft' | 'submitted'; action: string };

/**
 * What a commission member does with an application assigned to them: read it, score it, submit
 * the sheet. Every read and write starts with AccessService.requireReviewer, so an unassigned or
 * conflicted member gets "not found" from every route alike.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly commissions: CommissionService,
    private readonly storage: FileStorage,
  ) {}

  async myApplications(actor: Actor, commissionId: string) {
    await this.commissions.requireMember(this.dataSource.manager, commissionId, actor);
    const ids = [...(await this.access.reviewableApplicationIds(actor, { commissionId }))];
    const rows = await this.dataSource.query<
      { id: string; number: string; title: string | null; applicant: string; requested_amount: string | null; status: string | null; version: number | null }[]
    >(
      `SELECT a.id, a.number, a.title, o.name AS applicant, a.requested_amount, s.status, s.version
         FROM application a JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN score_sheet s ON s.application_id = a.id AND s.user_id = $2
        WHERE a.id = ANY($1::uuid[]) ORDER BY a.number`,
      [ids, actor.userId],
    );
    return rows.map((r) => ({
      applicationId: r.id,
      number: r.number,
      title: r.title,
      applicant: r.applicant,
      requestedAmount: r.requested_amount,
      sheetStatus: r.status ?? 'new',
      sheetVersion: r.version ?? 0,
    }));
  }

  /** The submitted content the member scores (the version that counts), the criteria and their own sheet. */
  async application(actor: Actor, applicationId: string) {
    await this.access.requireReviewer(actor, applicationId);
    // What the scoring page needs, read side by side on the pool (the page waits for this one answer).
    const manager = this.dataSource.manager;
    const [version, attachments, criteriaRows, stored] = await readAll<[ApplicationVersion | null, ApplicationAttachment[], CallCriterion[], ScoreSheet | null]>(manager, [
      () => manager.findOne(ApplicationVersion, { where: { applicationId }, order: { versionNo: 'DESC' } }),
      () => manager.find(ApplicationAttachment, { where: { applicationId, removedAt: IsNull() }, order: { uploadedAt: 'ASC' } }),
      () => this.criteriaOf(manager, applicationId),
      () => manager.findOneBy(ScoreSheet, { applicationId, userId: actor.userId! }),
    ]);
    if (!version) throw DomainError.notFound('application', applicationId);
    const criteria = toCriteria(criteriaRows);
    return {
      applicationId,
      versionNo: version.versionNo,
      receiptNumber: version.receiptNumber,
      content: version.content,
      attachments: attachments.map((a) => ({ id: a.id, annexTypeCode: a.annexTypeCode, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes })),
      criteria,
      sheet: this.view(applicationId, stored, criteria),
    };
  }

  async attachment(actor: Actor, applicationId: string, attachmentId: string): Promise<{ stream: Readable; fileName: string; mediaType: string }> {
    await this.access.requireReviewer(actor, applicationId);
    const attachment = await this.dataSource.getRepository(ApplicationAttachment).findOneBy({ id: attachmentId, applicationId });
    if (!attachment || attachment.removedAt) throw DomainError.notFound('attachment', attachmentId);
    return { stream: await this.storage.get(attachment.storageKey), fileName: attachment.fileName, mediaType: attachment.mediaType };
  }

  async sheet(actor: Actor, applicationId: string): Promise<SheetView> {
    await this.access.requireReviewer(actor, applicationId);
    const sheet = await this.dataSource.getRepository(ScoreSheet).findOneBy({ applicationId, userId: actor.userId! });
    const criteria = toCriteria(await this.criteriaOf(this.dataSource.manager, applicationId));
    return this.view(applicationId, sheet, criteria);
  }

  /** Any partial sheet saves (ranges are checked); the version guards against a second tab. */
  async save(actor: Actor, applicationId: string, request: SaveSheetRequest): Promise<SheetView> {
    return this.write(actor, applicationId, request.version, (_sheet, criteria) => {
      const problems = checkSheet(criteria, request.scores.map(normalise), false);
      if (problems.length > 0) throw sheetInvalid(problems);
      return { scores: request.scores.map(normalise), status: 'draft' as const, action: 'score_sheet.saved' };
    });
  }

  /** Submitting checks completeness (every criterion scored or n/a, with a justification) and locks the sheet. */
  async submit(actor: Actor, applicationId: string, version: number): Promise<SheetView> {
    return this.write(actor, applicationId, version, (sheet, criteria) => {
      if (!sheet) throw DomainError.staleVersion(null);
      const problems = checkSheet(criteria, sheet.scores, true);
      if (problems.length > 0) throw sheetInvalid(problems);
      return { scores: sheet.scores, status: 'submitted' as const, action: 'score_sheet.submitted' };
    });
  }

  /** Only the chair reopens a submitted sheet, with a reason; the member can then change it. */
  async reopen(actor: Actor, sheetOwner: { applicationId: string; userId: string }, reason: string): Promise<SheetView> {
    return this.unitOfWork.run(actor, async (tx) => {
      const sheet = await tx.manager.findOne(ScoreSheet, { where: { applicationId: sheetOwner.applicationId, userId: sheetOwner.userId }, lock: { mode: 'pessimistic_write' } });
      if (!sheet) throw DomainError.notFound('score_sheet', `${sheetOwner.applicationId}/${sheetOwner.userId}`);
      const commission = await this.commissions.requireMember(tx.manager, sheet.commissionId, actor);
      if (commission.chairUserId !== actor.userId) {
        throw DomainError.forbidden('CHAIR_ONLY', {
          cs: 'Odevzdaný hodnoticí list může znovu otevřít jen předseda komise.',
          en: 'Only the chair can reopen a submitted score sheet.',
        });
      }
      await this.requireOpenEvaluation(tx.manager, sheet.applicationId);
      if (sheet.status !== 'submitted') {
        throw DomainError.conflict('SHEET_NOT_SUBMITTED', { cs: 'Hodnoticí list není odevzdán.', en: 'The score sheet is not submitted.' });
      }
      await tx.manager.update(ScoreSheet, { id: sheet.id }, { status: 'draft', submittedAt: null, version: sheet.version + 1, updatedAt: tx.now });
      tx.audit({ action: 'score_sheet.reopened', objectType: 'score_sheet', objectId: sheet.id, before: { status: 'submitted' }, after: { status: 'draft', reason } });
      const criteria = toCriteria(await this.criteriaOf(tx.manager, sheet.applicationId));
      return this.view(sheet.applicationId, { ...sheet, status: 'draft', submittedAt: null, version: sheet.version + 1 }, criteria);
    });
  }

  private async write(
    actor: Actor,
    applicationId: string,
    expectedVersion: number,
    change: (sheet: ScoreSheet | null, criteria: Criterion[]) => SheetChange | Promise<SheetChange>,
  ): Promise<SheetView> {
    return this.unitOfWork.run(actor, async (tx) => {
      await this.access.requireReviewer(actor, applicationId, tx.manager);
      const commissionId = await this.requireOpenEvaluation(tx.manager, applicationId);
      const criteria = toCriteria(await this.criteriaOf(tx.manager, applicationId));
      // Two tabs creating the sheet at once: the unique index lets one insert win, the other sees its version.
      await tx.manager.query(
        `INSERT INTO score_sheet (id, commission_id, application_id, user_id, status, scores, version, updated_at) VALUES ($1, $2, $3, $4, 'draft', '[]', 0, $5)
         ON CONFLICT (application_id, user_id) DO NOTHING`,
        [randomUUID(), commissionId, applicationId, actor.userId, tx.now],
      );
      const sheet = (await tx.manager.findOne(ScoreSheet, { where: { applicationId, userId: actor.userId! }, lock: { mode: 'pessimistic_write' } }))!;
      if (sheet.version !== expectedVersion) throw DomainError.staleVersion(this.view(applicationId, sheet, criteria));
      if (sheet.status === 'submitted') {
        throw DomainError.conflict('SHEET_SUBMITTED', {
          cs: 'Hodnoticí list je odevzdán; změnit ho lze jen po znovuotevření předsedou.',
          en: 'The sheet is submitted; only the chair can reopen it.',
        });
      }
      if (sheet.status === 'void') throw DomainError.notFound('application', applicationId);
      const next = await change(sheet.version === 0 ? null : sheet, criteria);
      const saved = { ...sheet, scores: next.scores, status: next.status, version: sheet.version + 1, updatedAt: tx.now, submittedAt: next.status === 'submitted' ? tx.now : null };
      await tx.manager.update(
        ScoreSheet,
        { id: sheet.id },
        { scores: saved.scores, status: saved.status, version: saved.version, updatedAt: saved.updatedAt, submittedAt: saved.submittedAt },
      );
      tx.audit({
        action: next.action,
        objectType: 'score_sheet',
        objectId: sheet.id,
        before: { status: sheet.status, scores: sheet.scores },
        after: { status: saved.status, scores: saved.scores },
      });
      return this.view(applicationId, saved, criteria);
    });
  }

  /** Scoring is possible only while the call is in evaluation and no session has closed the recommendation. */
  private async requireOpenEvaluation(manager: EntityManager, applicationId: string): Promise<string> {
    const [row] = await manager.query<{ commission_id: string; status: string; closed: boolean }[]>(
      `SELECT c.id AS commission_id, g.status,
              EXISTS (SELECT 1 FROM commission_session s WHERE s.commission_id = c.id AND s.status = 'closed') AS closed
         FROM application a JOIN grant_call g ON g.id = a.call_id JOIN commission c ON c.call_id = a.call_id WHERE a.id = $1`,
      [applicationId],
    );
    if (!row) throw DomainError.notFound('application', applicationId);
    if (row.status !== 'in_evaluation' || row.closed) {
      throw DomainError.conflict('EVALUATION_NOT_OPEN', {
        cs: 'Hodnocení této výzvy neprobíhá (není zahájeno nebo je jednání komise uzavřeno).',
        en: 'The evaluation of this call is not open (not started, or the commission session is closed).',
      });
    }
    return row.commission_id;
  }

  private async criteriaOf(manager: EntityManager, applicationId: string): Promise<CallCriterion[]> {
    return manager
      .createQueryBuilder(CallCriterion, 'c')
      .where('c.callId = (SELECT call_id FROM application WHERE id = :applicationId)', { applicationId })
      .orderBy('c.position', 'ASC')
      .getMany();
  }

  private view(applicationId: string, sheet: ScoreSheet | null, criteria: Criterion[]): SheetView {
    if (!sheet || sheet.version === 0) return { applicationId, status: 'new', scores: [], version: 0, submittedAt: null, problems: checkSheet(criteria, [], true) };
    return {
      applicationId,
      status: sheet.status,
      scores: sheet.scores,
      version: sheet.version,
      submittedAt: sheet.submittedAt,
      problems: sheet.status === 'draft' ? checkSheet(criteria, sheet.scores, true) : [],
    };
  }
}

function normalise(score: { criterionId: string; score?: number | null; notApplicable: boolean; justification: string }): StoredCriterionScore {
  return {
    criterionId: score.criterionId,
    score: score.notApplicable ? null : (score.score ?? null),
    notApplicable: score.notApplicable,
    justification: score.justification.trim(),
  };
}

function sheetInvalid(problems: ReturnType<typeof checkSheet>): DomainError {
  return DomainError.validation(
    problems.map((p) => ({ field: p.criterionId ? `scores[${p.criterionId}]` : 'scores', code: p.code, message: p.message })),
    'SCORE_SHEET_INVALID',
  );
}
