import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '#access';
import { CallAnnexType } from '#calls';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { Actor, DomainError } from '#core';
import { UnitOfWork } from '#database';
import { ANNEX_MEDIA_TYPES, checkUpload, FileStorage, safeFileName } from '#storage';
import { ApplicationService, attachmentView } from './application.service.js';
import { ApplicationStore } from './application-store.js';
import { AttachmentView } from './dto.js';
import { Application, ApplicationAttachment } from './entities.js';

export interface UploadedFile {
  originalName: string;
  bytes: Buffer;
}

const REJECTIONS = {
  empty: { cs: 'Soubor je prázdný.', en: 'The file is empty.' },
  too_large: { cs: 'Soubor je větší, než příloha dovoluje', en: 'The file is larger than the annex allows' },
  unknown_type: {
    cs: 'Obsah souboru neodpovídá žádnému povolenému formátu (rozhoduje obsah, ne přípona).',
    en: 'The content matches no accepted format (the content decides, not the extension).',
  },
  type_not_allowed: { cs: 'Tento formát příloha nepřijímá', en: 'This annex does not accept this format' },
} as const;

/** Annex files: checked on their bytes, hashed, kept in FileStorage, visible only to those who may read the application. */
@Injectable()
export class AttachmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly unitOfWork: UnitOfWork,
    private readonly access: AccessService,
    private readonly store: ApplicationStore,
    private readonly applications: ApplicationService,
    private readonly storage: FileStorage,
  ) {}

  async upload(actor: Actor, applicationId: string, annexTypeCode: string | undefined, file: UploadedFile | undefined): Promise<AttachmentView> {
    const application = await this.store.find(this.dataSource.manager, applicationId);
    await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'application', id: applicationId, organisationId: application.organisationId });
    if (!file) throw DomainError.field('file', 'FILE_REQUIRED', { cs: 'Přiložte soubor (pole „file“).', en: 'Attach a file (field "file").' });
    if (!annexTypeCode) throw DomainError.field('annexType', 'REQUIRED', { cs: 'Uveďte typ přílohy (pole „annexType“).', en: 'Give the annex type (field "annexType").' });
    const annexType = await this.dataSource.getRepository(CallAnnexType).findOneBy({ callId: application.callId, code: annexTypeCode });
    if (!annexType) {
      throw DomainError.field('annexType', 'UNKNOWN_ANNEX_TYPE', { cs: `Výzva nemá přílohu typu „${annexTypeCode}“.`, en: `The call has no annex type "${annexTypeCode}".` });
    }
    const maxBytes = Math.min(annexType.maxSizeMb * 1024 * 1024, this.config.storage.maxUploadBytes);
    const check = await checkUpload(file.bytes, { allowed: annexType.allowedFormats, maxBytes });
    if (!check.ok) {
      const allowed = annexType.allowedFormats.map((f) => ANNEX_MEDIA_TYPES[f as keyof typeof ANNEX_MEDIA_TYPES]?.extension ?? f).join(', ');
      const text = REJECTIONS[check.reason];
      const suffix = check.reason === 'too_large' ? ` (${annexType.maxSizeMb} MB).` : check.reason === 'type_not_allowed' ? ` (povoleno: ${allowed}).` : '';
      throw DomainError.field('file', `FILE_${check.reason.toUpperCase()}`, { cs: `${text.cs}${suffix}`, en: `${text.en}${suffix.replace('povoleno', 'allowed')}` });
    }
    const id = randomUUID();
    const storageKey = `applications/${applicationId}/${id}`;
    // The bytes go first: a row never points at a missing file. A failed transaction leaves an orphan file, which is harmless.
    const stored = await this.storage.put(storageKey, file.bytes);
    return this.unitOfWork.run(actor, async (tx) => {
      const locked = await this.store.lock(tx.manager, applicationId);
      await this.applications.assertEditable(tx.manager, locked, tx.now, [`annex:${annexTypeCode}`]);
      const attachment: ApplicationAttachment = {
        id,
        applicationId,
        annexTypeCode,
        fileName: safeFileName(file.originalName, check.extension, 'priloha'),
        mediaType: check.mediaType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey,
        uploadedBy: tx.actor.userId,
        uploadedAt: tx.now,
        removedAt: null,
      };
      await tx.manager.insert(ApplicationAttachment, attachment);
      await tx.manager.update(Application, { id: applicationId }, { updatedAt: tx.now });
      tx.audit({ action: 'application.attachment_added', objectType: 'application', objectId: applicationId, after: attachmentView(attachment) });
      return attachmentView(attachment);
    });
  }

  async remove(actor: Actor, applicationId: string, attachmentId: string): Promise<void> {
    const application = await this.store.find(this.dataSource.manager, applicationId);
    await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'application', id: applicationId, organisationId: application.organisationId });
    await this.unitOfWork.run(actor, async (tx) => {
      const locked = await this.store.lock(tx.manager, applicationId);
      const attachment = await tx.manager.findOneBy(ApplicationAttachment, { id: attachmentId, applicationId });
      if (!attachment || attachment.removedAt) throw DomainError.notFound('attachment', attachmentId);
      await this.applications.assertEditable(tx.manager, locked, tx.now, [`annex:${attachment.annexTypeCode}`]);
      await tx.manager.update(ApplicationAttachment, { id: attachmentId }, { removedAt: tx.now });
      tx.audit({ action: 'application.attachment_removed', objectType: 'application', objectId: applicationId, before: attachmentView(attachment) });
    });
  }

  /** Any attachment ever uploaded, including ones removed from the draft, since submitted versions refer to them. */
  async download(actor: Actor, applicationId: string, attachmentId: string): Promise<{ stream: Readable; attachment: AttachmentView }> {
    const application = await this.store.find(this.dataSource.manager, applicationId);
    await this.access.requireOrganisationObject(actor, 'read', { type: 'application', id: applicationId, organisationId: application.organisationId });
    const attachment = await this.dataSource.getRepository(ApplicationAttachment).findOneBy({ id: attachmentId, applicationId });
    if (!attachment) throw DomainError.notFound('attachment', attachmentId);
    return { stream: await this.storage.get(attachment.storageKey), attachment: attachmentView(attachment) };
  }
}
