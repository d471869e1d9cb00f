/**
 * The in-app notifications (newest first, unread marked, "mark all read") and the e-mail preferences:
 * immediate or a daily digest, optional kinds can be muted, mandatory ones are shown as such and cannot be.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { ProblemError } from '../../api/errors';
import { RequireRole } from '../../app/require-role';
import { ConflictNotice, changedFields } from '../../components/conflict';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, useFormErrors } from '../../forms/errors';
import { useFormat } from '../../lib/use-format';
import type { InboxItem, PreferencesView } from '../applicant/types';
import type { Page } from '../../pages/public/types';
import { unreadKey } from './notifications-link';

const ALL_ROLES = ['applicant', 'staff', 'commission_member', 'auditor', 'admin'] as const;

export function NotificationsPage() {
  return (
    <RequireRole roles={[...ALL_ROLES]}>
      <Inbox />
    </RequireRole>
  );
}

export function PreferencesPage() {
  return (
    <RequireRole roles={[...ALL_ROLES]}>
      <Preferences />
    </RequireRole>
  );
}

function Inbox() {
  const f = useFormat();
  const queryClient = useQueryClient();
  const inbox = useQuery({
    queryKey: ['notifications', 'list'],
    queryFn: () => call<Page<InboxItem> & { unread: number }>(api.GET('/api/v1/me/notifications', { params: { query: { pageSize: 50 } as never } })),
  });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['notifications'] }), queryClient.invalidateQueries({ queryKey: unreadKey })]);
  const readAll = useMutation({ mutationFn: () => call(api.POST('/api/v1/me/notifications/read-all')), onSuccess: refresh });
  const markRead = useMutation({ mutationFn: (id: string) => call(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })), onSuccess: refresh });
  const items = inbox.data?.items ?? [];
  return (
    <>
      <h1>
        <FormattedMessage id="notifications.title" />
      </h1>
      <p>
        <Link to={'/nastaveni/oznameni'}>
          <FormattedMessage id="notifications.preferencesLink" />
        </Link>
      </p>
      <QueryState query={inbox}>
        <p role="status">
          <FormattedMessage id="notifications.unread" values={{ count: inbox.data?.unread ?? 0 }} />
        </p>
        {(inbox.data?.unread ?? 0) > 0 && (
          <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={() => readAll.mutate()}>
            <FormattedMessage id="notifications.readAll" />
          </button>
        )}
        {items.length === 0 ? (
          <p>
            <FormattedMessage id="notifications.empty" />
          </p>
        ) : (
          <ul className="cards notifications">
            {items.map((item) => (
              <li key={item.id} className="card">
                <h2 className="notification__title">
                  {!item.readAt && (
                    <strong className="status-tag status-tag--todo">
                      <FormattedMessage id="notifications.new" />
                    </strong>
                  )}{' '}
                  {item.title}
                </h2>
                <p className="meta">
                  {f.dateTime(item.createdAt)}
                  {item.mandatory && (
                    <>
                      {' '}
                      · <FormattedMessage id="notifications.mandatory" />
                    </>
                  )}
                </p>
                <p>{item.summary}</p>
                <div className="actions">
                  {item.link && (
                    <a href={item.link} onClick={() => !item.readAt && markRead.mutate(item.id)}>
                      <FormattedMessage id="notifications.open" /> <span className="visually-hidden">{item.title}</span>
                    </a>
                  )}
                  {!item.readAt && (
                    <button type="button" className="gov-button" data-type="link" data-color="primary" data-size="s" onClick={() => markRead.mutate(item.id)}>
                      <FormattedMessage id="notifications.markRead" /> <span className="visually-hidden">{item.title}</span>
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

function Preferences() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const errors = useFormErrors('prefs');
  const prefs = useQuery({ queryKey: ['notification-preferences'], queryFn: () => call<PreferencesView>(api.GET('/api/v1/me/notification-preferences')) });
  const [delivery, setDelivery] = useState<'immediate' | 'daily_digest'>('immediate');
  const [muted, setMuted] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  const [conflict, setConflict] = useState<PreferencesView | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!prefs.data) return;
    setDelivery(prefs.data.delivery);
    setMuted(prefs.data.kinds.filter((k) => k.muted).map((k) => k.kind));
    setVersion(prefs.data.version);
  }, [prefs.data]);
  const save = useMutation({
    mutationFn: (v: number) => call<PreferencesView>(api.PUT('/api/v1/me/notification-preferences', { body: { delivery, mutedKinds: muted, version: v } as never })),
    onSuccess: (view) => {
      setVersion(view.version);
      setConflict(null);
      setSaved(true);
      queryClient.setQueryData(['notification-preferences'], view);
    },
    onError: (error) => {
      if (error instanceof ProblemError && error.status === 409 && error.problem.current) setConflict(error.problem.current as PreferencesView);
      else errors.fromError(error, ['delivery', 'mutedKinds']);
    },
  });
  const labels = { delivery: intl.formatMessage({ id: 'notifications.prefs.delivery' }), mutedKinds: intl.formatMessage({ id: 'notifications.prefs.muted' }) };
  return (
    <QueryState query={prefs}>
      <h1>
        <FormattedMessage id="notifications.prefs.title" />
      </h1>
      {conflict && (
        <ConflictNotice
          changes={changedFields({ delivery, mutedKinds: muted }, { delivery: conflict.delivery, mutedKinds: conflict.kinds.filter((k) => k.muted).map((k) => k.kind) }, labels)}
          onKeepMine={() => save.mutate(conflict.version)}
          onTakeTheirs={() => {
            queryClient.setQueryData(['notification-preferences'], conflict);
            setConflict(null);
          }}
        />
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          save.mutate(version);
        }}
      >
        <ErrorSummary form="prefs" errors={errors.errors} version={errors.version} labels={labels} />
        <fieldset className="repeat">
          <legend>{labels.delivery}</legend>
          {(['immediate', 'daily_digest'] as const).map((option) => (
            <label key={option} className="checkbox-row" style={{ display: 'flex' }}>
              <input type="radio" name="delivery" value={option} checked={delivery === option} onChange={() => setDelivery(option)} />{' '}
              <FormattedMessage id={`notifications.prefs.${option}`} />
            </label>
          ))}
        </fieldset>
        <fieldset className="repeat">
          <legend>
            <FormattedMessage id="notifications.prefs.kinds" />
          </legend>
          <p className="field__hint">
            <FormattedMessage id="notifications.prefs.kindsHint" />
          </p>
          {prefs.data?.kinds.map((kind) => (
            <label key={kind.kind} className="checkbox-row" style={{ display: 'flex' }}>
              <input
                type="checkbox"
                checked={kind.mandatory || !muted.includes(kind.kind)}
                disabled={kind.mandatory}
                onChange={(event) => setMuted((current) => (event.target.checked ? current.filter((k) => k !== kind.kind) : [...current, kind.kind]))}
              />{' '}
              {kind.label}
              {kind.mandatory && (
                <span className="meta">
                  {' '}
                  (<FormattedMessage id="notifications.mandatory" />)
                </span>
              )}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={save.isPending}>
          <FormattedMessage id="notifications.prefs.save" />
        </button>
        <p role="status">{saved && <FormattedMessage id="notifications.prefs.saved" />}</p>
      </form>
    </QueryState>
  );
}
