import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission } from '#access';
import {
  AgreementListQuery,
  AgreementService,
  ApplicantActionsService,
  AwardService,
  ConfirmPaymentRequest,
  PaymentListQuery,
  CreateAgreementRequest,
  HoldRequest,
  PaymentOrderRequest,
  PaymentService,
  PublicationRequest,
  RecordResolutionRequest,
  SignatureRequest,
  VersionRequest,
  BulkApproveRequest,
  BulkPaymentOrdersRequest,
  DueTrancheQuery,
  SettlementService,
  SubmitSettlementRequest,
  SaveSettlementDraftRequest,
  SubmitSettlementDraftRequest,
  SettlementListQuery,
  CheckSettlementRequest,
  ReturnReceiptRequest,
  AgreementTemplateRequest,
  AmendmentRequest,
  BreachService,
  RecordFilesService,
  OpenBreachRequest,
  RemediedRequest,
  ImposeLevyRequest,
  LevyPaidRequest,
} from '#awards';
import { DomainError } from '#core';
import { attachmentDisposition } from '../http/content-disposition.js';
import { MulterFile, uploadedFile } from '../http/uploaded-file.js';
import type { Actor } from '#core';
import { ApiFile, ApiUpload } from '../http/openapi.js';
import {
  AgreementResponse,
  PageAgreementListItemResponse,
  ApplicantActionsResponse,
  AgreementTemplateResponse,
  AmendmentResponse,
  AwardsFundingResponse,
  AwardsProposalResponse,
  AwardsRecordResponse,
  BreachResponse,
  DecisionResponse,
  PagePaymentListItemResponse,
  PaymentListItemResponse,
  PaymentResponse,
  RecordFileResponse,
  SettlementCheckResponse,
  SettlementResponse,
  SettlementDraftResponse,
  PageSettlementListItemResponse,
  BulkResultResponse,
  BulkPaymentOrdersResponse,
  PageDueTrancheResponse,
} from '../http/responses.js';

const SIGNATURE_FIELDS = {
  version: { type: 'integer', description: 'Verze, kterou jste četli / the version you read' },
  signedOn: { type: 'string', format: 'date' },
  signatories: { type: 'string' },
} as const;

/**
 * The multipart body of the city's signature (of an agreement or an amendment): the version read, the date, who signed and
 * the signed PDF; the file may be left out when the recipient signed in the portal (the city counter-signs that copy).
 */
const CounterSignatureUpload = ApiUpload(SIGNATURE_FIELDS, ['version', 'signedOn', 'signatories'], { fileRequired: false });

/** The recipient's signed copy: the file and the version of the agreement they read. */
const RecipientCopyUpload = ApiUpload({ version: { type: 'integer', description: 'Verze, kterou jste četli / the version you read' } }, ['version']);

/** Award decisions by resolution of the Council or the Assembly, and what remains of each allocation. */
@ApiTags('awards')
@Controller('calls/:callId')
export class AwardsController {
  constructor(
    private readonly awards: AwardService,
    private readonly agreements: AgreementService,
    private readonly payments: PaymentService,
  ) {}

  /** The commission's recommendation split by approving body: the batch proposals staff take to the Council and the Assembly (auditors read it too). */
  @Authenticated(Permission.AwardRead)
  @Get('award-proposal')
  @ApiOkResponse({ type: AwardsProposalResponse })
  proposal(@Param('callId', ParseUUIDPipe) callId: string): Promise<AwardsProposalResponse> {
    return this.awards.proposal(callId);
  }

  @Authenticated(Permission.AwardManage)
  @Post('resolutions')
  @ApiCreatedResponse({ type: AwardsRecordResponse })
  record(@CurrentActor() actor: Actor, @Param('callId', ParseUUIDPipe) callId: string, @Body() body: RecordResolutionRequest): Promise<AwardsRecordResponse> {
    return this.awards.recordResolution(actor, callId, body);
  }

