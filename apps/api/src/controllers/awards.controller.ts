import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission } from '#access';
import {
  AgreementService, AwardService, ConfirmPaymentRequest, CreateAgreementRequest, HoldRequest, PaymentOrderRequest, PaymentService, PublicationRequest, RecordResolutionRequest,
  SignatureRequest, VersionRequest, SettlementService, SubmitSettlementRequest, CheckSettlementRequest, ReturnReceiptRequest,
  AgreementTemplateRequest, AmendmentRequest, BreachService, RecordFilesService, OpenBreachRequest, RemediedRequest, ImposeLevyRequest, LevyPaidRequest,
} from '#awards';
import { DomainError } from '#core';
import { attachmentDisposition } from '../http/content-disposition.js';
import { MulterFile, uploadedFile } from '../http/uploaded-file.js';
import type { Actor } from '#core';

/** Award decisions by resolution of the Council or the Assembly, and what remains of each allocation. */
@ApiTags('awards')
@Controller('calls/:callId')
export class AwardsController {
  constructor(
    private readonly awards: AwardService,
    private readonly agreements: AgreementService,
  ) {}

  /** The commission's recommendation split by approving body: the batch proposals staff take to the Council and the Assembly. */
  @Authenticated(Permission.AwardManage) @Get('award-proposal')
  proposal(@Param('callId', ParseUUIDPipe) callId: string) {
    return this.awards.proposal(callId);
  }

  @Authenticated(Permission.AwardManage) @Post('resolutions')
  record(@CurrentActor() actor: Actor, @Param('callId', ParseUUIDPipe) callId: string, @Body() body: RecordResolutionRequest) {
    return this.awards.recordResolution(actor, callId, body);
  }

  @Authenticated(Permission.AwardManage) @Post('agreement-templates')
  saveTemplate(@CurrentActor() actor: Actor, @Param('callId', ParseUUIDPipe) callId: string, @Body() body: AgreementTemplateRequest) {
    return this.agreements.saveTemplate(actor, callId, body);
  }

  @Authenticated(Permission.AwardRead) @Get('agreement-template')
  template(@Param('callId', ParseUUIDPipe) callId: string) {
    return this.agreements.template(callId);
  }

  @Authenticated(Permission.AwardRead) @Get('decisions')
  decisions(@Param('callId', ParseUUIDPipe) callId: string) {
    return this.awards.decisions(callId);
  }

  @Authenticated(Permission.AwardRead) @Get('funding')
  funding(@Param('callId', ParseUUIDPipe) callId: string) {
    return this.awards.funding(callId);
  }
}

/** Agreements: generated from the approval, signed (with the signed copy), published in the Registr smluv. */
@ApiTags('awards')
@Controller()
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementService,
    private readonly payments: PaymentService,
  ) {}

  @Authenticated(Permission.AwardManage) @Post('applications/:applicationId/agreement')
  create(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Body() body: CreateAgreementRequest) {
    return this.agreements.create(actor, applicationId, body);
  }

  @Authenticated(Permission.AwardRead) @Get('agreements/:id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.agreements.get(id);
  }

  @Authenticated(Permission.AwardRead) @Get('agreements/:id/document.pdf')
  async document(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { stream, fileName } = await this.agreements.document(id);
    return new StreamableFile(stream, { type: 'application/pdf', disposition: attachmentDisposition(fileName) });
  }

  @Authenticated(Permission.AwardManage) @Post('agreements/:id/send') @HttpCode(200)
  send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionRequest) {
    return this.agreements.send(actor, id, body.version);
  }

  @Authenticated(Permission.AwardManage) @Post('agreements/:id/signature') @HttpCode(200)
  @UseInterceptors(FileInterceptor('file')) @ApiConsumes('multipart/form-data')
  sign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SignatureRequest, @UploadedFile() file: MulterFile | undefined) {
    const upload = uploadedFile(file);
    if (!upload) throw DomainError.field('file', 'FILE_REQUIRED', { cs: 'Nahrajte podepsanou smlouvu (PDF).', en: 'Upload the signed agreement (PDF).' });
    return this.agreements.sign(actor, id, body, upload);
  }

  @Authenticated(Permission.AwardManage) @Post('agreements/:id/publication') @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: PublicationRequest) {
    return this.agreements.publish(actor, id, body);
  }

  @Authenticated(Permission.AwardManage) @Post('agreements/:id/amendments')
  amend(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AmendmentRequest) {
    return this.agreements.proposeAmendment(actor, id, body);
  }

  @Authenticated(Permission.AwardManage) @Post('amendments/:id/signature') @HttpCode(200)
  @UseInterceptors(FileInterceptor('file')) @ApiConsumes('multipart/form-data')
  signAmendment(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SignatureRequest, @UploadedFile() file: MulterFile | undefined) {
    const upload = uploadedFile(file);
    if (!upload) throw DomainError.field('file', 'FILE_REQUIRED', { cs: 'Nahrajte podepsaný dodatek (PDF).', en: 'Upload the signed amendment (PDF).' });
    return this.agreements.signAmendment(actor, id, body, upload);
  }

  @Authenticated(Permission.AwardManage) @Post('amendments/:id/publication') @HttpCode(200)
  publishAmendment(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: PublicationRequest) {
    return this.agreements.publishAmendment(actor, id, body);
  }

  @Authenticated(Permission.AwardRead) @Get('agreements/:id/payments')
  listPayments(@Param('id', ParseUUIDPipe) id: string) {
    return this.payments.list(id);
  }

  @Authenticated(Permission.AwardManage) @Post('agreements/:id/payments')
  order(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: PaymentOrderRequest) {
    return this.payments.order(actor, id, body);
  }
}

