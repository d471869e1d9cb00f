import type { ReactNode } from 'react';

/** A wide table that may scroll sideways: a named region the keyboard can reach and scroll (WCAG 2.1.1). */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
