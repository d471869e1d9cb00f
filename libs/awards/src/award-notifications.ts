import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Notifier } from '#notifications';
import { OutboxHandlers } from '#outbox';

/** The applicant hears the decision without undue delay: the approval with its amount and conditions, or the rejection with its reason. */
@Injectable()
export class AwardNotifications implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: OutboxHandlers,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.handlers.register('award.decided', async (event) => {
      const [row] = (await this.dataSource.query(
        `SELECT d.outcome, d.amount, d.requested_amount, d.conditions, d.reason, r.body, r.number AS resolution, r.adopted_on::text AS adopted_on, a.id AS application_id, a.number, a.title, a.organisation_id
           FROM award_decision d JOIN resolution r ON r.id = d.resolution_id JOIN application a ON a.id = d.application_id WHERE d.id = $1`,
        [String(event.payload.decisionId)],
      )) as {
        outcome: 'approved' | 'rejected'; amount: string; requested_amount: string; conditions: string[]; reason: string | null; body: 'council' | 'assembly';
        resolution: string; adopted_on: string; application_id: string; number: string; title: string | null; organisation_id: string;
      }[];
      if (!row) return;
      const members = ((await this.dataSource.query('SELECT user_id FROM organisation_member WHERE organisation_id = $1', [row.organisation_id])) as { user_id: string }[]).map((m) => m.user_id);
      const identity = { applicationId: row.application_id, applicationNumber: row.number, projectTitle: row.title ?? '', body: row.body, resolutionNumber: row.resolution, resolutionDate: row.adopted_on };
      if (row.outcome === 'approved') {
        await this.notifier.notify({
          kind: 'award_approved', userIds: members, params: { ...identity, approvedAmount: row.amount, requestedAmount: row.requested_amount, conditions: row.conditions },
          dedupeKey: event.id, sourceEventId: event.id,
        });
      } else {
        await this.notifier.notify({ kind: 'award_rejected', userIds: members, params: { ...identity, reason: row.reason ?? '' }, dedupeKey: event.id, sourceEventId: event.id });
      }
    });
  }
}
