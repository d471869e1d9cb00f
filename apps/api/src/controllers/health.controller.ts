import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '#access';
import { ProbeResult, settleWithin } from '#core';
import { QUEUE_BACKEND, QueueFactory, QUEUES } from '#queue';
import type { QueueBackend } from '#queue';
import { HealthResponse, LivenessResponse } from '../http/responses.js';

/** Each dependency gets this long; the whole answer comes within about a second whatever hangs. */
const PROBE_MS = 800;

const state = (probe: ProbeResult<unknown>) => probe.status;

/**
 * For load balancers and orchestrators. `live`: the process answers (restart it if not). `ready`:
 * the database and the queue answer, so requests can be served (take it out of rotation if not).
 * `/health`: the same as `ready`, with each dependency up, down or timed out.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthResponse })
  health(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    return this.ready(response);
  }

  @Public()
  @Get('live')
  @ApiOkResponse({ type: LivenessResponse })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOkResponse({ type: HealthResponse })
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const [database, queue] = await Promise.all([
      settleWithin(this.dataSource.query('SELECT 1'), PROBE_MS),
      settleWithin(this.queues.queue(QUEUES.outbox).getJobCounts('waiting', 'active', 'failed', 'delayed'), PROBE_MS),
    ]);
    const ok = database.status === 'up' && queue.status === 'up';
    response.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'degraded',
      database: state(database),
      queue: { backend: this.backend.kind, status: state(queue), counts: queue.status === 'up' ? queue.value : {} },
    };
  }
}
