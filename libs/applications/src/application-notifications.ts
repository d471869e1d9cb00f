import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Notifier, NotificationScheduler } from '#notifications';
import { Organisation } from '#organisations';
import { OutboxEvent, OutboxHandlers } from '#outbox';
import { ApplicationStore } from './application-store.js';
import { checkCompleteness } from './draft.js';
import { Application, ApplicationAttachment, ApplicationVersion, RemedyRequest } from './entities.js';
import { ReceiptService } from './receipt.service.js';

/**
 * Who hears about an application, and when: the members of the applicant organisation get the
 * receipt (with the PDF), remedy requests, the formal-check result and exclusions; reminders go out
 * before the submission deadline (unsubmitted drafts) and before a remedy deadline.
 */
@Injectable()
export class ApplicationNotifications implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: OutboxHandlers,
    private readonly scheduler: NotificationScheduler,
    private readonly notifier: Notifier,
    private readonly receipts: ReceiptService,
    private readonly store: ApplicationStore,
  ) {}

  onModuleInit(): void {
    this.handlers.register('application.submitted', (event) => this.submitted(event));
    this.handlers.register('application.remedy_requested', (event) => this.remedyRequested(event));
    this.handlers.register('application.formal_check_passed', async (event) => {
      const { application, members } = await this.subject(event.aggregateId);
      await this.notifier.notify({ kind: 'formal_check_passed', userIds: members, params: this.identity(application), dedupeKey: event.id, sourceEventId: event.id });
    });
    this.handlers.register('application.excluded', async (event) => {
      const { application, members } = await this.subject(event.aggregateId);
      await this.notifier.notify({
        kind: 'application_excluded',
        userIds: members,
        params: { ...this.identity(application), reason: application.endReason ?? '' },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
    this.scheduler.register({ kind: 'draft_reminder', due: (from, until) => this.draftsDue(from, until) });
    this.scheduler.register({ kind: 'remedy_deadline_reminder', due: (from, until) => this.remediesDue(from, until) });
  }

  private async submitted(event: OutboxEvent): Promise<void> {
    const versionNo = Number(event.payload.versionNo);
    const { application, members } = await this.subject(event.aggregateId);
    const version = await this.dataSource.getRepository(ApplicationVersion).findOneByOrFail({ applicationId: application.id, versionNo });
    const storageKey = await this.receipts.ensureRendered(application.id, versionNo);
    await this.notifier.notify({
      kind: 'submission_receipt',
      userIds: members,
      params: {
        ...this.identity(application),
        callTitle: version.content.call.title,
        receiptNumber: version.receiptNumber,
        submittedAt: version.submittedAt.toISOString(),
        versionNo,
        requestedAmount: version.content.budget.requested,
      },
      attachments: [{ storageKey, fileName: `potvrzeni-${application.number.replace(/[^A-Za-z0-9-]/g, '_')}-${versionNo}.pdf`, contentType: 'application/pdf' }],
      dedupeKey: event.id,
      sourceEventId: event.id,
    });
  }

  private async remedyRequested(event: OutboxEvent): Promise<void> {
    const { application, members } = await this.subject(event.aggregateId);
    const remedy = await this.dataSource.getRepository(RemedyRequest).findOneByOrFail({ id: String(event.payload.remedyId) });
    await this.notifier.notify({
      kind: 'remedy_requested',
      userIds: members,
      params: { ...this.identity(application), deadline: remedy.deadlineAt.toISOString(), items: remedy.items.map((i) => `${i.section}: ${i.message}`), note: '' },
      dedupeKey: event.id,
      sourceEventId: event.id,
    });
  }

  private async draftsDue(from: Date, until: Date) {
    const drafts = (await this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.call', 'c')
      .where(`a.status = 'draft' AND c.status = 'open' AND c.closesAt > :from AND c.closesAt <= :until`, { from, until })
      .getMany()) as (Application & { call: NonNullable<Application['call']> })[];
    const due = [];
    for (const application of drafts) {
      const [rules, organisation, attachments, members] = await Promise.all([
        this.store.callRules(this.dataSource.manager, application.callId),
        this.dataSource.getRepository(Organisation).findOneByOrFail({ id: application.organisationId }),
        this.dataSource.getRepository(ApplicationAttachment).findBy({ applicationId: application.id, removedAt: IsNull() }),
        this.members(application.organisationId),
      ]);
      due.push({
        subjectId: application.id,
        dueAt: application.call.closesAt!,
        userIds: members,
        params: {
          applicationId: application.id,
          applicationNumber: application.number,
          projectTitle: application.title ?? application.draft.project?.title ?? '',
          callTitle: application.call.title,
          applicationsUntil: application.call.closesAt!.toISOString(),
          missingCount: checkCompleteness(this.store.completenessContext(application, rules, organisation, attachments)).length,
        },
      });
    }
    return due;
  }

  private async remediesDue(from: Date, until: Date) {
    const remedies = await this.dataSource
      .getRepository(RemedyRequest)
      .createQueryBuilder('r')
      .where(`r.status = 'open' AND r.deadlineAt > :from AND r.deadlineAt <= :until`, { from, until })
      .getMany();
    const due = [];
    for (const remedy of remedies) {
      const { application, members } = await this.subject(remedy.applicationId);
      due.push({ subjectId: remedy.id, dueAt: remedy.deadlineAt, userIds: members, params: { ...this.identity(application), deadline: remedy.deadlineAt.toISOString() } });
    }
    return due;
  }

  private identity(application: Application) {
    return { applicationId: application.id, applicationNumber: application.number, projectTitle: application.title ?? application.draft.project?.title ?? '' };
  }

  private async subject(applicationId: string): Promise<{ application: Application; members: string[] }> {
    const application = await this.store.find(this.dataSource.manager, applicationId);
    return { application, members: await this.members(application.organisationId) };
  }

  private async members(organisationId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ user_id: string }[]>('SELECT user_id FROM organisation_member WHERE organisation_id = $1', [organisationId]);
    return rows.map((r) => r.user_id);
  }
}
