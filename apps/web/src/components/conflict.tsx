/**
 * A 409 shows what changed and lets the user choose: keep mine (send it again on top of the newer version)
 * or take theirs (drop my change). Forms pass the fields they edit; nothing is decided silently.
 */
import { useEffect, useRef } from 'react';
import { FormattedMessage } from 'react-intl';

export interface FieldChange {
  field: string;
  label: string;
  mine: string;
  theirs: string;
}

/** The fields whose values differ between my version and the server's current one, in the order of `labels`. */
export function changedFields(
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
  labels: Record<string, string>,
  show: (value: unknown) => string = defaultShow,
): FieldChange[] {
  return Object.keys(labels)
    .filter((field) => JSON.stringify(mine[field] ?? null) !== JSON.stringify(theirs[field] ?? null))
    .map((field) => ({ field, label: labels[field], mine: show(mine[field]), theirs: show(theirs[field]) }));
}

function defaultShow(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function ConflictNotice({ changes, onKeepMine, onTakeTheirs }: { changes: FieldChange[]; onKeepMine(): void; onTakeTheirs(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice conflict" aria-labelledby="conflict-title" role="region">
      <h2 id="conflict-title" tabIndex={-1} ref={heading}>
        <FormattedMessage id="common.conflict.title" />
      </h2>
      <p>
        <FormattedMessage id="common.conflict.intro" values={{ count: changes.length }} />
      </p>
      {changes.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">
              <FormattedMessage id="common.conflict.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="common.conflict.field" />
                </th>
                <th scope="col">
                  <FormattedMessage id="common.conflict.mine" />
                </th>
                <th scope="col">
                  <FormattedMessage id="common.conflict.theirs" />
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{change.label}</th>
                  <td>{change.mine}</td>
                  <td>{change.theirs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button type="button" className="gov-button" data-type="solid" data-color="primary" data-size="m" onClick={onKeepMine}>
          <FormattedMessage id="common.conflict.keepMine" />
        </button>
        <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={onTakeTheirs}>
          <FormattedMessage id="common.conflict.takeTheirs" />
        </button>
      </div>
    </section>
  );
}
