/**
 * Everything an application's pages share: the application and its call loaded once (TanStack Query), the
 * working copy of the draft (the server's draft plus any unsent edits restored from IndexedDB), `edit()` that
 * updates it and queues the save, which sections may be edited now, the autosave status and the conflict
 * notice. Each part page renders inside <ApplicationFrame>.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { ConflictNotice, changedFields } from '../../components/conflict';
import { QueryState } from '../../components/query-state';
import { useLanguage } from '../../i18n';
import { AutosaveProvider, AutosaveStatus, autosaveQueueFor, useAutosave, useRestoredEdits } from '../../lib/autosave/use-autosave';
import type { CallView } from '../../pages/public/types';
import type { ApplicationView, Draft } from './types';
import './applicant.css';

export const applicationKey = (id: string) => ['application', id] as const;

export function useApplicationQuery(id: string) {
  return useQuery({ queryKey: applicationKey(id), queryFn: () => call<ApplicationView>(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })) });
}

export function useCallQuery(callId: string | undefined) {
  return useQuery({
    queryKey: ['public-call', callId],
    enabled: !!callId,
    queryFn: () => call<CallView>(api.GET('/api/v1/public/calls/{id}', { params: { path: { id: callId! } } })),
  });
}

/** The parts of the form and the draft sections (and `missing` fields) each one holds. */
export const PARTS = [
  { slug: 'projekt', sections: ['project', 'budgetAreaCode', 'purpose', 'justification', 'period', 'place', 'targetGroups', 'outputs', 'contact'] },
  { slug: 'zadatel', sections: ['representatives', 'beneficialOwners', 'holdings', 'organisation'] },
  { slug: 'rozpocet', sections: ['budgetLines'] },
  { slug: 'aktivity', sections: ['activities'] },
  { slug: 'prilohy', sections: ['annexes'] },
  { slug: 'prohlaseni', sections: ['declarations'] },
] as const;
export type PartSlug = (typeof PARTS)[number]['slug'];

export const sectionOf = (field: string) => (field.startsWith('annex:') ? 'annexes' : field.split('.')[0]);

interface ApplicationContextValue {
  application: ApplicationView;
  call: CallView;
  draft: Draft;
  edit(sections: Partial<Draft>): void;
  /** May this section be changed now (before the deadline, or named by an open remedy request)? */
  canEdit(section: string): boolean;
  /** Field path → message in the user's language, from the API's `missing`. */
  missing: Record<string, string>;
  flush(): Promise<void>;
}

const ApplicationContext = createContext<ApplicationContextValue | null>(null);

export function useApplicationContext(): ApplicationContextValue {
  const value = useContext(ApplicationContext);
  if (!value) throw new Error('useApplicationContext outside ApplicationFrame');
  return value;
}

export function ApplicationFrame({ applicationId, children }: { applicationId: string; children: ReactNode }) {
  return (
    <RequireRole roles={['applicant']}>
      <Loaded applicationId={applicationId}>{children}</Loaded>
    </RequireRole>
  );
}

function Loaded({ applicationId, children }: { applicationId: string; children: ReactNode }) {
  const application = useApplicationQuery(applicationId);
  const callQuery = useCallQuery(application.data?.call.id);
  const queue = useMemo(() => autosaveQueueFor(applicationId), [applicationId]);
  const restored = useRestoredEdits(queue);
  if (!application.data) return <QueryState query={application}>{null}</QueryState>;
  if (!callQuery.data) return <QueryState query={callQuery}>{null}</QueryState>;
  if (!restored.ready)
    return (
      <p role="status">
        <FormattedMessage id="common.loading" />
      </p>
    );
  return (
    <AutosaveProvider queue={queue}>
      <Editor application={application.data} call={callQuery.data} initial={{ ...application.data.draft, ...(restored.restored?.sections as Draft | undefined) }}>
        {children}
      </Editor>
    </AutosaveProvider>
  );
}

function Editor({ application, call: grantCall, initial, children }: { application: ApplicationView; call: CallView; initial: Draft; children: ReactNode }) {
  const { queue, state } = useAutosave();
  const queryClient = useQueryClient();
  const intl = useIntl();
  const { locale } = useLanguage();
  const [draft, setDraft] = useState<Draft>(initial);
  const version = useRef(application.draftVersion);

  useEffect(
    () =>
      queue.onSaved((saved) => {
        version.current = saved.draftVersion;
        queryClient.setQueryData(applicationKey(application.id), saved);
      }),
    [application.id, queue, queryClient],
  );

  const edit = useCallback(
    (sections: Partial<Draft>) => {
      setDraft((current) => ({ ...current, ...sections }));
      void queue.edit(version.current, sections);
    },
    [queue],
  );

  const remedySections = application.status === 'remedy_requested' && application.remedy ? application.remedy.items.map((item) => sectionOf(item.section)) : null;
  const open = application.availableActions.includes('submit') || application.availableActions.includes('answer_remedy');
  const canEdit = useCallback(
    (section: string) => open && (remedySections === null || remedySections.includes(section) || (section === 'project' && remedySections.includes('project'))),
    [open, remedySections],
  );
  const missing = useMemo(
    () => Object.fromEntries(application.missing.map((m) => [m.field, typeof m.message === 'string' ? m.message : m.message[locale]])),
    [application.missing, locale],
  );
  const value = useMemo(
    () => ({ application, call: grantCall, draft, edit, canEdit, missing, flush: () => queue.flush() }),
    [application, grantCall, draft, edit, canEdit, missing, queue],
  );

  const labels = useMemo(
    () => Object.fromEntries(PARTS.flatMap((part) => part.sections).map((section) => [section, intl.formatMessage({ id: `applicant.section.${section}` })])),
    [intl],
  );

  return (
    <ApplicationContext.Provider value={value}>
      {state.kind === 'conflict' && (
        <ConflictNotice
          changes={changedFields(state.mine, (state.theirs as unknown as ApplicationView).draft, Object.fromEntries(Object.keys(state.mine).map((s) => [s, labels[s] ?? s])), (v) =>
            summarise(v),
          )}
          onKeepMine={() => void queue.keepMine(state.theirs)}
          onTakeTheirs={() => {
            const theirs = state.theirs as unknown as ApplicationView;
            setDraft(theirs.draft);
            version.current = theirs.draftVersion;
            void queue.takeTheirs(state.theirs);
          }}
        />
      )}
      <div className="application-bar">
        <Link to="/zadosti/$applicationId" params={{ applicationId: application.id }}>
          <FormattedMessage id="applicant.backToTasks" values={{ number: application.number }} />
        </Link>
        <AutosaveStatus state={state} />
      </div>
      {children}
    </ApplicationContext.Provider>
  );
}

function summarise(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return value.map((item: unknown) => (typeof item === 'object' && item ? Object.values(item).filter(Boolean).map(summarise).join(' ') : summarise(item))).join('; ');
  if (typeof value === 'object')
    return Object.values(value)
      .filter((v) => v !== undefined && v !== '')
      .map(summarise)
      .join(', ');
  return String(value as number | boolean | bigint | symbol);
}