  @Authenticated(Permission.AwardManage)
  @Post('agreement-templates')
  @ApiCreatedResponse({ type: AgreementTemplateResponse })
  saveTemplate(@CurrentActor() actor: Actor, @Param('callId', ParseUUIDPipe) callId: string, @Body() body: AgreementTemplateRequest): Promise<AgreementTemplateResponse> {
    return this.agreements.saveTemplate(actor, callId, body);
  }

  @Authenticated(Permission.AwardRead)
  @Get('agreement-template')
  @ApiOkResponse({ type: AgreementTemplateResponse })
  template(@Param('callId', ParseUUIDPipe) callId: string): Promise<AgreementTemplateResponse> {
    return this.agreements.template(callId);
  }

  @Authenticated(Permission.AwardRead)
  @Get('decisions')
  @ApiOkResponse({ type: DecisionResponse, isArray: true })
  decisions(@Param('callId', ParseUUIDPipe) callId: string): Promise<readonly DecisionResponse[]> {
    return this.awards.decisions(callId);
  }

  /** The tranches due and not yet ordered: what `POST payment-orders` would order now, a page at a time. */
  @Authenticated(Permission.AwardRead)
  @Get('due-tranches')
  @ApiOkResponse({ type: PageDueTrancheResponse })
  dueTranches(@Param('callId', ParseUUIDPipe) callId: string, @Query() query: DueTrancheQuery): Promise<PageDueTrancheResponse> {
    return this.payments.dueTranches(callId, query);
  }

