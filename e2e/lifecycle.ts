/**
 * The later stages of a call's life, arranged through the API as staff would do them, so that a journey can
 * start where its own part begins: a Council resolution, an effective agreement, a paid tranche. Builds on
 * `prepareCallInEvaluation` (e2e/commission-helpers.ts); the browser then does the part the journey is about.
 */
import type { APIResponse } from '@playwright/test';
import { ApiActor, prepareCallInEvaluation } from './commission-helpers.js';
import type { Person, PreparedCall } from './commission-helpers.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const WITHOUT_COMMISSION = 'Komise v tomto průchodu nezasedala; rozhoduje se bez jejího doporučení.';

async function ok<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

const today = () => new Date().toISOString().slice(0, 10);

/** One decision of a resolution: approved with `amount`, or rejected when it is null. */
export interface DecisionInput {
  applicationId: string;
  amount: string | null;
}

/** Records a Council resolution (without a commission session) deciding these applications; the decision ids by application. */
export async function recordResolution(
  api: ApiActor,
  staff: Person,
  callId: string,
  decisions: DecisionInput[],
  number = `USN RHMP ${Date.now() % 100_000}/2023`,
): Promise<Map<string, string>> {
  const result = await ok<{ decisions: { id: string; applicationId: string }[] }>(
    await api.http.post(`/api/v1/calls/${callId}/resolutions`, {
      headers: await api.as(staff.email),
      data: {
        body: 'council',
        number,
        adoptedOn: today(),
        text: 'Rada hl. m. Prahy rozhoduje o poskytnutí dotací v oblasti integrace cizinců.',
        withoutCommissionReason: WITHOUT_COMMISSION,
        decisions: decisions.map((d) =>
          d.amount
            ? { applicationId: d.applicationId, outcome: 'approved', amount: d.amount }
            : { applicationId: d.applicationId, outcome: 'rejected', reason: 'Projekt nedosáhl potřebného počtu bodů.' },
        ),
      },
    }),
    'resolution',
  );
  return new Map(result.decisions.map((d) => [d.applicationId, d.id]));
}

/** A call in evaluation whose applications the Council approved (`amount` each, 150 000 Kč unless given). */
export async function prepareDecidedCall(
  api: ApiActor,
  suffix: string,
  options: Parameters<typeof prepareCallInEvaluation>[2] & { amount?: string } = {},
): Promise<PreparedCall & { decisionIds: Map<string, string> }> {
  const prepared = await prepareCallInEvaluation(api, suffix, options);
  const decisionIds = await recordResolution(
    api,
    prepared.staff,
    prepared.callId,
    prepared.applications.map((a) => ({ applicationId: a.id, amount: options.amount ?? '150000.00' })),
  );
  return { ...prepared, decisionIds };
}

/** An agreement for the application's approval with these tranches, sent, signed and (over the register threshold) published. */
export async function effectiveAgreement(api: ApiActor, staff: Person, applicationId: string, tranches: string[]): Promise<string> {
  const headers = await api.as(staff.email);
  const created = await ok<{ id: string; version: number }>(
    await api.http.post(`/api/v1/applications/${applicationId}/agreement`, {
      headers,
      data: {
        purpose: 'Integrační aktivity podle schválené žádosti.',
        purposeFrom: '2023-01-01',
        purposeTo: '2023-12-31',
        settlementDeadline: '2099-01-31',
        conditions: [],
        tranches: tranches.map((amount, i) => ({ amount, dueDate: `2023-0${i + 4}-30` })),
      },
    }),
    'agreement',
  );
  const sent = await ok<{ version: number }>(await api.http.post(`/api/v1/agreements/${created.id}/send`, { headers, data: { version: created.version } }), 'sending');
  const signed = await ok<{ version: number; status: string }>(
    await api.http.post(`/api/v1/agreements/${created.id}/signature`, {
      headers,
      multipart: {
        version: String(sent.version),
        signedOn: today(),
        signatories: 'Jana Nováková (předsedkyně spolku); referent MHMP',
        file: { name: 'smlouva-podepsana.pdf', mimeType: 'application/pdf', buffer: PDF },
      },
    }),
    'signature',
  );
  if (signed.status === 'signed') {
    await ok(
      await api.http.post(`/api/v1/agreements/${created.id}/publication`, {
        headers,
        data: { version: signed.version, publishedOn: today(), registerId: `R-${Math.random().toString(36).slice(2, 10)}` },
      }),
      'publication',
    );
  }
  return created.id;
}

/** Orders a tranche (by `orderedBy`), approves it (by `approvedBy`, the four-eyes rule), exports and confirms it as paid. */
export async function payTranche(api: ApiActor, orderedBy: Person, approvedBy: Person, agreementId: string, trancheNo: number, amount: string): Promise<string> {
  const order = await ok<{ id: string; version: number }>(
    await api.http.post(`/api/v1/agreements/${agreementId}/payments`, { headers: await api.as(orderedBy.email), data: { trancheNo, amount } }),
    'payment order',
  );
  const approver = await api.as(approvedBy.email);
  const approved = await ok<{ version: number }>(await api.http.post(`/api/v1/payments/${order.id}/approve`, { headers: approver, data: { version: order.version } }), 'approval');
  const exported = await api.http.post('/api/v1/payments/bank-export', { headers: approver });
  if (!exported.ok()) throw new Error(`bank export: ${exported.status()} ${await exported.text()}`);
  await ok(
    await api.http.post(`/api/v1/payments/${order.id}/confirmation`, {
      headers: approver,
      data: { bankReference: `B-${order.id.slice(0, 8)}`, paidOn: today(), version: approved.version + 1 },
    }),
    'confirmation',
  );
  return order.id;
}

export { ApiActor };
