import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '#access';
import { QUEUE_BACKEND, QueueFactory, QUEUES } from '#queue';
import type { QueueBackend } from '#queue';
import { HealthResponse } from '../http/responses.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
  ) {}

  /** 200 when the database and the queue answer, 503 otherwise: load balancers need nothing more. */
  @Public() @Get()
  @ApiOkResponse({ type: HealthResponse })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const [database, queue] = await Promise.all([
      this.dataSource.query('SELECT 1').then(() => 'up' as const, () => 'down' as const),
      this.queues.queue(QUEUES.outbox).getJobCounts('waiting', 'active', 'failed', 'delayed').then(
        (counts) => ({ status: 'up' as const, counts }),
        () => ({ status: 'down' as const, counts: {} }),
      ),
    ]);
    const ok = database === 'up' && queue.status === 'up';
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', database, queue: { backend: this.backend.kind, ...queue } };
  }
}
