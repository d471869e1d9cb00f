import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '#access';
import type { Actor } from '#core';

export interface RemedyDue {
  applicationId: string;
  applicationNumber: string;
  title: string;
  organisationName: string;
  deadlineAt: string;
}

export interface SettlementDue {
  agreementId: string;
  agreementNumber: string;
  applicationId: string;
  applicationNumber: string;
  title: string;
  organisationName: string;
  /** The agreement's settlement deadline (a calendar date). */
  deadline: string;
}

export interface SignatureDue {
  agreementId: string;
  agreementNumber: string;
  /** Null for the agreement itself, the number of the amendment (dodatek) otherwise. */
  amendmentNumber: number | null;
  applicationId: string;
  applicationNumber: string;
  title: string;
  organisationName: string;
  sentAt: string;
}

export interface ApplicantActions {
  remedies: RemedyDue[];
  signatures: SignatureDue[];
  settlements: SettlementDue[];
}

/**
 * "What needs my action" for the signed-in user, over the organisations they belong to: open remedy
 * requests of their applications, agreements sent to them for signature that they have not signed yet,
 * and agreements in effect whose settlement has not been submitted yet.
 * One small read for the portal's dashboard and the header's count.
 */
@Injectable()
export class ApplicantActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async forActor(actor: Actor): Promise<ApplicantActions> {
    const organisationIds = [...(await this.access.memberships(actor)).keys()];
    if (organisationIds.length === 0) return { remedies: [], signatures: [], settlements: [] };
    const remedies = await this.dataSource.query<(Omit<RemedyDue, 'deadlineAt'> & { deadlineAt: Date })[]>(
      `SELECT a.id AS "applicationId", a.number AS "applicationNumber", coalesce(a.title, c.title) AS title, o.name AS "organisationName",
              r.deadline_at AS "deadlineAt"
         FROM remedy_request r
         JOIN application a ON a.id = r.application_id
         JOIN grant_call c ON c.id = a.call_id
         JOIN organisation o ON o.id = a.organisation_id
        WHERE r.status = 'open' AND a.status = 'remedy_requested' AND a.organisation_id = ANY($1::uuid[])
        ORDER BY r.deadline_at, a.number`,
      [organisationIds],
    );
    const settlements = await this.dataSource.query<SettlementDue[]>(
      `SELECT g.id AS "agreementId", g.number AS "agreementNumber", a.id AS "applicationId", a.number AS "applicationNumber",
              coalesce(a.title, c.title) AS title, o.name AS "organisationName", to_char(g.settlement_deadline, 'YYYY-MM-DD') AS deadline
         FROM agreement g
         JOIN application a ON a.id = g.application_id
         JOIN grant_call c ON c.id = a.call_id
         JOIN organisation o ON o.id = a.organisation_id
        WHERE g.status = 'effective' AND a.organisation_id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM settlement s WHERE s.agreement_id = g.id)
        ORDER BY g.settlement_deadline, g.number`,
      [organisationIds],
    );
    // Sent for signature and not yet signed by the recipient in the portal (nor concluded on paper): agreements and amendments.
    const signatures = await this.dataSource.query<(Omit<SignatureDue, 'sentAt'> & { sentAt: Date })[]>(
      `SELECT * FROM (
         SELECT g.id AS "agreementId", g.number AS "agreementNumber", NULL::int AS "amendmentNumber", a.id AS "applicationId", a.number AS "applicationNumber",
                coalesce(a.title, c.title) AS title, o.name AS "organisationName", g.updated_at AS "sentAt"
           FROM agreement g
           JOIN application a ON a.id = g.application_id
           JOIN grant_call c ON c.id = a.call_id
           JOIN organisation o ON o.id = a.organisation_id
          WHERE g.status = 'awaiting_signature' AND g.recipient_signed_at IS NULL AND a.organisation_id = ANY($1::uuid[])
         UNION ALL
         SELECT g.id, g.number, m.number, a.id, a.number, coalesce(a.title, c.title), o.name, m.created_at
           FROM agreement_amendment m
           JOIN agreement g ON g.id = m.agreement_id
           JOIN application a ON a.id = g.application_id
           JOIN grant_call c ON c.id = a.call_id
           JOIN organisation o ON o.id = a.organisation_id
          WHERE m.status = 'awaiting_signature' AND m.recipient_signed_at IS NULL AND a.organisation_id = ANY($1::uuid[])
       ) due
       ORDER BY "sentAt", "agreementNumber", "amendmentNumber" NULLS FIRST`,
      [organisationIds],
    );
    return {
      remedies: remedies.map((r) => ({ ...r, deadlineAt: new Date(r.deadlineAt).toISOString() })),
      signatures: signatures.map((s) => ({ ...s, sentAt: new Date(s.sentAt).toISOString() })),
      settlements,
    };
  }
}