  /**
   * Orders every tranche of the call's agreements that has no order yet, each in its own transaction and
   * audited; answers what was ordered and, per tranche, why the rest was not. A second run orders nothing twice.
   */
  @Authenticated(Permission.AwardManage)
  @Post('payment-orders')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkPaymentOrdersResponse })
  orderDue(@CurrentActor() actor: Actor, @Param('callId', ParseUUIDPipe) callId: string, @Body() body: BulkPaymentOrdersRequest): Promise<BulkPaymentOrdersResponse> {
    return this.payments.orderDue(actor, callId, body.dueBy);
  }

  @Authenticated(Permission.AwardRead)
  @Get('funding')
  @ApiOkResponse({ type: AwardsFundingResponse })
  funding(@Param('callId', ParseUUIDPipe) callId: string): Promise<AwardsFundingResponse> {
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

  @Authenticated(Permission.AwardManage)
  @Post('applications/:applicationId/agreement')
  @ApiCreatedResponse({ type: AgreementResponse })
  create(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Body() body: CreateAgreementRequest): Promise<AgreementResponse> {
    return this.agreements.create(actor, applicationId, body);
  }

  /** Staff and auditors: every agreement (the waiting list: `status=signed`); a recipient: their organisations' agreements once sent. */
  @Authenticated(Permission.ApplicationRead)
  @Get('agreements')
  @ApiOkResponse({ type: PageAgreementListItemResponse })
  search(@CurrentActor() actor: Actor, @Query() query: AgreementListQuery): Promise<PageAgreementListItemResponse> {
    return this.agreements.search(actor, query, query);
  }

  @Authenticated(Permission.ApplicationRead)
  @Get('agreements/export.csv')
  @ApiFile('text/csv')
  export(@CurrentActor() actor: Actor, @Query() query: AgreementListQuery): StreamableFile {
    return new StreamableFile(Readable.from(this.agreements.exportCsv(actor, query)), { type: 'text/csv; charset=utf-8', disposition: attachmentDisposition('smlouvy.csv') });
  }

  @Authenticated(Permission.ApplicationRead)
  @Get('agreements/:id')
  @ApiOkResponse({ type: AgreementResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AgreementResponse> {
    return this.agreements.get(actor, id);
  }

  @Authenticated(Permission.ApplicationRead)
  @Get('agreements/:id/document.pdf')
  @ApiFile('application/pdf')
  async document(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { stream, fileName } = await this.agreements.document(actor, id);
    return new StreamableFile(stream, { type: 'application/pdf', disposition: attachmentDisposition(fileName) });
  }

  /** The signed copy: the concluded agreement's, or the recipient's while the city has not counter-signed. */
  @Authenticated(Permission.ApplicationRead)
  @Get('agreements/:id/signed-copy.pdf')
  @ApiFile('application/pdf')
  async signedCopy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { stream, fileName } = await this.agreements.signedCopy(actor, id);
    return new StreamableFile(stream, { type: 'application/pdf', disposition: attachmentDisposition(fileName) });
  }

  /** The recipient (a member of the organisation) uploads the copy they signed; the city then counter-signs (`signature`). */
  @Authenticated(Permission.ApplicationWrite)
  @Post('agreements/:id/applicant-signature')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @RecipientCopyUpload
  @ApiOkResponse({ type: AgreementResponse })
  recipientSign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: VersionRequest,
    @UploadedFile() file: MulterFile | undefined,
  ): Promise<AgreementResponse> {
    const upload = uploadedFile(file);
    if (!upload) throw DomainError.field('file', 'FILE_REQUIRED', { cs: 'Nahrajte podepsanou smlouvu (PDF).', en: 'Upload the signed agreement (PDF).' });
    return this.agreements.recipientSign(actor, id, body.version, upload);
  }

  @Authenticated(Permission.AwardManage)
  @Post('agreements/:id/send')
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementResponse })
  send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionRequest): Promise<AgreementResponse> {
    return this.agreements.send(actor, id, body.version);
  }

  @Authenticated(Permission.AwardManage)
  @Post('agreements/:id/signature')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @CounterSignatureUpload
  @ApiOkResponse({ type: AgreementResponse })
  sign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SignatureRequest,
    @UploadedFile() file: MulterFile | undefined,
  ): Promise<AgreementResponse> {
    // Without a file the city counter-signs the copy the recipient signed in the portal (the service refuses it otherwise).
    return this.agreements.sign(actor, id, body, uploadedFile(file) ?? null);
  }

  @Authenticated(Permission.AwardManage)
  @Post('agreements/:id/publication')
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementResponse })
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: PublicationRequest): Promise<AgreementResponse> {
    return this.agreements.publish(actor, id, body);
  }

  @Authenticated(Permission.AwardManage)
  @Post('agreements/:id/amendments')
  @ApiCreatedResponse({ type: AmendmentResponse })
  amend(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AmendmentRequest): Promise<AmendmentResponse> {
    return this.agreements.proposeAmendment(actor, id, body);
  }

  @Authenticated(Permission.AwardManage)
  @Post('amendments/:id/signature')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @CounterSignatureUpload
  @ApiOkResponse({ type: AmendmentResponse })
  signAmendment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SignatureRequest,
    @UploadedFile() file: MulterFile | undefined,
  ): Promise<AmendmentResponse> {
    // Without a file the city counter-signs the copy the recipient signed in the portal (the service refuses it otherwise).
    return this.agreements.signAmendment(actor, id, body, uploadedFile(file) ?? null);
  }

  /** The recipient (a member of the organisation) uploads the amendment they signed; the city then counter-signs (`signature`). */
  @Authenticated(Permission.ApplicationWrite)
  @Post('amendments/:id/applicant-signature')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @RecipientCopyUpload
  @ApiOkResponse({ type: AmendmentResponse })
  recipientSignAmendment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: VersionRequest,
    @UploadedFile() file: MulterFile | undefined,
  ): Promise<AmendmentResponse> {
    const upload = uploadedFile(file);
    if (!upload) throw DomainError.field('file', 'FILE_REQUIRED', { cs: 'Nahrajte podepsaný dodatek (PDF).', en: 'Upload the signed amendment (PDF).' });
    return this.agreements.recipientSignAmendment(actor, id, body.version, upload);
  }

  @Authenticated(Permission.AwardManage)
  @Post('amendments/:id/publication')
  @HttpCode(200)
  @ApiOkResponse({ type: AmendmentResponse })
  publishAmendment(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: PublicationRequest): Promise<AmendmentResponse> {
    return this.agreements.publishAmendment(actor, id, body);
  }

  @Authenticated(Permission.AwardRead)
  @Get('agreements/:id/payments')
  @ApiOkResponse({ type: PaymentResponse, isArray: true })
  listPayments(@Param('id', ParseUUIDPipe) id: string): Promise<readonly PaymentResponse[]> {
    return this.payments.list(id);
  }

  @Authenticated(Permission.AwardManage)
  @Post('agreements/:id/payments')
  @ApiCreatedResponse({ type: PaymentResponse })
  order(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: PaymentOrderRequest): Promise<PaymentResponse> {
    return this.payments.order(actor, id, body);
  }
}

