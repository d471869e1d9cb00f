import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { Readable } from 'node:stream';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentActor, Permission } from '#access';
import {
  ApplicationListQuery,
  ApplicationService,
  AttachmentService,
  CorrectMappingRequest,
  CreateApplicationRequest,
  BulkAcceptRequest,
  FormalCheckRequest,
  FormalCheckService,
  ReasonRequest,
  ReceiptService,
  RemedyRequestInput,
  SaveDraftRequest,
  SubmissionService,
} from '#applications';
import type { Actor } from '#core';
import { attachmentDisposition } from '../http/content-disposition.js';
import { MulterFile, uploadedFile } from '../http/uploaded-file.js';
import { ApiFile, ApiUpload } from '../http/openapi.js';
import {
  ApplicationHistoryEntryResponse,
  ApplicationResponse,
  ApplicationsBudgetLineResponse,
  AttachmentResponse,
  FormalCheckResponse,
  PageApplicationSummaryResponse,
  SubmissionReceiptResponse,
  SubmittedVersionResponse,
  VersionResponse,
  BulkResultResponse,
} from '../http/responses.js';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationService,
    private readonly submissions: SubmissionService,
    private readonly attachments: AttachmentService,
    private readonly receipts: ReceiptService,
  ) {}

  @Authenticated(Permission.ApplicationWrite)
  @Post()
  @ApiCreatedResponse({ type: ApplicationResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateApplicationRequest): Promise<ApplicationResponse> {
    return this.applications.create(actor, body);
  }

  @Authenticated(Permission.ApplicationRead)
  @Get()
  @ApiOkResponse({ type: PageApplicationSummaryResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ApplicationListQuery): Promise<PageApplicationSummaryResponse> {
    return this.applications.list(actor, query, query);
  }

  @Authenticated(Permission.ApplicationRead)
  @Get('export.csv')
  @ApiFile('text/csv')
  export(@CurrentActor() actor: Actor, @Query() query: ApplicationListQuery): StreamableFile {
    return new StreamableFile(Readable.from(this.applications.exportCsv(actor, query)), {
      type: 'text/csv; charset=utf-8',
      disposition: attachmentDisposition('zadosti.csv'),
    });
  }

  @Authenticated(Permission.ApplicationRead)
  @Get(':id')
  @ApiOkResponse({ type: ApplicationResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicationResponse> {
    return this.applications.get(actor, id);
  }

  /** Partial save of any sections; send the draft version you read. */
  @Authenticated(Permission.ApplicationWrite)
  @Patch(':id')
  @ApiOkResponse({ type: ApplicationResponse })
  save(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SaveDraftRequest): Promise<ApplicationResponse> {
    return this.applications.saveDraft(actor, id, body);
  }

  @Authenticated(Permission.ApplicationWrite)
  @Post(':id/submit')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Opakovaný pokus se stejným klíčem vrátí stejné potvrzení / a retry with the same key returns the same receipt',
  })
  @ApiCreatedResponse({ type: SubmissionReceiptResponse })
  @ApiOkResponse({ type: SubmissionReceiptResponse, description: 'Opakovaný pokus se stejným klíčem / a replay with the same Idempotency-Key' })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubmissionReceiptResponse> {
    const { receipt, replayed } = await this.submissions.submit(actor, id, idempotencyKey);
    response.status(replayed ? 200 : 201);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return receipt;
  }

  @Authenticated(Permission.ApplicationWrite)
  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponse })
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonRequest): Promise<ApplicationResponse> {
    return this.applications.withdraw(actor, id, body);
  }

  @Authenticated(Permission.ApplicationRead)
  @Get(':id/history')
  @ApiOkResponse({ type: ApplicationHistoryEntryResponse, isArray: true })
  history(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<readonly ApplicationHistoryEntryResponse[]> {
    return this.applications.history(actor, id);
  }

  /** Empty until the first submission: the lines are those of the submitted version that counts. */
  @Authenticated(Permission.ApplicationRead)
  @Get(':id/budget-lines')
  @ApiOkResponse({ type: ApplicationsBudgetLineResponse, isArray: true })
  budgetLines(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<readonly ApplicationsBudgetLineResponse[]> {
    return this.applications.budgetLines(actor, id);
  }

  @Authenticated(Permission.ApplicationRead)
  @Get(':id/versions')
  @ApiOkResponse({ type: VersionResponse, isArray: true })
  versions(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<readonly VersionResponse[]> {
    return this.submissions.versions(actor, id);
  }

  @Authenticated(Permission.ApplicationRead)
  @Get(':id/versions/:versionNo')
  @ApiOkResponse({ type: SubmittedVersionResponse })
  version(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('versionNo', ParseIntPipe) versionNo: number): Promise<SubmittedVersionResponse> {
    return this.submissions.version(actor, id, versionNo);
  }

  @Authenticated(Permission.ApplicationRead)
  @Get(':id/versions/:versionNo/receipt.pdf')
  @ApiFile('application/pdf')
  async receipt(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('versionNo', ParseIntPipe) versionNo: number): Promise<StreamableFile> {
    const { stream, fileName } = await this.receipts.download(actor, id, versionNo);
    return new StreamableFile(stream, { type: 'application/pdf', disposition: attachmentDisposition(fileName) });
  }

  @Authenticated(Permission.ApplicationWrite)
  @Post(':id/attachments')
  @UseInterceptors(FileInterceptor('file'))
  @ApiUpload({ annexType: { type: 'string', description: "Kód typu přílohy výzvy / the call's annex type code" } }, ['annexType'])
  @ApiCreatedResponse({ type: AttachmentResponse })
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: MulterFile | undefined,
    @Body('annexType') annexType: string | undefined,
  ): Promise<AttachmentResponse> {
    return this.attachments.upload(actor, id, typeof annexType === 'string' ? annexType : undefined, uploadedFile(file));
  }

  @Authenticated(Permission.ApplicationRead)
  @Get(':id/attachments/:attachmentId')
  @ApiFile('application/octet-stream')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { stream, attachment } = await this.attachments.download(actor, id, attachmentId);
    response.setHeader('X-Content-SHA256', attachment.sha256);
    return new StreamableFile(stream, { type: attachment.mediaType, length: attachment.sizeBytes, disposition: attachmentDisposition(attachment.fileName) });
  }

  @Authenticated(Permission.ApplicationWrite)
  @Delete(':id/attachments/:attachmentId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string) {
    await this.attachments.remove(actor, id, attachmentId);
  }
}

