/** The header's link to the in-app notifications with the unread count (every signed-in role has notifications). */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import { api, call } from '../../api/client';

export const unreadKey = ['notifications', 'unread'] as const;

export function NotificationsLink() {
  const unread = useQuery({
    queryKey: unreadKey,
    queryFn: () => call<{ unread: number }>(api.GET('/api/v1/me/notifications', { params: { query: { unread: true, pageSize: 1 } as never } })),
    refetchInterval: 60_000,
  });
  const count = unread.data?.unread ?? 0;
  return (
    <Link to={'/oznameni'}>
      <FormattedMessage id="notifications.header.link" values={{ count }} />
    </Link>
  );
}
