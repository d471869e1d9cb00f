import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Notifier } from '#notifications';
import { OutboxHandlers } from '#outbox';
import { Organisation, OrganisationJoinRequest, OrganisationVerification } from './entities.js';

/** Who hears about who may act for an organisation: its owners of the verification and of join requests, the person asking of the answer. */
@Injectable()
export class OrganisationNotifications implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: OutboxHandlers,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.handlers.register('organisation.verification_decided', async (event) => {
      const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ id: event.aggregateId });
      const verification = await this.dataSource.getRepository(OrganisationVerification).findOneBy({ organisationId: event.aggregateId });
      const status = String(event.payload.status);
      if (!organisation || !verification || (status !== 'verified' && status !== 'rejected')) return;
      await this.notifier.notify({
        kind: 'organisation_verification_decided',
        userIds: await this.owners(organisation.id),
        params: {
          organisationId: organisation.id,
          organisationName: organisation.name,
          ico: organisation.ico,
          status,
          reason: status === 'rejected' ? (verification.reason ?? '') : '',
        },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
    this.handlers.register('organisation.join_requested', async (event) => {
      const request = await this.request(String(event.payload.requestId));
      if (!request) return;
      await this.notifier.notify({
        kind: 'organisation_join_requested',
        userIds: await this.owners(request.organisationId),
        params: {
          organisationId: request.organisationId,
          organisationName: request.organisationName,
          requesterName: request.displayName,
          requesterEmail: request.email,
          message: request.message ?? '',
        },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
    this.handlers.register('organisation.join_decided', async (event) => {
      const request = await this.request(String(event.payload.requestId));
      if (!request || request.status === 'pending') return;
      await this.notifier.notify({
        kind: 'organisation_join_decided',
        userIds: [request.userId],
        params: { organisationId: request.organisationId, organisationName: request.organisationName, approved: request.status === 'approved', reason: request.reason ?? '' },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
  }

  private async owners(organisationId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ user_id: string }[]>(`SELECT user_id FROM organisation_member WHERE organisation_id = $1 AND role = 'owner'`, [organisationId]);
    return rows.map((r) => r.user_id);
  }

  private async request(id: string) {
    const [row] = await this.dataSource.query<
      (Pick<OrganisationJoinRequest, 'organisationId' | 'userId' | 'status' | 'message' | 'reason'> & { organisationName: string; email: string; displayName: string })[]
    >(
      `SELECT r.organisation_id AS "organisationId", r.user_id AS "userId", r.status, r.message, r.reason, o.name AS "organisationName", u.email, u.display_name AS "displayName"
         FROM organisation_join_request r JOIN organisation o ON o.id = r.organisation_id JOIN app_user u ON u.id = r.user_id WHERE r.id = $1`,
      [id],
    );
    return row;
  }
}
