import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Notifier } from '#notifications';
import { OutboxHandlers } from '#outbox';
import { PROVIDER, variableSymbolOf } from './agreement.service.js';

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
    this.handlers.register('agreement.sent', async (event) => {
      const c = await this.agreement(event.aggregateId);
      await this.notifier.notify({ kind: 'agreement_ready_to_sign', userIds: c.members, params: { ...c.identity, amount: c.amount }, dedupeKey: event.id, sourceEventId: event.id });
    });
    this.handlers.register('agreement.published', async (event) => {
      const c = await this.agreement(event.aggregateId);
      await this.notifier.notify({
        kind: 'agreement_published', userIds: c.members, params: { ...c.identity, registryId: c.registerId ?? '', publishedAt: c.publishedOn ?? '' }, dedupeKey: event.id, sourceEventId: event.id,
      });
    });
    this.handlers.register('payment.sent', async (event) => {
      const [payment] = (await this.dataSource.query(`SELECT agreement_id, amount, paid_on::text AS paid_on, tranche_no FROM payment WHERE id = $1`, [event.aggregateId])) as {
        agreement_id: string; amount: string; paid_on: string; tranche_no: number;
      }[];
      const c = await this.agreement(payment.agreement_id);
      await this.notifier.notify({
        kind: 'payment_sent', userIds: c.members, params: { ...c.identity, amount: payment.amount, paidAt: payment.paid_on, trancheNo: payment.tranche_no, trancheCount: c.trancheCount },
        dedupeKey: event.id, sourceEventId: event.id,
      });
    });
    this.handlers.register('settlement.return_due', async (event) => {
      const [settlement] = (await this.dataSource.query(`SELECT agreement_id, return_due, return_due_date::text AS due FROM settlement WHERE id = $1`, [event.aggregateId])) as {
        agreement_id: string; return_due: string; due: string;
      }[];
      const c = await this.agreement(settlement.agreement_id);
      await this.notifier.notify({
        kind: 'return_due', userIds: c.members,
        params: { ...c.identity, amount: settlement.return_due, dueDate: settlement.due, account: PROVIDER.bankAccount.number, variableSymbol: c.variableSymbol },
        dedupeKey: event.id, sourceEventId: event.id,
      });
    });
    this.handlers.register('breach.remedy_requested', (event) => this.breachRequested(event.aggregateId, event.id));
    this.handlers.register('settlement.return_received', async (event) => {
      const [settlement] = (await this.dataSource.query(`SELECT agreement_id FROM settlement WHERE id = $1`, [event.aggregateId])) as { agreement_id: string }[];
      const c = await this.agreement(settlement.agreement_id);
      await this.notifier.notify({
        kind: 'return_received', userIds: c.members, params: { ...c.identity, amount: String(event.payload.amount), receivedAt: event.createdAt.toISOString() },
        dedupeKey: event.id, sourceEventId: event.id,
      });
    });
  }

  private async breachRequested(breachId: string, eventId: string): Promise<void> {
    const [breach] = (await this.dataSource.query(`SELECT agreement_id, description, remedy_deadline::text AS deadline FROM breach WHERE id = $1`, [breachId])) as {
      agreement_id: string; description: string; deadline: string;
    }[];
    const c = await this.agreement(breach.agreement_id);
    await this.notifier.notify({
      kind: 'breach_remedy_request', userIds: c.members, params: { ...c.identity, breach: breach.description, deadline: breach.deadline }, dedupeKey: eventId, sourceEventId: eventId,
    });
  }

  private async agreement(agreementId: string) {
    const [row] = (await this.dataSource.query(
      `SELECT g.id, g.number, g.amount, g.register_id, g.published_on::text AS published_on, jsonb_array_length(g.tranches) AS tranches, a.number AS application_number, a.title, a.organisation_id
         FROM agreement g JOIN application a ON a.id = g.application_id WHERE g.id = $1`,
      [agreementId],
    )) as { id: string; number: string; amount: string; register_id: string | null; published_on: string | null; tranches: number; application_number: string; title: string | null; organisation_id: string }[];
    const members = ((await this.dataSource.query('SELECT user_id FROM organisation_member WHERE organisation_id = $1', [row.organisation_id])) as { user_id: string }[]).map((m) => m.user_id);
    return {
      members, amount: row.amount, registerId: row.register_id, publishedOn: row.published_on, trancheCount: row.tranches,
      variableSymbol: variableSymbolOf(row.application_number),
      identity: { agreementId: row.id, agreementNumber: row.number, projectTitle: row.title ?? '' },
    };
  }
}
