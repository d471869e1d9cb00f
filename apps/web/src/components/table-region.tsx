import type { ReactNode } from 'react';

/** A wide table that may scroll sideways: a named region the keyboard can reach and scroll (WCAG 2.1.1). */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export interface Column {
  label: ReactNode;
  /** A number column: right-aligned, as its cells. */
  num?: boolean;
}

/** A data table in its scrollable region, named by their caption, one header row of columns. */
export function DataTable({ caption, columns, className, children }: { caption: string; columns: Column[]; className?: string; children: ReactNode }) {
  return (
    <TableRegion label={caption}>
      <table className={className ? `data ${className}` : 'data'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.num ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableRegion>
  );
}