/** The formal check over many applications at once. */
@ApiTags('formal-check')
@Controller('formal-checks')
export class BulkFormalCheckController {
  constructor(private readonly formalChecks: FormalCheckService) {}

  /** Each application in its own transaction: the answer lists what was accepted and why the rest was not. */
  @Authenticated(Permission.ApplicationCheck)
  @Post('accept')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkResultResponse })
  acceptMany(@CurrentActor() actor: Actor, @Body() body: BulkAcceptRequest): Promise<BulkResultResponse> {
    return this.formalChecks.acceptMany(actor, body.applicationIds);
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

  @Authenticated(Permission.ApplicationCheck)
  @Get('formal-check')
  @ApiOkResponse({ type: FormalCheckResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<FormalCheckResponse> {
    return this.formalChecks.get(id);
  }

  @Authenticated(Permission.ApplicationCheck)
  @Put('formal-check')
  @ApiOkResponse({ type: FormalCheckResponse })
  record(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormalCheckRequest): Promise<FormalCheckResponse> {
    return this.formalChecks.record(actor, id, body);
  }

  @Authenticated(Permission.ApplicationCheck)
  @Post('formal-check/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponse })
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicationResponse> {
    return this.formalChecks.accept(actor, id);
  }

  @Authenticated(Permission.ApplicationCheck)
  @Post('remedy-requests')
  @ApiCreatedResponse({ type: ApplicationResponse })
  requestRemedy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RemedyRequestInput): Promise<ApplicationResponse> {
    return this.formalChecks.requestRemedy(actor, id, body);
  }

  @Authenticated(Permission.ApplicationCheck)
  @Post('exclude')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponse })
  exclude(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonRequest): Promise<ApplicationResponse> {
    return this.formalChecks.exclude(actor, id, body);
  }

  @Authenticated(Permission.ApplicationCheck)
  @Put('activities')
  @ApiOkResponse({ type: ApplicationResponse })
  correctMapping(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CorrectMappingRequest): Promise<ApplicationResponse> {
    return this.applications.correctMapping(actor, id, body);
  }
}
