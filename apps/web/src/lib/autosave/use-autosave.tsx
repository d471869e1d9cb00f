/**
 * The autosave hook every application part uses: `const save = useAutosave(application)`, then
 * `save.edit({ budgetLines })` on every change. It shows "Uloženo v 14:32" politely (aria-live), warns before
 * leaving with unsent edits and shows the foundation's conflict notice on a 409.
 */
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { createStore, del, get, set } from 'idb-keyval';
import { api, call, onTokenChange } from '../../api/client';
import { whenOnline } from '../connection';
import { useFormat } from '../use-format';
import { AutosaveQueue } from './queue';
import type { AutosaveState, AutosaveStorage, PendingEdits, SavedDraft, Sections } from './queue';

let store: ReturnType<typeof createStore> | null = null;
/** Unsent edits live in IndexedDB database "grants-autosave", one entry per draft. */
export const indexedDbStorage: AutosaveStorage = {
  get: (key) => get<PendingEdits>(key, (store ??= createStore('grants-autosave', 'pending'))),
  set: (key, value) => set(key, value, (store ??= createStore('grants-autosave', 'pending'))),
  del: (key) => del(key, (store ??= createStore('grants-autosave', 'pending'))),
};

function whenSignedIn(): Promise<void> {
  return new Promise((resolve) => {
    const stop = onTokenChange((token) => {
      if (token) {
        stop();
        resolve();
      }
    });
  });
}

export function saveDraftSections<T extends SavedDraft>(applicationId: string, version: number, sections: Sections): Promise<T> {
  return call<T>(api.PATCH('/api/v1/applications/{id}', { params: { path: { id: applicationId } }, body: { version, ...sections } as never }));
}

const queues = new Map<string, AutosaveQueue>();

/** One queue per draft for the whole tab, so moving between parts keeps the edits' order. */
export function autosaveQueueFor(applicationId: string, storage: AutosaveStorage = indexedDbStorage): AutosaveQueue {
  let queue = queues.get(applicationId);
  if (!queue) {
    queue = new AutosaveQueue({
      key: `application:${applicationId}`,
      storage,
      send: (version, sections) => saveDraftSections(applicationId, version, sections),
      whenOnline,
      whenSignedIn,
    });
    queues.set(applicationId, queue);
  }
  return queue;
}

export function useAutosaveState(queue: AutosaveQueue): AutosaveState {
  return useSyncExternalStore(
    (listener) => queue.subscribe(listener),
    () => queue.getState(),
  );
}

/** Warns before the tab closes while edits are unsent (they are kept in IndexedDB either way). */
export function useLeaveWarning(queue: AutosaveQueue): void {
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!queue.hasUnsaved()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [queue]);
}

/** "Uloženo v 14:32" / "Ukládá se…" / "Bez připojení – změny jsou uložené v prohlížeči", announced politely. */
export function AutosaveStatus({ state }: { state: AutosaveState }) {
  const f = useFormat();
  let message: ReactNode = null;
  if (state.kind === 'idle' && state.savedAt) message = <FormattedMessage id="applicant.autosave.saved" values={{ time: f.time(state.savedAt) }} />;
  else if (state.kind === 'saving' || state.kind === 'pending') message = <FormattedMessage id="applicant.autosave.saving" />;
  else if (state.kind === 'offline') message = <FormattedMessage id="applicant.autosave.offline" />;
  else if (state.kind === 'signedOut') message = <FormattedMessage id="applicant.autosave.signedOut" />;
  else if (state.kind === 'failed') message = state.error.message;
  return (
    <p className="autosave-status" role="status" aria-live="polite">
      {message}
    </p>
  );
}

interface DraftContextValue {
  queue: AutosaveQueue;
  state: AutosaveState;
}

const DraftContext = createContext<DraftContextValue | null>(null);

export function AutosaveProvider({ queue, children }: { queue: AutosaveQueue; children: ReactNode }) {
  const state = useAutosaveState(queue);
  useLeaveWarning(queue);
  const value = useMemo(() => ({ queue, state }), [queue, state]);
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>;
}

export function useAutosave(): DraftContextValue {
  const value = useContext(DraftContext);
  if (!value) throw new Error('useAutosave outside AutosaveProvider');
  return value;
}

/** Restores unsent edits of a previous visit once; returns them (or null) when done. */
export function useRestoredEdits(queue: AutosaveQueue): { ready: boolean; restored: PendingEdits | null } {
  const [result, setResult] = useState<{ ready: boolean; restored: PendingEdits | null }>({ ready: false, restored: null });
  useEffect(() => {
    let live = true;
    queue.restore().then(
      (restored) => live && setResult({ ready: true, restored }),
      () => live && setResult({ ready: true, restored: null }),
    );
    return () => {
      live = false;
    };
  }, [queue]);
  return result;
}