/** Payment orders after they are issued: four eyes, hold and release, the bank file, the bank's confirmation. */
@ApiTags('awards')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentService) {}

  @Authenticated(Permission.AwardRead)
  @Get()
  @ApiOkResponse({ type: PagePaymentListItemResponse })
  search(@Query() query: PaymentListQuery): Promise<PagePaymentListItemResponse> {
    return this.payments.search(query, query);
  }

  @Authenticated(Permission.AwardRead)
  @Get(':id')
  @ApiOkResponse({ type: PaymentListItemResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PaymentListItemResponse> {
    return this.payments.get(id);
  }

  /** Four eyes per order; each in its own transaction: the answer lists what was approved and why the rest was not. */
  @Authenticated(Permission.AwardManage)
  @Post('approve')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkResultResponse })
  approveMany(@CurrentActor() actor: Actor, @Body() body: BulkApproveRequest): Promise<BulkResultResponse> {
    return this.payments.approveMany(actor, body.payments);
  }

  @Authenticated(Permission.AwardManage)
  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: PaymentResponse })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionRequest): Promise<PaymentResponse> {
    return this.payments.approve(actor, id, body.version);
  }

  @Authenticated(Permission.AwardManage)
  @Post(':id/hold')
  @HttpCode(200)
  @ApiOkResponse({ type: PaymentResponse })
  hold(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: HoldRequest): Promise<PaymentResponse> {
    return this.payments.hold(actor, id, body);
  }

  @Authenticated(Permission.AwardManage)
  @Post(':id/release')
  @HttpCode(200)
  @ApiOkResponse({ type: PaymentResponse })
  release(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionRequest): Promise<PaymentResponse> {
    return this.payments.release(actor, id, body.version);
  }

  @Authenticated(Permission.AwardManage)
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: PaymentResponse })
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionRequest): Promise<PaymentResponse> {
    return this.payments.cancel(actor, id, body.version);
  }

  /** The approved orders as the bank's import file; each order goes out once. */
  @Authenticated(Permission.AwardManage)
  @Post('bank-export')
  @HttpCode(200)
  @ApiFile('text/csv')
  async bankExport(@CurrentActor() actor: Actor): Promise<StreamableFile> {
    const csv = await this.payments.exportForBank(actor);
    return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: attachmentDisposition('platebni-prikazy.csv') });
  }

  @Authenticated(Permission.AwardManage)
  @Post(':id/confirmation')
  @HttpCode(200)
  @ApiOkResponse({ type: PaymentResponse })
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ConfirmPaymentRequest): Promise<PaymentResponse> {
    return this.payments.confirm(actor, id, body);
  }
}

/** "What needs my action": the open remedy requests and the settlements due in the user's organisations (the portal's dashboard and header). */
@ApiTags('awards')
@Controller('my-actions')
export class ApplicantActionsController {
  constructor(private readonly actions: ApplicantActionsService) {}

  @Authenticated(Permission.ApplicationRead)
  @Get()
  @ApiOkResponse({ type: ApplicantActionsResponse })
  list(@CurrentActor() actor: Actor): Promise<ApplicantActionsResponse> {
    return this.actions.forActor(actor);
  }
}

/** The settlement: the recipient reports costs and outputs, staff check each document, returns are matched. */
@ApiTags('awards')
@Controller()
export class SettlementsController {
  constructor(private readonly settlements: SettlementService) {}

