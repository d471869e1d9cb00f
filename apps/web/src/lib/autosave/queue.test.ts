import { describe, expect, it, vi } from 'vitest';
import { NetworkError, ProblemError } from '../../api/errors';
import { AutosaveQueue } from './queue';
import type { AutosaveStorage, PendingEdits, SavedDraft, Sections } from './queue';

function memoryStorage(): AutosaveStorage & { data: Map<string, PendingEdits> } {
  const data = new Map<string, PendingEdits>();
  return {
    data,
    get: async (key) => data.get(key),
    set: async (key, value) => void data.set(key, structuredClone(value)),
    del: async (key) => void data.delete(key),
  };
}

/** A fake server holding one draft with optimistic versions, and a switchable connection. */
function fakeServer() {
  const server = { version: 1, draft: {} as Sections, online: true, sent: [] as { version: number; sections: Sections }[], reconnect: () => undefined as void };
  let waiting: (() => void)[] = [];
  return {
    server,
    send: async (version: number, sections: Sections): Promise<SavedDraft> => {
      if (!server.online) throw new NetworkError(new TypeError('Failed to fetch'));
      server.sent.push({ version, sections });
      if (version !== server.version) {
        throw new ProblemError({ status: 409, code: 'STALE_VERSION', current: { draftVersion: server.version, draft: server.draft } });
      }
      server.draft = { ...server.draft, ...sections };
      server.version += 1;
      return { draftVersion: server.version, draft: server.draft };
    },
    whenOnline: () => (server.online ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    goOnline: () => {
      server.online = true;
      const resolvers = waiting;
      waiting = [];
      resolvers.forEach((resolve) => resolve());
    },
  };
}

function queueWith(storage: AutosaveStorage, fake: ReturnType<typeof fakeServer>) {
  return new AutosaveQueue({ key: 'application:1', storage, send: fake.send, whenOnline: fake.whenOnline, debounceMs: 1_000_000, retryBaseMs: 0 });
}

describe('autosave queue', () => {
  it('keeps every edit in storage before sending, and sends the merged sections with the draft version', async () => {
    const storage = memoryStorage();
    const fake = fakeServer();
    const queue = queueWith(storage, fake);
    await queue.edit(1, { project: { title: 'A' } });
    await queue.edit(1, { project: { title: 'AB' }, purpose: 'P' });
    expect(storage.data.get('application:1')?.sections).toEqual({ project: { title: 'AB' }, purpose: 'P' });
    expect(queue.hasUnsaved()).toBe(true);

    await queue.flush();
    expect(fake.server.sent).toEqual([{ version: 1, sections: { project: { title: 'AB' }, purpose: 'P' } }]);
    expect(storage.data.has('application:1')).toBe(false);
    expect(queue.getState()).toMatchObject({ kind: 'idle' });
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('offline: keeps the edits, then sends them in order with the right versions when the connection returns', async () => {
    const storage = memoryStorage();
    const fake = fakeServer();
    const queue = queueWith(storage, fake);
    const states: string[] = [];
    queue.subscribe((state) => states.push(state.kind));
    fake.server.online = false;

    await queue.edit(1, { purpose: 'first' });
    const flushing = queue.flush();
    await vi.waitFor(() => expect(queue.getState().kind).toBe('offline'));
    await queue.edit(1, { justification: 'second' });
    expect(storage.data.get('application:1')?.sections).toEqual({ purpose: 'first', justification: 'second' });

    fake.goOnline();
    await flushing;
    await queue.flush();
    expect(fake.server.draft).toEqual({ purpose: 'first', justification: 'second' });
    expect(fake.server.version).toBeGreaterThan(1);
    expect(fake.server.sent.every((sent, i) => i === 0 || sent.version > fake.server.sent[i - 1].version)).toBe(true);
    expect(storage.data.has('application:1')).toBe(false);
    expect(states).toContain('offline');
    expect(queue.getState()).toMatchObject({ kind: 'idle' });
  });

  it('a reload restores edits that were never sent, and sends them', async () => {
    const storage = memoryStorage();
    const fake = fakeServer();
    fake.server.online = false;
    const before = queueWith(storage, fake);
    await before.edit(1, { purpose: 'typed before the reload' });
    before.dispose();

    fake.server.online = true;
    const after = queueWith(storage, fake);
    const restored = await after.restore();
    expect(restored?.sections).toEqual({ purpose: 'typed before the reload' });
    await after.flush();
    expect(fake.server.draft).toEqual({ purpose: 'typed before the reload' });
  });

  it('a 409 stops the queue with both versions; nothing is overwritten until the user chooses', async () => {
    const storage = memoryStorage();
    const fake = fakeServer();
    fake.server.version = 3; // another tab saved twice meanwhile
    fake.server.draft = { purpose: 'theirs' };
    const queue = queueWith(storage, fake);
    await queue.edit(1, { purpose: 'mine' });
    await queue.flush();

    const state = queue.getState();
    expect(state).toMatchObject({ kind: 'conflict', mine: { purpose: 'mine' }, theirs: { draftVersion: 3, draft: { purpose: 'theirs' } } });
    expect(fake.server.draft).toEqual({ purpose: 'theirs' });
    expect(storage.data.get('application:1')?.sections).toEqual({ purpose: 'mine' });

    if (state.kind !== 'conflict') throw new Error('expected a conflict');
    await queue.keepMine(state.theirs);
    expect(fake.server.draft).toEqual({ purpose: 'mine' });
    expect(fake.server.version).toBe(4);
    expect(storage.data.has('application:1')).toBe(false);
  });

  it('taking theirs drops my unsent edits and reports their draft', async () => {
    const storage = memoryStorage();
    const fake = fakeServer();
    fake.server.version = 2;
    fake.server.draft = { purpose: 'theirs' };
    const queue = queueWith(storage, fake);
    const saved: SavedDraft[] = [];
    queue.onSaved((draft) => saved.push(draft));
    await queue.edit(1, { purpose: 'mine' });
    await queue.flush();
    const state = queue.getState();
    if (state.kind !== 'conflict') throw new Error('expected a conflict');
    await queue.takeTheirs(state.theirs);
    expect(saved).toEqual([{ draftVersion: 2, draft: { purpose: 'theirs' } }]);
    expect(storage.data.has('application:1')).toBe(false);
    expect(fake.server.draft).toEqual({ purpose: 'theirs' });
  });

  it('bases an edit made while a save is being recorded on the version that save returned, not the one the page still holds', async () => {
    const storage = memoryStorage();
    const fake = fakeServer();
    // The browser's storage is slow: the save has come back, the queue is still writing that nothing is pending.
    let releaseWrite: (() => void) | null = null;
    const slow: AutosaveStorage = {
      ...storage,
      // Only the first removal is slow.
      del: (key) => (releaseWrite ? storage.del(key) : new Promise<void>((resolve) => (releaseWrite = () => void storage.del(key).then(resolve)))),
    };
    const queue = queueWith(slow, fake);
    await queue.edit(1, { purpose: 'A' });
    const flushing = queue.flush();
    await vi.waitFor(() => expect(releaseWrite).not.toBeNull());
    // The page has not been told of version 2 yet and edits with the version it knows.
    const editing = queue.edit(1, { purpose: 'AB' });
    releaseWrite!();
    await flushing;
    await editing;
    await queue.flush();
    // The edit went out in the same run, on version 2: no conflict with itself.
    expect(fake.server.sent.map((s) => s.version)).toEqual([1, 2]);
    expect(queue.getState()).toMatchObject({ kind: 'idle' });
  });
});
