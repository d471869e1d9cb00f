import { Controller, Get, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '#access';
import { OPEN_DATA_COLUMNS, OpenDataService } from '#reports';
import { attachmentDisposition } from '../http/content-disposition.js';

/** Funded projects for anyone, streamed (columns in the README). */
@ApiTags('open-data')
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Public() @Get('grants.csv')
  csv(): StreamableFile {
    return new StreamableFile(Readable.from(this.openData.csv()), { type: 'text/csv; charset=utf-8', disposition: attachmentDisposition('dotace-integrace-cizincu.csv') });
  }

  @Public() @Get('grants.json')
  json(): StreamableFile {
    return new StreamableFile(Readable.from(this.openData.json()), { type: 'application/json; charset=utf-8' });
  }

  @Public() @Get('schema')
  schema() {
    return { columns: OPEN_DATA_COLUMNS, amounts: 'decimal strings with a dot, CZK', dates: 'ISO 8601 calendar dates', recipients: 'legal persons only (city districts, NGOs)' };
  }
}
