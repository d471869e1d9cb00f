import { EntityManager } from 'typeorm';
import { addDays, pragueIsoDate } from '#core';
import { renderDecisionLetter, renderRejectionNotice } from '#documents';
import type { LetterCommonData } from '#documents';
import { PROVIDER } from './agreement.service.js';

/** What every letter to an applicant carries: reference, addressee, call, application, who handles it and who signs. */
export async function letterCommon(manager: EntityManager, applicationId: string, date: string, handlerUserId: string | null): Promise<LetterCommonData> {
  const [row] = await manager.query<
    {
      number: string;
      title: string | null;
      name: string;
      ico: string;
      seat_street: string;
      seat_postal_code: string;
      seat_city: string;
      code: string;
      call_title: string;
      display_name: string | null;
      email: string | null;
    }[]
  >(
    `SELECT a.number, a.title, o.name, o.ico, o.seat_street, o.seat_postal_code, o.seat_city, g.code, g.title AS call_title, u.display_name, u.email
       FROM application a JOIN organisation o ON o.id = a.organisation_id JOIN grant_call g ON g.id = a.call_id LEFT JOIN app_user u ON u.id = $2
      WHERE a.id = $1`,
    [applicationId, handlerUserId],
  );
  return {
    referenceNumber: `MHMP-NMC-${row.number}`,
    date,
    handledBy: { name: row.display_name ?? 'Oddělení národnostních menšin a cizinců', email: row.email ?? undefined },
    signatory: { ...PROVIDER.representedBy },
    addressee: { name: row.name, addressLines: [row.seat_street, `${row.seat_postal_code} ${row.seat_city}`], ico: row.ico },
    call: { code: row.code, title: row.call_title },
    application: { number: row.number, title: row.title ?? '' },
  };
}

/** What a decision letter is drawn from: the decision, its resolution and its application. */
export interface DecisionRow {
  outcome: 'approved' | 'rejected';
  amount: string;
  requested_amount: string;
  conditions: string[];
  reason: string | null;
  body: 'council' | 'assembly';
  resolution: string;
  adopted_on: string;
  recorded_by: string | null;
  application_id: string;
  number: string;
  title: string | null;
  organisation_id: string;
}

export const DECISION_ROW_SQL = `SELECT d.outcome, d.amount, d.requested_amount, d.conditions, d.reason, r.body, r.number AS resolution, r.adopted_on::text AS adopted_on, r.recorded_by,
        a.id AS application_id, a.number, a.title, a.organisation_id
   FROM award_decision d JOIN resolution r ON r.id = d.resolution_id JOIN application a ON a.id = d.application_id
  WHERE d.id = $1`;

/** Where the letter sent with a decision is kept (written by the worker when it sends the letter). */
export const decisionLetterKey = (decisionId: string) => `letters/${decisionId}.pdf`;

export function decisionLetterFileName(row: { outcome: string; number: string }): string {
  return `${row.outcome === 'approved' ? 'oznameni-o-poskytnuti' : 'oznameni-o-neposkytnuti'}-${row.number.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;
}

/** The decision letter (approval) or the rejection notice with its reason, in Czech, dated the day the decision was recorded. */
export async function renderDecisionLetterPdf(manager: EntityManager, decisionId: string, row: DecisionRow, decidedAt: Date) {
  const date = pragueIsoDate(decidedAt);
  const common = await letterCommon(manager, row.application_id, date, row.recorded_by);
  const resolution = { body: row.body === 'assembly' ? ('zastupitelstvo' as const) : ('rada' as const), number: row.resolution, date: row.adopted_on };
  const pdf =
    row.outcome === 'approved'
      ? await renderDecisionLetter({
          ...common,
          requestedAmount: row.requested_amount,
          approvedAmount: row.amount,
          resolution,
          conditions: row.conditions,
          agreement: { number: `SML-${row.number}`, signBy: addDays(date, 30) },
        })
      : await renderRejectionNotice({ ...common, requestedAmount: row.requested_amount, reason: row.reason ?? '', resolution });
  return { pdf, fileName: decisionLetterFileName(row), storageKey: decisionLetterKey(decisionId) };
}
