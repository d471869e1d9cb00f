/**
 * The payments area's reads and writes (one place for the TanStack Query keys): the call's due tranches, the
 * payment orders with their filters, the pain.001 batches, the bank statement's lines and what a line could pay.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { ProblemError, toProblem } from '../../api/errors';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type DueTranche = Schemas['DueTrancheResponse'];
export type DuePage = Schemas['PageDueTrancheResponse'];
export type PaymentItem = Schemas['PaymentListItemResponse'];
export type PaymentPage = Schemas['PagePaymentListItemResponse'];
export type PaymentStatus = PaymentItem['status'];
export type PaymentBatch = Schemas['PaymentBatchResponse'];
export type StatementImport = Schemas['BankStatementImportResponse'];
export type StatementLine = Schemas['BankStatementLineResponse'];
export type StatementLinePage = Schemas['PageBankStatementLineResponse'];
export type Candidate = Schemas['StatementCandidateResponse'];
export type BulkOrders = Schemas['BulkPaymentOrdersResponse'];
export type BulkResult = Schemas['BulkResultResponse'];
export type PainVersion = PaymentBatch['format'];

export const PAYMENT_STATUSES: readonly PaymentStatus[] = ['ordered', 'held', 'approved', 'exported', 'paid', 'cancelled'];
export const PAIN_VERSIONS: readonly PainVersion[] = ['pain.001.001.03', 'pain.001.001.09'];

/** Every payments query starts with this key, so an action refreshes all of them at once. */
export const PAYMENTS_KEY = ['payments'] as const;

export function useDueTranches(callId: string, dueBy: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'due', callId, dueBy, page, pageSize],
    enabled: callId !== '',
    placeholderData: keepPreviousData,
    queryFn: () => call<DuePage>(api.GET('/api/v1/calls/{callId}/due-tranches', { params: { path: { callId }, query: { page, pageSize, ...(dueBy ? { dueBy } : {}) } } })),
  });
}

export interface PaymentFilter {
  status: PaymentStatus | '';
  callId: string;
  batchId: string;
  from: string;
  to: string;
}

const paymentQuery = (filter: PaymentFilter, page: number, pageSize: number) => ({
  page,
  pageSize,
  ...(filter.status ? { status: filter.status } : {}),
  ...(filter.callId ? { callId: filter.callId } : {}),
  ...(filter.batchId ? { batchId: filter.batchId } : {}),
  ...(filter.from ? { from: filter.from } : {}),
  ...(filter.to ? { to: filter.to } : {}),
});

export function usePayments(filter: PaymentFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'orders', filter, page, pageSize],
    placeholderData: keepPreviousData,
    queryFn: () => call<PaymentPage>(api.GET('/api/v1/payments', { params: { query: paymentQuery(filter, page, pageSize) } })),
  });
}

/** Every order matching the filter (for the CSV): pages of 200 one after another. */
export async function loadAllPayments(filter: PaymentFilter): Promise<PaymentItem[]> {
  const items: PaymentItem[] = [];
  for (let page = 1; ; page++) {
    const result = await call<PaymentPage>(api.GET('/api/v1/payments', { params: { query: paymentQuery(filter, page, 200) } }));
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

export function useBatches() {
  return useQuery({ queryKey: [...PAYMENTS_KEY, 'batches'], queryFn: () => call<PaymentBatch[]>(api.GET('/api/v1/payment-batches')) });
}

export function useStatementLines(status: StatementLine['status'] | '', statementId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'lines', status, statementId, page, pageSize],
    placeholderData: keepPreviousData,
    queryFn: () =>
      call<StatementLinePage>(
        api.GET('/api/v1/bank-statements/lines', {
          params: { query: { page, pageSize, ...(status ? { status } : {}), ...(statementId ? { statementId } : {}) } },
        }),
      ),
  });
}

export function useCandidates(lineId: string) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'candidates', lineId],
    queryFn: () => call<Candidate[]>(api.GET('/api/v1/bank-statements/lines/{id}/candidates', { params: { path: { id: lineId } } })),
  });
}

/** The file name a Content-Disposition header gives (RFC 6266: `filename*` in UTF-8 before `filename`), else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // a broken encoding: the plain name or the fallback
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** Whether the user may approve an order: only one waiting for approval, and never their own (four eyes). */
export function approvalOf(payment: Pick<PaymentItem, 'status' | 'orderedBy'>, userId: string | undefined): 'approvable' | 'own' | 'none' {
  if (payment.status !== 'ordered') return 'none';
  return payment.orderedBy === userId ? 'own' : 'approvable';
}

/** A file the API answers to a POST (the bank exports): the bytes, its name and the batch id header. */
export async function postForFile(pending: Promise<{ data?: unknown; error?: unknown; response: Response }>, fallbackName: string) {
  const result = await pending;
  if (!result.response.ok) throw new ProblemError(toProblem(result.response.status, result.error));
  return {
    blob: result.data as Blob,
    fileName: fileNameOf(result.response.headers.get('Content-Disposition'), fallbackName),
    batchId: result.response.headers.get('X-Payment-Batch-Id'),
  };
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
