/**
 * Eligible action-plan activities, picked from the strategy tree: grouped by their measure, a search that
 * ignores diacritics and also matches the measure and goal above, native checkboxes (Tab / Space).
 */
import { useId, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { fieldId } from '../../forms/errors';
import type { ActivityNode } from './api';
import { fold } from './table';

export function ActivityPicker({
  form,
  name = 'activityIds',
  activities,
  selected,
  onChange,
  error,
}: {
  form: string;
  /** The field as the form's errors name it. */
  name?: string;
  activities: ActivityNode[];
  selected: string[];
  onChange(ids: string[]): void;
  error?: string;
}) {
  const intl = useIntl();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const chosen = new Set(selected);
  const groups = useMemo(() => {
    const needle = fold(query.trim());
    const byGroup = new Map<string, { title: string; items: ActivityNode[] }>();
    for (const activity of activities) {
      const haystack = fold(`${activity.code} ${activity.name} ${activity.path.map((p) => `${p.code} ${p.name}`).join(' ')}`);
      if (needle && !haystack.includes(needle)) continue;
      const parent = activity.path[activity.path.length - 1];
      const key = parent?.code ?? '';
      const group = byGroup.get(key) ?? { title: parent ? `${parent.code} ${parent.name}` : '', items: [] };
      group.items.push(activity);
      byGroup.set(key, group);
    }
    return [...byGroup.values()];
  }, [activities, query]);
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <div id={fieldId(form, name)} tabIndex={-1}>
      {error && (
        <p className="gov-form-message" data-color="error">
          {error}
        </p>
      )}
      <p>
        <FormattedMessage id="staff.activities.selected" values={{ count: selected.length }} />
      </p>
      {selected.length > 0 && (
        <ul>
          {activities
            .filter((a) => chosen.has(a.id))
            .map((a) => (
              <li key={a.id}>
                {a.code} {a.name}{' '}
                <button type="button" className="link-like" onClick={() => toggle(a.id, false)}>
                  {intl.formatMessage({ id: 'staff.activities.remove' }, { code: a.code })}
                </button>
              </li>
            ))}
        </ul>
      )}
      <div className="field">
        <label className="gov-form-label" htmlFor={searchId}>
          <FormattedMessage id="staff.activities.search" />
        </label>
        <div className="gov-form-input" data-size="m">
          <div className="element">
            <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${searchId}-count`} />
          </div>
        </div>
        <p id={`${searchId}-count`} role="status" className="field__hint">
          <FormattedMessage id="staff.activities.found" values={{ count }} />
        </p>
      </div>
      <div className="activity-groups" style={{ maxHeight: '24rem', overflowY: 'auto' }}>
        {groups.map((group) => (
          <fieldset key={group.title}>
            <legend>{group.title || intl.formatMessage({ id: 'staff.activities.other' })}</legend>
            <ul className="tree">
              {group.items.map((a) => (
                <li key={a.id}>
                  <label>
                    <input type="checkbox" checked={chosen.has(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} /> {a.code} {a.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </div>
    </div>
  );
}
