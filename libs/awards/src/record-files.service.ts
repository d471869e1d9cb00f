import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '#access';
import { Actor, DomainError } from '#core';
import { UnitOfWork } from '#database';
import { checkUpload, FileStorage } from '#storage';
import { RecordFile } from './entities.js';

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Files kept with money records: the resolution's signed copy (staff) and the scans of cost documents
 * (the recipient, while the settlement is a draft or being checked). Typed by their bytes, hashed, never replaced.
 */
@Injectable()
export class RecordFilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly access: AccessService,
    private readonly storage: FileStorage,
  ) {}

  async attachToResolution(actor: Actor, resolutionId: string, file: { originalName: string; bytes: Buffer }) {
    const [resolution] = await this.dataSource.query<{ id: string }[]>('SELECT id FROM resolution WHERE id = $1', [resolutionId]);
    if (!resolution) throw DomainError.notFound('resolution', resolutionId);
    return this.store(actor, 'resolution', resolutionId, file, ['pdf']);
  }

  async attachToCostDocument(actor: Actor, costDocumentId: string, file: { originalName: string; bytes: Buffer }) {
    const [row] = await this.dataSource.query<{ status: string; organisation_id: string }[]>(
      `SELECT s.status, a.organisation_id FROM cost_document d JOIN settlement s ON s.id = d.settlement_id JOIN agreement g ON g.id = s.agreement_id JOIN application a ON a.id = g.application_id WHERE d.id = $1`,
      [costDocumentId],
    );
    if (!row) {
      // A document of a settlement draft: the scan waits under the id the submitted document will keep.
      const [draft] = await this.dataSource.query<{ organisation_id: string }[]>(
        `SELECT a.organisation_id FROM settlement_draft d JOIN agreement g ON g.id = d.agreement_id JOIN application a ON a.id = g.application_id
          WHERE d.cost_documents @> jsonb_build_array(jsonb_build_object('id', $1::text))`,
        [costDocumentId],
      );
      if (!draft) throw DomainError.notFound('cost_document', costDocumentId);
      await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'cost_document', id: costDocumentId, organisationId: draft.organisation_id });
      return this.store(actor, 'cost_document', costDocumentId, file, ['pdf', 'jpeg', 'png']);
    }
    await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'cost_document', id: costDocumentId, organisationId: row.organisation_id });
    if (row.status !== 'submitted') {
      throw DomainError.conflict('SETTLEMENT_CHECKED', { cs: 'Vyúčtování je už zkontrolováno; doklady nelze doplňovat.', en: 'The settlement is already checked.' });
    }
    return this.store(actor, 'cost_document', costDocumentId, file, ['pdf', 'jpeg', 'png']);
  }

  async list(ownerType: RecordFile['ownerType'], ownerId: string) {
    return (await this.dataSource.manager.find(RecordFile, { where: { ownerType, ownerId }, order: { uploadedAt: 'ASC' } })).map(view);
  }

  async download(fileId: string): Promise<{ stream: Readable; fileName: string; mediaType: string }> {
    const file = await this.dataSource.manager.findOneBy(RecordFile, { id: fileId });
    if (!file) throw DomainError.notFound('record_file', fileId);
    return { stream: await this.storage.get(file.storageKey), fileName: file.fileName, mediaType: file.mediaType };
  }

  private async store(actor: Actor, ownerType: RecordFile['ownerType'], ownerId: string, file: { originalName: string; bytes: Buffer }, allowed: string[]) {
    const check = await checkUpload(file.bytes, { allowed, maxBytes: MAX_BYTES });
    if (!check.ok) {
      throw DomainError.field('file', 'FILE_NOT_ACCEPTED', {
        cs: `Soubor nelze přijmout (${check.reason}); povolené formáty: ${allowed.join(', ')}, nejvýše 20 MB.`,
        en: `The file is not accepted (${check.reason}); allowed: ${allowed.join(', ')}, at most 20 MB.`,
      });
    }
    const id = randomUUID();
    const key = `records/${ownerType.replace('_', '-')}/${ownerId}/${id}`;
    await this.storage.put(key, file.bytes);
    return this.unitOfWork.run(actor, async (tx) => {
      const record = tx.manager.create(RecordFile, {
        id,
        ownerType,
        ownerId,
        fileName: file.originalName.slice(0, 255),
        mediaType: check.mediaType,
        sizeBytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey: key,
        uploadedAt: tx.now,
        uploadedBy: actor.userId,
      });
      await tx.manager.insert(RecordFile, record);
      tx.audit({ action: `${ownerType}.file_added`, objectType: ownerType, objectId: ownerId, after: view(record) });
      return view(record);
    });
  }
}

function view(file: RecordFile) {
  return { id: file.id, fileName: file.fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256, uploadedAt: file.uploadedAt };
}
