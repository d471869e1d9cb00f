/**
 * Call drafts save through the portal's one autosave mechanism (lib/autosave): edits go to IndexedDB first and
 * are sent as partial saves with the version read (PATCH /calls/{id}). The call names its version `version`,
 * the queue `draftVersion`; this adapter translates both the answer and a 409's current state.
 */
import { api, call } from '../../api/client';
import { ProblemError } from '../../api/errors';
import { whenOnline } from '../../lib/connection';
import { AutosaveQueue } from '../../lib/autosave/queue';
import type { SavedDraft, Sections } from '../../lib/autosave/queue';
import { indexedDbStorage } from '../../lib/autosave/use-autosave';
import type { StaffCall } from './types';

export type SavedCall = StaffCall & SavedDraft;

export const asSaved = (view: StaffCall): SavedCall => ({ ...view, draftVersion: view.version });

export async function saveCallSections(id: string, version: number, sections: Sections): Promise<SavedCall> {
  try {
    return asSaved(await call<StaffCall>(api.PATCH('/api/v1/calls/{id}', { params: { path: { id } }, body: { version, ...sections } as never })));
  } catch (error) {
    const current = error instanceof ProblemError ? (error.problem.current as StaffCall | undefined) : undefined;
    if (error instanceof ProblemError && error.status === 409 && current && typeof current.version === 'number') error.problem.current = asSaved(current);
    throw error;
  }
}

const queues = new Map<string, AutosaveQueue>();

export function callQueueFor(id: string): AutosaveQueue {
  let queue = queues.get(id);
  if (!queue) {
    queue = new AutosaveQueue({ key: `call:${id}`, storage: indexedDbStorage, send: (version, sections) => saveCallSections(id, version, sections), whenOnline });
    queues.set(id, queue);
  }
  return queue;
}