  @Authenticated(Permission.ApplicationWrite)
  @Post('agreements/:id/settlement')
  @ApiCreatedResponse({ type: SettlementResponse })
  submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SubmitSettlementRequest): Promise<SettlementResponse> {
    return this.settlements.submit(actor, id, body);
  }

  /** The recipient's settlement draft with the budget lines, what was paid and the outputs that may be reported. */
  @Authenticated(Permission.ApplicationRead)
  @Get('agreements/:id/settlement-draft')
  @ApiOkResponse({ type: SettlementDraftResponse })
  draft(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SettlementDraftResponse> {
    return this.settlements.draft(actor, id);
  }

  /** Autosave: the parts sent replace the stored ones over the version read (409 with the current draft otherwise). */
  @Authenticated(Permission.ApplicationWrite)
  @Patch('agreements/:id/settlement-draft')
  @ApiOkResponse({ type: SettlementDraftResponse })
  saveDraft(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SaveSettlementDraftRequest): Promise<SettlementDraftResponse> {
    return this.settlements.saveDraft(actor, id, body);
  }

  @Authenticated(Permission.ApplicationWrite)
  @Post('agreements/:id/settlement-draft/submission')
  @ApiCreatedResponse({ type: SettlementResponse })
  submitDraft(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SubmitSettlementDraftRequest): Promise<SettlementResponse> {
    return this.settlements.submitDraft(actor, id, body.version);
  }

  /** Settlements across agreements (staff): the ones waiting for the check first. */
  @Authenticated(Permission.AwardRead)
  @Get('settlements')
  @ApiOkResponse({ type: PageSettlementListItemResponse })
  list(@Query() query: SettlementListQuery): Promise<PageSettlementListItemResponse> {
    return this.settlements.list(query);
  }

  @Authenticated(Permission.ApplicationRead)
  @Get('settlements/:id')
  @ApiOkResponse({ type: SettlementResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SettlementResponse> {
    return this.settlements.get(actor, id);
  }

  /** The letter asking for the return still owed, with the QR Platba code (the recipient and staff). */
  @Authenticated(Permission.ApplicationRead)
  @Get('settlements/:id/return-call.pdf')
  @ApiFile('application/pdf')
  async returnCall(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { pdf, fileName } = await this.settlements.returnLetter(actor, id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: attachmentDisposition(fileName) });
  }

  @Authenticated(Permission.AwardManage)
  @Post('settlements/:id/check')
  @HttpCode(200)
  @ApiOkResponse({ type: SettlementCheckResponse })
  check(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CheckSettlementRequest): Promise<SettlementCheckResponse> {
    return this.settlements.check(actor, id, body);
  }

  @Authenticated(Permission.AwardManage)
  @Post('settlements/:id/returns')
  @HttpCode(200)
  @ApiOkResponse({ type: SettlementResponse })
  receiveReturn(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReturnReceiptRequest): Promise<SettlementResponse> {
    return this.settlements.receiveReturn(actor, id, body);
  }
}

/** Breaches of budget discipline: remedy request first where allowed, then the levy and the penalty. */
@ApiTags('awards')
@Controller()
export class BreachesController {
  constructor(private readonly breaches: BreachService) {}

  @Authenticated(Permission.AwardRead)
  @Get('agreements/:id/breaches')
  @ApiOkResponse({ type: BreachResponse, isArray: true })
  list(@Param('id', ParseUUIDPipe) id: string): Promise<readonly BreachResponse[]> {
    return this.breaches.list(id);
  }

  @Authenticated(Permission.AwardManage)
  @Post('agreements/:id/breaches')
  @ApiCreatedResponse({ type: BreachResponse })
  open(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: OpenBreachRequest): Promise<BreachResponse> {
    return this.breaches.open(actor, id, body);
  }

  @Authenticated(Permission.AwardRead)
  @Get('breaches/:id/document.pdf')
  @ApiFile('application/pdf')
  async document(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { pdf, fileName } = await this.breaches.document(id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: attachmentDisposition(fileName) });
  }

  @Authenticated(Permission.AwardManage)
  @Post('breaches/:id/remedied')
  @HttpCode(200)
  @ApiOkResponse({ type: BreachResponse })
  remedied(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RemediedRequest): Promise<BreachResponse> {
    return this.breaches.remedied(actor, id, body);
  }

  @Authenticated(Permission.AwardManage)
  @Post('breaches/:id/levy')
  @HttpCode(200)
  @ApiOkResponse({ type: BreachResponse })
  levy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ImposeLevyRequest): Promise<BreachResponse> {
    return this.breaches.imposeLevy(actor, id, body);
  }

  @Authenticated(Permission.AwardManage)
  @Post('breaches/:id/payment')
  @HttpCode(200)
  @ApiOkResponse({ type: BreachResponse })
  paid(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: LevyPaidRequest): Promise<BreachResponse> {
    return this.breaches.levyPaid(actor, id, body);
  }
}

