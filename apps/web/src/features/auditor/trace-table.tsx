import { Link } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import { Amount, KindName, LevelName } from './components';
import { routerSearch } from './filters';
import type { UrlSearch } from './filters';
import { largestAmount } from './tree';
import type { TraceTreeNode } from './tree';
import { KINDS } from './types';

/**
 * Strategy nodes as table rows (indented by depth), each amount as text with a decorative bar, each node a
 * link to its page with the same filters. Scrolls sideways on a narrow screen (a focusable, named region).
 */
export function TraceTable({
  id,
  title,
  rows,
  filterSearch,
  baseDepth = 0,
}: {
  id: string;
  title: string;
  rows: readonly TraceTreeNode[];
  filterSearch: UrlSearch;
  baseDepth?: number;
}) {
  const largest = largestAmount(rows);
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="data">
        <caption className="visually-hidden">
          <FormattedMessage id="auditor.trace.caption" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id={title} />
            </th>
            {KINDS.map((k) => (
              <th scope="col" className="num" key={k}>
                <KindName kind={k} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={`tree-row tree-row--depth-${r.depth - baseDepth}`}>
              <th scope="row" style={{ paddingLeft: `${0.5 + (r.depth - baseDepth) * 1.25}rem` }}>
                <span className="visually-hidden">
                  <LevelName level={r.level} />{' '}
                </span>
                <span className="tree-row__code">{r.code}</span>{' '}
                <Link to={'/kontrola/strategie/$nodeId'} params={{ nodeId: r.id }} search={routerSearch(filterSearch) as never}>
                  {r.name}
                </Link>
              </th>
              {KINDS.map((k) => (
                <td className="num" key={k}>
                  <Amount amount={r.amounts[k]} largest={largest} kind={k} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
