import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { Readable } from 'node:stream';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentActor, Permission } from '#access';
import {
  ApplicationListQuery, ApplicationService, AttachmentService, CorrectMappingRequest, CreateApplicationRequest, FormalCheckRequest, FormalCheckService,
  ReasonRequest, ReceiptService, RemedyRequestInput, SaveDraftRequest, SubmissionService,
} from '#applications';
import type { Actor } from '#core';
import { attachmentDisposition } from '../http/content-disposition.js';
import { MulterFile, uploadedFile } from '../http/uploaded-file.js';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationService,
    private readonly submissions: SubmissionService,
    private readonly attachments: AttachmentService,
    private readonly receipts: ReceiptService,
  ) {}

  @Authenticated(Permission.ApplicationWrite) @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateApplicationRequest) {
    return this.applications.create(actor, body);
  }

  @Authenticated(Permission.ApplicationRead) @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ApplicationListQuery) {
    return this.applications.list(actor, query, query);
  }

  @Authenticated(Permission.ApplicationRead) @Get('export.csv')
  export(@CurrentActor() actor: Actor, @Query() query: ApplicationListQuery): StreamableFile {
    return new StreamableFile(Readable.from(this.applications.exportCsv(actor, query)), {
      type: 'text/csv; charset=utf-8',
      disposition: attachmentDisposition('zadosti.csv'),
    });
  }

  @Authenticated(Permission.ApplicationRead) @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.applications.get(actor, id);
  }

  /** Partial save of any sections; send the draft version you read. */
  @Authenticated(Permission.ApplicationWrite) @Patch(':id')
  save(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SaveDraftRequest) {
    return this.applications.saveDraft(actor, id, body);
  }

  @Authenticated(Permission.ApplicationWrite) @Post(':id/submit')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Opakovaný pokus se stejným klíčem vrátí stejné potvrzení / a retry with the same key returns the same receipt' })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { receipt, replayed } = await this.submissions.submit(actor, id, idempotencyKey);
    response.status(replayed ? 200 : 201);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return receipt;
  }

  @Authenticated(Permission.ApplicationWrite) @Post(':id/withdraw') @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonRequest) {
    return this.applications.withdraw(actor, id, body);
  }

  @Authenticated(Permission.ApplicationRead) @Get(':id/history')
  history(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.applications.history(actor, id);
  }

  @Authenticated(Permission.ApplicationRead) @Get(':id/versions')
  versions(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.submissions.versions(actor, id);
  }

  @Authenticated(Permission.ApplicationRead) @Get(':id/versions/:versionNo')
  version(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('versionNo', ParseIntPipe) versionNo: number) {
    return this.submissions.version(actor, id, versionNo);
  }

  @Authenticated(Permission.ApplicationRead) @Get(':id/versions/:versionNo/receipt.pdf')
  async receipt(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('versionNo', ParseIntPipe) versionNo: number,
  ): Promise<StreamableFile> {
    const { stream, fileName } = await this.receipts.download(actor, id, versionNo);
    return new StreamableFile(stream, { type: 'application/pdf', disposition: attachmentDisposition(fileName) });
  }

  @Authenticated(Permission.ApplicationWrite) @Post(':id/attachments')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { annexType: { type: 'string' }, file: { type: 'string', format: 'binary' } } } })
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: MulterFile | undefined,
    @Body('annexType') annexType: string | undefined,
  ) {
    return this.attachments.upload(actor, id, typeof annexType === 'string' ? annexType : undefined, uploadedFile(file));
  }

  @Authenticated(Permission.ApplicationRead) @Get(':id/attachments/:attachmentId')
  async download(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string, @Res({ passthrough: true }) response: Response) {
    const { stream, attachment } = await this.attachments.download(actor, id, attachmentId);
    response.setHeader('X-Content-SHA256', attachment.sha256);
    return new StreamableFile(stream, { type: attachment.mediaType, length: attachment.sizeBytes, disposition: attachmentDisposition(attachment.fileName) });
  }

  @Authenticated(Permission.ApplicationWrite) @Delete(':id/attachments/:attachmentId') @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string) {
    await this.attachments.remove(actor, id, attachmentId);
  }
}

/** The formal check by programme staff. */
@ApiTags('formal-check')
@Controller('applications/:id')
export class FormalCheckController {
  constructor(
    private readonly formalChecks: FormalCheckService,
    private readonly applications: ApplicationService,
  ) {}

  @Authenticated(Permission.ApplicationCheck) @Get('formal-check')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.formalChecks.get(id);
  }

  @Authenticated(Permission.ApplicationCheck) @Put('formal-check')
  record(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormalCheckRequest) {
    return this.formalChecks.record(actor, id, body);
  }

  @Authenticated(Permission.ApplicationCheck) @Post('formal-check/accept') @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.formalChecks.accept(actor, id);
  }

  @Authenticated(Permission.ApplicationCheck) @Post('remedy-requests')
  requestRemedy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RemedyRequestInput) {
    return this.formalChecks.requestRemedy(actor, id, body);
  }

  @Authenticated(Permission.ApplicationCheck) @Post('exclude') @HttpCode(200)
  exclude(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonRequest) {
    return this.formalChecks.exclude(actor, id, body);
  }

  @Authenticated(Permission.ApplicationCheck) @Put('activities')
  correctMapping(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CorrectMappingRequest) {
    return this.applications.correctMapping(actor, id, body);
  }
}