/** Payment orders after they are issued: four eyes, hold and release, the bank file, the bank's confirmation. */
@ApiTags('awards')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentService) {}

  @Authenticated(Permission.AwardManage) @Post(':id/approve') @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionRequest) {
    return this.payments.approve(actor, id, body.version);
  }

  @Authenticated(Permission.AwardManage) @Post(':id/hold') @HttpCode(200)
  hold(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: HoldRequest) {
    return this.payments.hold(actor, id, body);
  }

  @Authenticated(Permission.AwardManage) @Post(':id/release') @HttpCode(200)
  release(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionRequest) {
    return this.payments.release(actor, id, body.version);
  }

  @Authenticated(Permission.AwardManage) @Post(':id/cancel') @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionRequest) {
    return this.payments.cancel(actor, id, body.version);
  }

  /** The approved orders as the bank's import file; each order goes out once. */
  @Authenticated(Permission.AwardManage) @Post('bank-export') @HttpCode(200)
  async bankExport(@CurrentActor() actor: Actor): Promise<StreamableFile> {
    const csv = await this.payments.exportForBank(actor);
    return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: attachmentDisposition('platebni-prikazy.csv') });
  }

  @Authenticated(Permission.AwardManage) @Post(':id/confirmation') @HttpCode(200)
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ConfirmPaymentRequest) {
    return this.payments.confirm(actor, id, body);
  }
}

/** The settlement: the recipient reports costs and outputs, staff check each document, returns are matched. */
@ApiTags('awards')
@Controller()
export class SettlementsController {
  constructor(private readonly settlements: SettlementService) {}

  @Authenticated(Permission.ApplicationWrite) @Post('agreements/:id/settlement')
  submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SubmitSettlementRequest) {
    return this.settlements.submit(actor, id, body);
  }

  @Authenticated(Permission.ApplicationRead) @Get('settlements/:id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.settlements.get(actor, id);
  }

  @Authenticated(Permission.AwardManage) @Post('settlements/:id/check') @HttpCode(200)
  check(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CheckSettlementRequest) {
    return this.settlements.check(actor, id, body);
  }

  @Authenticated(Permission.AwardManage) @Post('settlements/:id/returns') @HttpCode(200)
  receiveReturn(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReturnReceiptRequest) {
    return this.settlements.receiveReturn(actor, id, body);
  }
}

/** Breaches of budget discipline: remedy request first where allowed, then the levy and the penalty. */
@ApiTags('awards')
@Controller()
export class BreachesController {
  constructor(private readonly breaches: BreachService) {}

  @Authenticated(Permission.AwardRead) @Get('agreements/:id/breaches')
  list(@Param('id', ParseUUIDPipe) id: string) {
    return this.breaches.list(id);
  }

  @Authenticated(Permission.AwardManage) @Post('agreements/:id/breaches')
  open(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: OpenBreachRequest) {
    return this.breaches.open(actor, id, body);
  }

  @Authenticated(Permission.AwardRead) @Get('breaches/:id/document.pdf')
  async document(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { pdf, fileName } = await this.breaches.document(id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: attachmentDisposition(fileName) });
  }

  @Authenticated(Permission.AwardManage) @Post('breaches/:id/remedied') @HttpCode(200)
  remedied(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RemediedRequest) {
    return this.breaches.remedied(actor, id, body);
  }

  @Authenticated(Permission.AwardManage) @Post('breaches/:id/levy') @HttpCode(200)
  levy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ImposeLevyRequest) {
    return this.breaches.imposeLevy(actor, id, body);
  }

  @Authenticated(Permission.AwardManage) @Post('breaches/:id/payment') @HttpCode(200)
  paid(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: LevyPaidRequest) {
    return this.breaches.levyPaid(actor, id, body);
  }
}

/** Files kept with money records: the resolution's signed copy, the scans of cost documents. */
@ApiTags('awards')
@Controller()
export class RecordFilesController {
  constructor(private readonly files: RecordFilesService) {}

  @Authenticated(Permission.AwardManage) @Post('resolutions/:id/files')
  @UseInterceptors(FileInterceptor('file')) @ApiConsumes('multipart/form-data')
  resolutionFile(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: MulterFile | undefined) {
    const upload = uploadedFile(file);
    if (!upload) throw DomainError.field('file', 'FILE_REQUIRED', { cs: 'Nahrajte usnesení (PDF).', en: 'Upload the resolution (PDF).' });
    return this.files.attachToResolution(actor, id, upload);
  }

  @Authenticated(Permission.AwardRead) @Get('resolutions/:id/files')
  resolutionFiles(@Param('id', ParseUUIDPipe) id: string) {
    return this.files.list('resolution', id);
  }

  @Authenticated(Permission.ApplicationWrite) @Post('cost-documents/:id/files')
  @UseInterceptors(FileInterceptor('file')) @ApiConsumes('multipart/form-data')
  costDocumentFile(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: MulterFile | undefined) {
    const upload = uploadedFile(file);
    if (!upload) throw DomainError.field('file', 'FILE_REQUIRED', { cs: 'Nahrajte sken dokladu (PDF, JPEG nebo PNG).', en: 'Upload the document scan (PDF, JPEG or PNG).' });
    return this.files.attachToCostDocument(actor, id, upload);
  }

  @Authenticated(Permission.AwardRead) @Get('cost-documents/:id/files')
  costDocumentFiles(@Param('id', ParseUUIDPipe) id: string) {
    return this.files.list('cost_document', id);
  }

  @Authenticated(Permission.AwardRead) @Get('record-files/:id')
  async download(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const file = await this.files.download(id);
    return new StreamableFile(file.stream, { type: file.mediaType, disposition: attachmentDisposition(file.fileName) });
  }
}
