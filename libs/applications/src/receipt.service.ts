import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '#access';
import { CallAnnexType, CallBudgetArea } from '#calls';
import { Actor, DomainError } from '#core';
import { renderApplicationReceipt } from '#documents';
import { FileStorage } from '#storage';
import { ApplicationStore } from './application-store.js';
import { ApplicationVersion } from './entities.js';

const ISSUING_DEPARTMENT = ['Oddělení národnostních menšin a cizinců'];

/**
 * The PDF receipt of a submitted version. Rendered by the worker when the submission's outbox event
 * arrives (ApplicationNotifications, which mails it), or on the first download if that comes sooner; both store the same file under the same
 * key, so whichever wins, the receipt is one document.
 */
@Injectable()
export class ReceiptService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly access: AccessService,
    private readonly store: ApplicationStore,
  ) {}

  async download(actor: Actor, applicationId: string, versionNo: number): Promise<{ stream: Readable; fileName: string }> {
    const application = await this.store.find(this.dataSource.manager, applicationId);
    await this.access.requireOrganisationObject(actor, 'read', { type: 'application', id: applicationId, organisationId: application.organisationId });
    const key = await this.ensureRendered(applicationId, versionNo);
    return { stream: await this.storage.get(key), fileName: `potvrzeni-${application.number.replace(/[^A-Za-z0-9-]/g, '_')}-${versionNo}.pdf` };
  }

  async ensureRendered(applicationId: string, versionNo: number): Promise<string> {
    const versions = this.dataSource.getRepository(ApplicationVersion);
    const version = await versions.findOneBy({ applicationId, versionNo });
    if (!version) throw DomainError.notFound('application_version', `${applicationId}/${versionNo}`);
    if (version.receiptStorageKey) return version.receiptStorageKey;
    const application = await this.store.find(this.dataSource.manager, applicationId);
    const content = version.content;
    const [area, annexTypes, submitter, auditEntry] = await Promise.all([
      this.dataSource.getRepository(CallBudgetArea).findOneBy({ callId: application.callId, code: content.draft.budgetAreaCode }),
      this.dataSource.getRepository(CallAnnexType).findBy({ callId: application.callId }),
      version.submittedBy
        ? this.dataSource.query<{ name: string; email: string }[]>('SELECT display_name AS name, email FROM app_user WHERE id = $1', [version.submittedBy])
        : Promise.resolve([]),
      this.dataSource.query<{ seq: string; hash: string }[]>(
        `SELECT seq::text AS seq, hash FROM audit_log WHERE object_type = 'application' AND object_id = $1 AND action = 'application.version_submitted' AND after->>'versionNo' = $2`,
        [applicationId, String(versionNo)],
      ),
    ]);
    const annexName = new Map(annexTypes.map((a) => [a.code, a.name]));
    const pdf = await renderApplicationReceipt({
      receiptNumber: version.receiptNumber,
      submittedAt: version.submittedAt,
      issuingDepartment: ISSUING_DEPARTMENT,
      call: { code: content.call.code, title: content.call.title },
      application: {
        number: application.number,
        title: content.draft.project?.title ?? '',
        budgetAreaName: area ? `${area.code} – ${area.name}` : (content.draft.budgetAreaCode ?? ''),
        requestedAmount: content.budget.requested,
        totalCost: content.budget.totalCost,
        versionNo,
      },
      organisation: { name: content.organisation.name, ico: content.organisation.ico, seat: content.organisation.seat },
      submittedBy: submitter[0] ?? { name: '—', email: '—' },
      annexes: content.annexes.map((a) => ({ annexName: annexName.get(a.annexTypeCode) ?? a.annexTypeCode, fileName: a.fileName, sha256: a.sha256, sizeBytes: a.sizeBytes })),
      contentSha256: version.contentSha256,
      auditEntry: auditEntry[0],
    });
    const key = `receipts/${applicationId}/${versionNo}.pdf`;
    await this.storage.put(key, pdf);
    // A derived document, not a change of state: recording where it lies needs no audit entry.
    await versions.update({ id: version.id }, { receiptStorageKey: key });
    return key;
  }
}
