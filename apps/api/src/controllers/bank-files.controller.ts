import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentActor, Permission } from '#access';
import { BankFilesService, Pain001ExportQuery, ResolveStatementLineRequest, StatementLineQuery } from '#awards';
import { DomainError } from '#core';
import type { Actor } from '#core';
import { attachmentDisposition } from '../http/content-disposition.js';
import { ApiFile, ApiUpload } from '../http/openapi.js';
import { BankStatementImportResponse, BankStatementLineResponse, PageBankStatementLineResponse, PaymentBatchResponse, StatementCandidateResponse } from '../http/responses.js';
import { MulterFile, uploadedFile } from '../http/uploaded-file.js';

/** The bank's own file formats: payment orders as ISO 20022 pain.001, statements as camt.053, and the lines left for a person. */
@ApiTags('payments')
@Controller()
export class BankFilesController {
  constructor(private readonly bank: BankFilesService) {}

  /** The approved orders as a pain.001 file; each order goes out once. The batch id comes in `X-Payment-Batch-Id`. */
  @Authenticated(Permission.AwardManage)
  @Post('payments/bank-export/pain001')
  @HttpCode(200)
  @ApiFile('application/xml')
  async exportPain001(@CurrentActor() actor: Actor, @Query() query: Pain001ExportQuery, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const batch = await this.bank.exportPain001(actor, query.version, query.callId);
    response.setHeader('X-Payment-Batch-Id', batch.batchId);
    return new StreamableFile(Buffer.from(batch.content, 'utf8'), { type: 'application/xml; charset=utf-8', disposition: attachmentDisposition(batch.fileName) });
  }

  @Authenticated(Permission.AwardRead)
  @Get('payment-batches')
  @ApiOkResponse({ type: PaymentBatchResponse, isArray: true })
  batches(): Promise<readonly PaymentBatchResponse[]> {
    return this.bank.batches();
  }

  /** A batch's file again, the same bytes as when it was exported. */
  @Authenticated(Permission.AwardManage)
  @Get('payment-batches/:id/pain001.xml')
  @Header('Cache-Control', 'no-store')
  @ApiFile('application/xml')
  async batchFile(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const batch = await this.bank.batchFile(id);
    return new StreamableFile(Buffer.from(batch.content, 'utf8'), { type: 'application/xml; charset=utf-8', disposition: attachmentDisposition(batch.fileName) });
  }

  /** A camt.053 statement: orders confirmed, returns and levies received, the rest listed; the same statement again changes nothing. */
  @Authenticated(Permission.AwardManage)
  @Post('bank-statements')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @ApiUpload()
  @ApiOkResponse({ type: BankStatementImportResponse })
  importStatement(@CurrentActor() actor: Actor, @UploadedFile() file: MulterFile | undefined): Promise<BankStatementImportResponse> {
    const upload = uploadedFile(file);
    if (!upload) throw DomainError.field('file', 'FILE_REQUIRED', { cs: 'Nahrajte bankovní výpis (camt.053, XML).', en: 'Upload the bank statement (camt.053 XML).' });
    return this.bank.importStatement(actor, upload);
  }

  @Authenticated(Permission.AwardRead)
  @Get('bank-statements/lines')
  @ApiOkResponse({ type: PageBankStatementLineResponse })
  lines(@Query() query: StatementLineQuery): Promise<PageBankStatementLineResponse> {
    return this.bank.lines(query);
  }

  /** What an unmatched line could pay (the resolution form's choices): the line's variable symbol first, then its amount. */
  @Authenticated(Permission.AwardManage)
  @Get('bank-statements/lines/:id/candidates')
  @ApiOkResponse({ type: StatementCandidateResponse, isArray: true })
  candidates(@Param('id', ParseUUIDPipe) id: string): Promise<readonly StatementCandidateResponse[]> {
    return this.bank.candidates(id);
  }

  @Authenticated(Permission.AwardManage)
  @Post('bank-statements/lines/:id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: BankStatementLineResponse })
  resolve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ResolveStatementLineRequest): Promise<BankStatementLineResponse> {
    return this.bank.resolve(actor, id, body);
  }
}
