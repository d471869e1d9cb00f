/**
 * Before/after of a call's lists in an amendment, item by item: rows are matched by their code (activities by
 * id), so a changed allocation is one changed item, a new criterion an added one and a dropped annex a removed one.
 */
export interface ItemChange {
  /** The item's code (or id); a row without a code yet is keyed by its position. */
  key: string;
  /** How the item is named in the table ("I Okruh I – integrační aktivity"). */
  label: string;
  /** The item described before and after ('' where it did not exist). */
  before: string;
  after: string;
}

export function listChanges<T>(before: readonly T[], after: readonly T[], keyOf: (row: T) => string, labelOf: (row: T) => string, describe: (row: T) => string): ItemChange[] {
  const keyed = (rows: readonly T[]) => new Map(rows.map((row, index) => [keyOf(row).trim() || `#${index + 1}`, row]));
  const old = keyed(before);
  const now = keyed(after);
  const changes: ItemChange[] = [];
  for (const [key, row] of now) {
    const previous = old.get(key);
    const [was, is] = [previous === undefined ? '' : describe(previous), describe(row)];
    if (was !== is) changes.push({ key, label: labelOf(row), before: was, after: is });
  }
  for (const [key, row] of old) if (!now.has(key)) changes.push({ key, label: labelOf(row), before: describe(row), after: '' });
  return changes;
}
