/**
 * The settlement's API for the portal: the recipient's draft (saved by the portal's one autosave queue, with
 * `draftVersion`), its submission, the staff list, the check, returns, and the breaches of an agreement.
 */
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { whenOnline } from '../../lib/connection';
import { AutosaveQueue } from '../../lib/autosave/queue';
import type { AutosaveStorage, Sections } from '../../lib/autosave/queue';
import { indexedDbStorage } from '../../lib/autosave/use-autosave';

export type SettlementDraft = components['schemas']['SettlementDraftResponse'];
export type DraftDocument = components['schemas']['SettlementDraftDocumentResponse'];
export type OutputOption = components['schemas']['SettlementOutputOptionResponse'];
export type Settlement = components['schemas']['SettlementResponse'];
export type SettlementListItem = components['schemas']['SettlementListItemResponse'];
export type Breach = components['schemas']['BreachResponse'];
export type Agreement = components['schemas']['AgreementResponse'];

export const draftKey = (agreementId: string) => ['settlement-draft', agreementId] as const;
export const settlementKey = (settlementId: string) => ['settlement', settlementId] as const;
export const breachesKey = (agreementId: string) => ['breaches', agreementId] as const;

export function useSettlementDraft(agreementId: string) {
  return useQuery({
    queryKey: draftKey(agreementId),
    queryFn: () => call<SettlementDraft>(api.GET('/api/v1/agreements/{id}/settlement-draft', { params: { path: { id: agreementId } } })),
  });
}

export function useSettlement(settlementId: string | null | undefined) {
  return useQuery({
    queryKey: settlementKey(settlementId ?? ''),
    queryFn: () => call<Settlement>(api.GET('/api/v1/settlements/{id}', { params: { path: { id: settlementId! } } })),
    enabled: !!settlementId,
  });
}

export function useBreaches(agreementId: string) {
  return useQuery({
    queryKey: breachesKey(agreementId),
    queryFn: () => call<Breach[]>(api.GET('/api/v1/agreements/{id}/breaches', { params: { path: { id: agreementId } } })),
  });
}

export function useAgreement(agreementId: string) {
  return useQuery({
    queryKey: ['agreement', agreementId],
    queryFn: () => call<Agreement>(api.GET('/api/v1/agreements/{id}', { params: { path: { id: agreementId } } })),
  });
}

const queues = new Map<string, AutosaveQueue>();

/** One autosave queue per settlement draft for the whole tab (the same mechanism as the application's). */
export function settlementQueueFor(agreementId: string, storage: AutosaveStorage = indexedDbStorage): AutosaveQueue {
  let queue = queues.get(agreementId);
  if (!queue) {
    queue = new AutosaveQueue({
      key: `settlement:${agreementId}`,
      storage,
      send: (version: number, sections: Sections) =>
        call<SettlementDraft>(api.PATCH('/api/v1/agreements/{id}/settlement-draft', { params: { path: { id: agreementId } }, body: { version, ...sections } as never })),
      whenOnline,
    });
    queues.set(agreementId, queue);
  }
  return queue;
}
