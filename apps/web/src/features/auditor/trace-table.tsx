import { Link } from '@tanstack/react-router';
import { LevelName } from './components';
import { routerSearch } from './filters';
import type { UrlSearch } from './filters';
import { DataTable, KindCells } from './table';
import { largestAmount } from './tree';
import type { TraceTreeNode } from './tree';

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
    <DataTable labelledBy={id} caption="auditor.trace.caption" columns={[title]} kinds>
      {rows.map((r) => (
        <tr key={r.id} className={`tree-row tree-row--depth-${r.depth - baseDepth}`}>
          <th scope="row" style={{ paddingLeft: `${0.5 + (r.depth - baseDepth) * 1.25}rem` }}>
            <span className="visually-hidden">
              <LevelName level={r.level} />{' '}
            </span>
            <span className="tree-row__code">{r.code}</span>{' '}
            <Link to={'/kontrola/strategie/$nodeId' as never} params={{ nodeId: r.id } as never} search={routerSearch(filterSearch) as never}>
              {r.name}
            </Link>
          </th>
          <KindCells amounts={r.amounts} largest={largest} />
        </tr>
      ))}
    </DataTable>
  );
}
