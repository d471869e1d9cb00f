/**
 * The portal's ONE autosave mechanism. Every edit is first written to IndexedDB (so a reload, a crash or an
 * expired session loses nothing), then sent after a short pause as a partial save with the draft version read.
 * Offline (NetworkError) the queue waits for the connection and sends the edits in the order they were made;
 * a 409 stops the queue and shows both versions — the user decides, nothing is overwritten silently.
 */
import { NetworkError, ProblemError } from '../../api/errors';

export type Sections = Record<string, unknown>;

/** What is kept per draft in the browser until the server has it. */
export interface PendingEdits {
  key: string;
  /** The draft version the edits are based on. */
  version: number;
  /** Sections changed since the last successful save (a later edit of a section replaces the earlier one). */
  sections: Sections;
  /** Increases with every edit, so a save that raced a newer edit does not drop it. */
  seq: number;
}

export interface SavedDraft {
  draftVersion: number;
  [field: string]: unknown;
}

export interface AutosaveStorage {
  get(key: string): Promise<PendingEdits | undefined>;
  set(key: string, value: PendingEdits): Promise<void>;
  del(key: string): Promise<void>;
}

export type AutosaveState =
  | { kind: 'idle'; savedAt: Date | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'offline' }
  | { kind: 'signedOut' }
  | { kind: 'conflict'; mine: Sections; theirs: SavedDraft }
  | { kind: 'failed'; error: ProblemError };

export interface AutosaveOptions {
  key: string;
  storage: AutosaveStorage;
  /** Sends the sections with the version; resolves to the saved draft (with its new version). */
  send(version: number, sections: Sections): Promise<SavedDraft>;
  /** Resolves when it is worth trying again after a NetworkError (the browser is online). */
  whenOnline(): Promise<void>;
  /** Resolves when the user is signed in again after a 401. */
  whenSignedIn?(): Promise<void>;
  debounceMs?: number;
  /** After a failed attempt while the browser says it is online (server unreachable): wait this × 2^failures, at most 30 s. */
  retryBaseMs?: number;
  now?(): Date;
}

export class AutosaveQueue {
  private pending: PendingEdits | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private state: AutosaveState = { kind: 'idle', savedAt: null };
  private readonly listeners = new Set<(state: AutosaveState) => void>();
  private readonly savedListeners = new Set<(saved: SavedDraft) => void>();
  private writes: Promise<void> = Promise.resolve();
  /** The version the server answered last: an edit made before the page hears of a save must not reuse an older one. */
  private savedVersion: number | null = null;

  constructor(private readonly options: AutosaveOptions) {}

  /** Loads edits a previous visit left unsent; returns them so the form can show them at once. */
  async restore(): Promise<PendingEdits | null> {
    const stored = await this.options.storage.get(this.options.key);
    if (!stored || Object.keys(stored.sections).length === 0) return null;
    this.pending = stored;
    this.setState({ kind: 'pending' });
    this.schedule(0);
    return stored;
  }

  getState(): AutosaveState {
    return this.state;
  }

  subscribe(listener: (state: AutosaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with the server's draft after every save (and with theirs when the user takes theirs). */
  onSaved(listener: (saved: SavedDraft) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  /** True while something typed is not yet on the server. */
  hasUnsaved(): boolean {
    return this.pending !== null && Object.keys(this.pending.sections).length > 0;
  }

  /** Records an edit of one or more sections based on `version`; kept in IndexedDB before anything else. */
  edit(version: number, sections: Sections): Promise<void> {
    const base = this.pending ?? { key: this.options.key, version: Math.max(version, this.savedVersion ?? version), sections: {}, seq: 0 };
    this.pending = { ...base, sections: { ...base.sections, ...sections }, seq: base.seq + 1 };
    if (this.state.kind !== 'conflict' && this.state.kind !== 'offline' && this.state.kind !== 'signedOut') this.setState({ kind: 'pending' });
    const written = this.persist();
    if (this.state.kind !== 'conflict') this.schedule(this.options.debounceMs ?? 800);
    return written;
  }

  /** Sends now (e.g. before leaving a page); resolves when the queue is empty or stopped. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** After a 409: send my edits again on top of the server's version. */
  keepMine(theirs: SavedDraft): Promise<void> {
    if (this.pending) this.pending = { ...this.pending, version: theirs.draftVersion };
    this.setState({ kind: 'pending' });
    return this.persist().then(() => this.flush());
  }

  /** After a 409: drop my unsent edits and take the server's version. */
  async takeTheirs(theirs: SavedDraft): Promise<void> {
    this.pending = null;
    this.savedVersion = theirs.draftVersion;
    await this.chain(() => this.options.storage.del(this.options.key));
    for (const listener of this.savedListeners) listener(theirs);
    this.setState({ kind: 'idle', savedAt: null });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
    this.savedListeners.clear();
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private async run(): Promise<void> {
    await this.writes;
    let failures = 0;
    while (this.pending && Object.keys(this.pending.sections).length > 0) {
      const sent = this.pending;
      this.setState({ kind: 'saving' });
      let saved: SavedDraft;
      try {
        saved = await this.options.send(sent.version, sent.sections);
      } catch (error) {
        if (error instanceof NetworkError) {
          this.setState({ kind: 'offline' });
          await this.options.whenOnline();
          const wait = Math.min(30_000, (this.options.retryBaseMs ?? 500) * 2 ** Math.min(failures++, 6));
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
        if (error instanceof ProblemError && error.status === 401) {
          this.setState({ kind: 'signedOut' });
          if (!this.options.whenSignedIn) return;
          await this.options.whenSignedIn();
          continue;
        }
        if (error instanceof ProblemError && error.status === 409 && isDraft(error.problem.current)) {
          this.setState({ kind: 'conflict', mine: sent.sections, theirs: error.problem.current });
          return;
        }
        this.setState({ kind: 'failed', error: error as ProblemError });
        return;
      }
      this.savedVersion = saved.draftVersion;
      // Edits made while this save travelled stay queued, on top of the new version.
      const current = this.pending ?? sent;
      const left: Sections = {};
      for (const [section, value] of Object.entries(current.sections)) {
        if (current.seq !== sent.seq && sent.sections[section] !== value) left[section] = value;
      }
      this.pending = Object.keys(left).length > 0 ? { ...current, version: saved.draftVersion, sections: left } : null;
      await this.persist();
      for (const listener of this.savedListeners) listener(saved);
      this.setState(this.pending ? { kind: 'pending' } : { kind: 'idle', savedAt: this.options.now?.() ?? new Date() });
    }
  }

  private persist(): Promise<void> {
    const snapshot = this.pending;
    return this.chain(() => (snapshot ? this.options.storage.set(this.options.key, snapshot) : this.options.storage.del(this.options.key)));
  }

  /** IndexedDB writes happen one after another, in the order of the edits. */
  private chain(write: () => Promise<void>): Promise<void> {
    this.writes = this.writes.then(write, write);
    return this.writes;
  }

  private setState(state: AutosaveState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

function isDraft(value: unknown): value is SavedDraft {
  return typeof value === 'object' && value !== null && typeof (value as SavedDraft).draftVersion === 'number';
}
