import { Controller, Get, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '#access';
import { FulfilmentService, OPEN_DATA_COLUMNS, OpenDataService } from '#reports';
import { attachmentDisposition } from '../http/content-disposition.js';
import { ApiFile } from '../http/openapi.js';
import { OpenDataSchemaResponse, PublicStrategyFundingResponse } from '../http/responses.js';

/** Funded projects for anyone, streamed (columns in the README). */
@ApiTags('open-data')
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  /** `X-Total-Count` tells the client how many rows are coming, for a progress bar while they stream. */
  @Public()
  @Get('grants.csv')
  @ApiFile('text/csv')
  async csv(@Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    response.setHeader('X-Total-Count', String(await this.openData.count()));
    return new StreamableFile(Readable.from(this.openData.csv()), { type: 'text/csv; charset=utf-8', disposition: attachmentDisposition('dotace-integrace-cizincu.csv') });
  }

  @Public()
  @Get('grants.json')
  @ApiFile('application/json')
  async json(@Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    response.setHeader('X-Total-Count', String(await this.openData.count()));
    return new StreamableFile(Readable.from(this.openData.json()), { type: 'application/json; charset=utf-8' });
  }

  /** The columns, their formats and how many rows the downloads hold now. */
  @Public()
  @Get('schema')
  @ApiOkResponse({ type: OpenDataSchemaResponse })
  async schema(): Promise<OpenDataSchemaResponse> {
    return {
      columns: OPEN_DATA_COLUMNS,
      amounts: 'decimal strings with a dot, CZK',
      dates: 'ISO 8601 calendar dates',
      recipients: 'legal persons only (city districts, NGOs)',
      rowCount: await this.openData.count(),
    };
  }
}

/** What each funded activity of the strategy has received, for the public strategy browser. */
@ApiTags('open-data')
@Controller('public/strategy')
export class PublicStrategyFundingController {
  constructor(private readonly fulfilment: FulfilmentService) {}

  @Public()
  @Get(':versionId/funding')
  @ApiOkResponse({ type: PublicStrategyFundingResponse })
  funding(@Param('versionId', ParseUUIDPipe) versionId: string): Promise<PublicStrategyFundingResponse> {
    return this.fulfilment.publicFunding(versionId);
  }
}
