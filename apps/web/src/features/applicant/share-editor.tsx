/**
 * Activities of the action plan that the project serves, with shares that must add up to 100 %.
 * The call's eligible activities as a searchable tree (grouped by their code's parent, search ignores
 * diacritics); each chosen activity gets a share field; the sum is shown and announced live.
 */
import { useId, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

export interface ActivityOption {
  id: string;
  code: string;
  name: string;
}

export interface ActivityShare {
  activityId?: string;
  sharePercent?: string;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** "33,3" / "33.30" / "100" → "33.3" / "33.30" / "100"; null when not a percentage between 0 and 100 with ≤ 2 decimals. */
export function parsePercentInput(text: string): string | null {
  const value = text.replace(/[\s\u00a0%]/g, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value)) return null;
  return toBasisPoints(value) <= 10_000 ? value.replace(/^0+(?=\d)/, '') : null;
}

export function toBasisPoints(percent: string): number {
  const [whole, fraction = ''] = percent.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export const fromBasisPoints = (bp: number) => (bp % 100 === 0 ? String(bp / 100) : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`);

/** Sum of the shares in basis points (hundredths of a percent), exact. */
export const shareTotal = (shares: readonly ActivityShare[]) => shares.reduce((sum, s) => sum + (s.sharePercent ? toBasisPoints(s.sharePercent) : 0), 0);

/** Splits 100 % evenly; the hundredths left over go to the first ones. */
export function evenShares(ids: readonly string[]): ActivityShare[] {
  const base = Math.floor(10_000 / ids.length);
  const rest = 10_000 - base * ids.length;
  return ids.map((activityId, i) => ({ activityId, sharePercent: fromBasisPoints(base + (i < rest ? 1 : 0)) }));
}

function groupOf(code: string): string {
  const at = code.lastIndexOf('.');
  return at > 0 ? code.slice(0, at) : '';
}

export function ShareEditor({
  activities,
  shares,
  onChange,
  readOnly = false,
  error,
}: {
  activities: ActivityOption[];
  shares: ActivityShare[];
  onChange(shares: ActivityShare[]): void;
  readOnly?: boolean;
  error?: string;
}) {
  const intl = useIntl();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [texts, setTexts] = useState<Record<string, string>>({});
  const selected = new Map(shares.filter((s) => s.activityId).map((s) => [s.activityId!, s]));
  const groups = useMemo(() => {
    const needle = fold(query.trim());
    const visible = activities.filter((a) => !needle || fold(`${a.code} ${a.name}`).includes(needle));
    const byGroup = new Map<string, ActivityOption[]>();
    for (const activity of [...visible].sort((a, b) => a.code.localeCompare(b.code, 'cs', { numeric: true }))) {
      const group = groupOf(activity.code);
      byGroup.set(group, [...(byGroup.get(group) ?? []), activity]);
    }
    return [...byGroup.entries()];
  }, [activities, query]);

  const total = shareTotal(shares);
  const complete = total === 10_000;
  const format = (bp: number) => intl.formatNumber(bp / 100, { maximumFractionDigits: 2 });
  const name = (id: string) => activities.find((a) => a.id === id);

  const toggle = (activity: ActivityOption, on: boolean) => {
    if (on) onChange([...shares, { activityId: activity.id, sharePercent: shares.length === 0 ? '100' : undefined }]);
    else onChange(shares.filter((s) => s.activityId !== activity.id));
  };

  const setShare = (id: string, text: string) => {
    setTexts((current) => ({ ...current, [id]: text }));
    const parsed = parsePercentInput(text);
    if (parsed !== null || text.trim() === '') onChange(shares.map((s) => (s.activityId === id ? { ...s, sharePercent: parsed ?? undefined } : s)));
  };

  return (
    <div className="share-editor">
      {!readOnly && (
        <>
          <div className="gov-form-control field">
            <label className="gov-form-label" htmlFor={searchId}>
              <span className="gov-form-label__label">
                <FormattedMessage id="applicant.activities.search" />
              </span>
            </label>
            <div className="gov-form-input" data-size="m">
              <div className="element">
                <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
              </div>
            </div>
          </div>
          <fieldset className="activity-tree">
            <legend>
              <FormattedMessage id="applicant.activities.available" />
            </legend>
            {groups.length === 0 && (
              <p>
                <FormattedMessage id="applicant.activities.noMatch" />
              </p>
            )}
            <ul className="tree">
              {groups.map(([group, items]) => (
                <li key={group || '-'}>
                  {group && <span className="tree__group">{group}</span>}
                  <ul>
                    {items.map((activity) => (
                      <li key={activity.id}>
                        <label className="checkbox-row">
                          <input type="checkbox" checked={selected.has(activity.id)} onChange={(event) => toggle(activity, event.target.checked)} /> {activity.code} {activity.name}
                        </label>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </fieldset>
        </>
      )}
      <h2>
        <FormattedMessage id="applicant.activities.shares" />
      </h2>
      {error && (
        <p className="gov-form-message" data-color="error" id="activities-error">
          {error}
        </p>
      )}
      {shares.length === 0 ? (
        <p>
          <FormattedMessage id="applicant.activities.none" />
        </p>
      ) : (
        <ul className="share-list">
          {shares.map((share) => {
            const activity = share.activityId ? name(share.activityId) : undefined;
            const id = `share-${share.activityId}`;
            const text = texts[share.activityId ?? ''] ?? (share.sharePercent ? intl.formatNumber(Number(share.sharePercent), { maximumFractionDigits: 2 }) : '');
            const invalid = text.trim() !== '' && parsePercentInput(text) === null;
            return (
              <li key={share.activityId} className="share-row">
                <label htmlFor={id}>
                  <FormattedMessage id="applicant.activities.shareOf" values={{ name: activity ? `${activity.code} ${activity.name}` : share.activityId }} />
                </label>
                {readOnly ? (
                  <span> {text} %</span>
                ) : (
                  <span className="share-input">
                    <input
                      id={id}
                      inputMode="decimal"
                      value={text}
                      aria-invalid={invalid ? true : undefined}
                      aria-describedby={invalid ? `${id}-error` : error ? 'activities-error' : undefined}
                      onChange={(event) => setShare(share.activityId!, event.target.value)}
                    />{' '}
                    %
                  </span>
                )}
                {invalid && (
                  <p className="gov-form-message" data-color="error" id={`${id}-error`}>
                    <FormattedMessage id="applicant.activities.notPercent" />
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className={complete ? 'share-total' : 'share-total share-total--off'} role="status" aria-live="polite">
        {complete ? (
          <FormattedMessage id="applicant.activities.totalOk" />
        ) : total > 10_000 ? (
          <FormattedMessage id="applicant.activities.over" values={{ total: format(total), over: format(total - 10_000) }} />
        ) : (
          <FormattedMessage id="applicant.activities.total" values={{ total: format(total), rest: format(10_000 - total) }} />
        )}
      </p>
      {!readOnly && shares.length > 1 && (
        <button
          type="button"
          className="gov-button"
          data-type="outlined"
          data-color="primary"
          data-size="m"
          onClick={() => {
            setTexts({});
            onChange(evenShares(shares.map((s) => s.activityId!).filter(Boolean)));
          }}
        >
          <FormattedMessage id="applicant.activities.even" />
        </button>
      )}
    </div>
  );
}
