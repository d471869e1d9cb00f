import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import { api, call } from '../../api/client';
import { useFormat } from '../../lib/use-format';
import { useLanguage } from '../../i18n';
import { QueryState } from '../../components/query-state';
import type { CallView, Page } from './types';

/** Home: the calls open for applications now and those published and opening later. */
export function HomePage() {
  const query = useQuery({
    queryKey: ['public-calls'],
    queryFn: () => call<Page<CallView>>(api.GET('/api/v1/public/calls')),
  });
  const open = query.data?.items.filter((c) => c.status === 'open') ?? [];
  const upcoming = query.data?.items.filter((c) => c.status === 'published') ?? [];
  return (
    <>
      <h1>
        <FormattedMessage id="public.home.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="public.home.lead" />
      </p>
      <QueryState query={query}>
        <h2>
          <FormattedMessage id="public.home.open" values={{ count: open.length }} />
        </h2>
        {open.length === 0 ? (
          <p>
            <FormattedMessage id="public.home.noneOpen" />
          </p>
        ) : (
          <CallList calls={open} />
        )}
        <h2>
          <FormattedMessage id="public.home.upcoming" values={{ count: upcoming.length }} />
        </h2>
        {upcoming.length === 0 ? (
          <p>
            <FormattedMessage id="public.home.noneUpcoming" />
          </p>
        ) : (
          <CallList calls={upcoming} />
        )}
      </QueryState>
    </>
  );
}

function CallList({ calls }: { calls: CallView[] }) {
  const f = useFormat();
  const { locale } = useLanguage();
  return (
    <ul className="cards">
      {calls.map((c) => (
        <li key={c.id} className="card">
          <h3>
            <Link to="/vyzvy/$callId" params={{ callId: c.id }}>
              {c.title}
            </Link>
          </h3>
          <p className="meta">
            {c.code} ·{' '}
            <span className="gov-tag" data-size="xs" data-type="subtle">
              {c.statusName[locale]}
            </span>
          </p>
          <p>
            <FormattedMessage id="public.home.period" values={{ from: f.date(c.opensAt), to: f.dateTime(c.closesAt) }} />
          </p>
          <p>
            <FormattedMessage id="public.home.allocation" values={{ amount: f.moneyShort(c.totalAllocation) }} />
          </p>
        </li>
      ))}
    </ul>
  );
}
