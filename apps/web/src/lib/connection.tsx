/**
 * A lost connection never discards input. Forms keep their state in React (and 15B's autosave queue keeps
 * unsent edits in IndexedDB); this module only tells everyone whether the browser is online, and the
 * banner says that nothing typed is lost.
 */
import { useSyncExternalStore } from 'react';
import { FormattedMessage } from 'react-intl';

function subscribe(callback: () => void): () => void {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/** Resolves when the browser is online again (at once if it is). */
export function whenOnline(): Promise<void> {
  if (navigator.onLine) return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true }));
}

export function ConnectionBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <div className="banner banner--error" role="status">
      <div className="container">
        <FormattedMessage id="common.offline" />
      </div>
    </div>
  );
}