/** One award decision's letter: the approval letter or the rejection notice, as sent (or, before sending, as it will be). */
@ApiTags('awards')
@Controller('decisions')
export class DecisionLettersController {
  constructor(private readonly awards: AwardService) {}

  @Authenticated(Permission.AwardRead)
  @Get(':id/letter.pdf')
  @ApiFile('application/pdf')
  async letter(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { pdf, fileName } = await this.awards.letter(id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: attachmentDisposition(fileName) });
  }
}

/** Files kept with money records: the resolution's signed copy, the scans of cost documents. */
@ApiTags('awards')
@Controller()
export class RecordFilesController {
  constructor(private readonly files: RecordFilesService) {}

  @Authenticated(Permission.AwardManage)
  @Post('resolutions/:id/files')
  @UseInterceptors(FileInterceptor('file'))
  @ApiUpload()
  @ApiCreatedResponse({ type: RecordFileResponse })
  resolutionFile(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: MulterFile | undefined): Promise<RecordFileResponse> {
    const upload = uploadedFile(file);
    if (!upload) throw DomainError.field('file', 'FILE_REQUIRED', { cs: 'Nahrajte usnesení (PDF).', en: 'Upload the resolution (PDF).' });
    return this.files.attachToResolution(actor, id, upload);
  }

  @Authenticated(Permission.AwardRead)
  @Get('resolutions/:id/files')
  @ApiOkResponse({ type: RecordFileResponse, isArray: true })
  resolutionFiles(@Param('id', ParseUUIDPipe) id: string): Promise<readonly RecordFileResponse[]> {
    return this.files.list('resolution', id);
  }

  @Authenticated(Permission.ApplicationWrite)
  @Post('cost-documents/:id/files')
  @UseInterceptors(FileInterceptor('file'))
  @ApiUpload()
  @ApiCreatedResponse({ type: RecordFileResponse })
  costDocumentFile(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: MulterFile | undefined): Promise<RecordFileResponse> {
    const upload = uploadedFile(file);
    if (!upload) throw DomainError.field('file', 'FILE_REQUIRED', { cs: 'Nahrajte sken dokladu (PDF, JPEG nebo PNG).', en: 'Upload the document scan (PDF, JPEG or PNG).' });
    return this.files.attachToCostDocument(actor, id, upload);
  }

  @Authenticated(Permission.AwardRead)
  @Get('cost-documents/:id/files')
  @ApiOkResponse({ type: RecordFileResponse, isArray: true })
  costDocumentFiles(@Param('id', ParseUUIDPipe) id: string): Promise<readonly RecordFileResponse[]> {
    return this.files.list('cost_document', id);
  }

  @Authenticated(Permission.AwardRead)
  @Get('record-files/:id')
  @ApiFile('application/octet-stream')
  async download(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const file = await this.files.download(id);
    return new StreamableFile(file.stream, { type: file.mediaType, disposition: attachmentDisposition(file.fileName) });
  }
}
