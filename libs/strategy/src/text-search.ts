/** Lower case without diacritics: the form both the stored text and the query are compared in. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A prefix query over the 'simple' text-search configuration: Czech inflects heavily and PostgreSQL
 * ships no Czech stemmer, so "vzděl" must find "vzdělávání" and "vzdělávací". Only letters and
 * digits survive, so user input can never inject tsquery syntax. Null when nothing is left.
 */
export function prefixTsQuery(query: string): string | null {
  const words = foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length === 0 ? null : words.map((w) => `${w}:*`).join(' & ');
}
