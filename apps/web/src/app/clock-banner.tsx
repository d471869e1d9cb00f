import { FormattedMessage } from 'react-intl';
import { useFormat } from '../lib/use-format';
import { useSystemClock } from '../lib/system-clock';

/** When someone moved the system's clock (demo, tests), everyone sees it; a system without the route (404) shows nothing. */
export function ClockBanner() {
  const f = useFormat();
  const data = useSystemClock();
  if (!data || data.offsetMs === 0) return null;
  return (
    <div className="banner banner--warning" role="status">
      <div className="container">
        <FormattedMessage id="common.clockMoved" values={{ when: f.dateTime(data.now) }} />
      </div>
    </div>
  );
}
