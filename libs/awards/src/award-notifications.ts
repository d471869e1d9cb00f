import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationScheduler, Notifier } from '#notifications';
import { addDays, pragueInstant } from '#core';
import { OutboxHandlers } from '#outbox';
import { FileStorage } from '#storage';
import { PROVIDER, variableSymbolOf } from './agreement.service.js';
import { DECISION_ROW_SQL, renderDecisionLetterPdf } from './letters.js';
import type { DecisionRow } from './letters.js';

/** The applicant hears the decision without undue delay: the approval with its amount and conditions, or the rejection with its reason. */
@Injectable()
export class AwardNotifications implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: OutboxHandlers,
    private readonly notifier: Notifier,
    private readonly storage: FileStorage,
    private readonly scheduler: NotificationScheduler,
  ) {}

  onModuleInit(): void {
    // Staff are reminded of agreements waiting for the Registr smluv: from day 20 after signature, and on day 30.
    this.scheduler.register({ kind: 'register_publication_due', due: (from, until) => this.unpublished(from, until) });
    this.handlers.register('award.decided', async (event) => {
      const [row] = await this.dataSource.query<DecisionRow[]>(DECISION_ROW_SQL, [String(event.payload.decisionId)]);
      if (!row) return;
      const members = (await this.dataSource.query<{ user_id: string }[]>('SELECT user_id FROM organisation_member WHERE organisation_id = $1', [row.organisation_id])).map(
        (m) => m.user_id,
      );
      const identity = {
        applicationId: row.application_id,
        applicationNumber: row.number,
        projectTitle: row.title ?? '',
        body: row.body,
        resolutionNumber: row.resolution,
        resolutionDate: row.adopted_on,
      };
      // The letter (approval) or the notice with the reason (rejection) goes with the e-mail, as a PDF kept with the decision.
      const attachment = await this.letter(String(event.payload.decisionId), row, event.createdAt);
      if (row.outcome === 'approved') {
        await this.notifier.notify({
          kind: 'award_approved',
          userIds: members,
          params: { ...identity, approvedAmount: row.amount, requestedAmount: row.requested_amount, conditions: row.conditions },
          attachments: [attachment],
          dedupeKey: event.id,
          sourceEventId: event.id,
        });
      } else {
        await this.notifier.notify({
          kind: 'award_rejected',
          userIds: members,
          params: { ...identity, reason: row.reason ?? '' },
          attachments: [attachment],
          dedupeKey: event.id,
          sourceEventId: event.id,
        });
      }
    });
    this.handlers.register('agreement.sent', async (event) => {
      const c = await this.agreement(event.aggregateId);
      await this.notifier.notify({
        kind: 'agreement_ready_to_sign',
        userIds: c.members,
        params: { ...c.identity, amount: c.amount },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
    this.handlers.register('agreement.published', async (event) => {
      const c = await this.agreement(event.aggregateId);
      await this.notifier.notify({
        kind: 'agreement_published',
        userIds: c.members,
        params: { ...c.identity, registryId: c.registerId ?? '', publishedAt: c.publishedOn ?? '' },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
    this.handlers.register('payment.sent', async (event) => {
      const [payment] = await this.dataSource.query<
        {
          agreement_id: string;
          amount: string;
          paid_on: string;
          tranche_no: number;
        }[]
      >(`SELECT agreement_id, amount, paid_on::text AS paid_on, tranche_no FROM payment WHERE id = $1`, [event.aggregateId]);
      const c = await this.agreement(payment.agreement_id);
      await this.notifier.notify({
        kind: 'payment_sent',
        userIds: c.members,
        params: { ...c.identity, amount: payment.amount, paidAt: payment.paid_on, trancheNo: payment.tranche_no, trancheCount: c.trancheCount },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
    this.handlers.register('settlement.return_due', async (event) => {
      const [settlement] = await this.dataSource.query<
        {
          agreement_id: string;
          return_due: string;
          due: string;
        }[]
      >(`SELECT agreement_id, return_due, return_due_date::text AS due FROM settlement WHERE id = $1`, [event.aggregateId]);
      const c = await this.agreement(settlement.agreement_id);
      await this.notifier.notify({
        kind: 'return_due',
        userIds: c.members,
        params: { ...c.identity, amount: settlement.return_due, dueDate: settlement.due, account: PROVIDER.bankAccount.number, variableSymbol: c.variableSymbol },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
    this.handlers.register('breach.remedy_requested', (event) => this.breachRequested(event.aggregateId, event.id));
    this.handlers.register('settlement.return_received', async (event) => {
      const [settlement] = await this.dataSource.query<{ agreement_id: string }[]>(`SELECT agreement_id FROM settlement WHERE id = $1`, [event.aggregateId]);
      const c = await this.agreement(settlement.agreement_id);
      await this.notifier.notify({
        kind: 'return_received',
        userIds: c.members,
        params: { ...c.identity, amount: String(event.payload.amount), receivedAt: event.createdAt.toISOString() },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
  }

  private async letter(decisionId: string, row: DecisionRow, decidedAt: Date) {
    const { pdf, fileName, storageKey } = await renderDecisionLetterPdf(this.dataSource.manager, decisionId, row, decidedAt);
    await this.storage.put(storageKey, pdf);
    return { storageKey, fileName, contentType: 'application/pdf' };
  }

  /** Signed, unpublished agreements whose 30 days run out in (from, until]; the deadline is the end of day 30. */
  private async unpublished(from: Date, until: Date) {
    const rows = await this.dataSource.query<
      { id: string; number: string; signed_on: string; title: string | null }[]
    >(`SELECT g.id, g.number, g.signed_on::text AS signed_on, a.title FROM agreement g JOIN application a ON a.id = g.application_id
        WHERE g.status = 'signed' AND g.register_required AND g.published_on IS NULL AND g.signed_on IS NOT NULL`);
    if (rows.length === 0) return [];
    const staff = (await this.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE is_active AND 'staff' = ANY(roles)`)).map((u) => u.id);
    return rows
      .map((row) => ({ row, lastDay: addDays(row.signed_on, 30), dueAt: pragueInstant(addDays(row.signed_on, 31)) }))
      .filter(({ dueAt }) => dueAt > from && dueAt <= until)
      .map(({ row, lastDay, dueAt }) => ({
        subjectId: row.id,
        dueAt,
        userIds: staff,
        params: {
          agreementId: row.id,
          agreementNumber: row.number,
          projectTitle: row.title ?? '',
          signedOn: row.signed_on,
          lastDay,
          stage: dueAt.getTime() - from.getTime() <= 24 * 60 * 60 * 1000 ? ('overdue' as const) : ('warning' as const),
        },
      }));
  }

  private async breachRequested(breachId: string, eventId: string): Promise<void> {
    const [breach] = await this.dataSource.query<
      {
        agreement_id: string;
        description: string;
        deadline: string;
      }[]
    >(`SELECT agreement_id, description, remedy_deadline::text AS deadline FROM breach WHERE id = $1`, [breachId]);
    const c = await this.agreement(breach.agreement_id);
    await this.notifier.notify({
      kind: 'breach_remedy_request',
      userIds: c.members,
      params: { ...c.identity, breach: breach.description, deadline: breach.deadline },
      dedupeKey: eventId,
      sourceEventId: eventId,
    });
  }

  private async agreement(agreementId: string) {
    const [row] = await this.dataSource.query<
      {
        id: string;
        number: string;
        amount: string;
        register_id: string | null;
        published_on: string | null;
        tranches: number;
        application_number: string;
        title: string | null;
        organisation_id: string;
      }[]
    >(
      `SELECT g.id, g.number, g.amount, g.register_id, g.published_on::text AS published_on, jsonb_array_length(g.tranches) AS tranches, a.number AS application_number, a.title, a.organisation_id
         FROM agreement g JOIN application a ON a.id = g.application_id WHERE g.id = $1`,
      [agreementId],
    );
    const members = (await this.dataSource.query<{ user_id: string }[]>('SELECT user_id FROM organisation_member WHERE organisation_id = $1', [row.organisation_id])).map(
      (m) => m.user_id,
    );
    return {
      members,
      amount: row.amount,
      registerId: row.register_id,
      publishedOn: row.published_on,
      trancheCount: row.tranches,
      variableSymbol: variableSymbolOf(row.application_number),
      identity: { agreementId: row.id, agreementNumber: row.number, projectTitle: row.title ?? '' },
    };
  }
}
