/**
 * @internal A unique, valid `id` per check of a page, made from its name
 * (`check-` and its ASCII letters, digits, `-` and `_`, other characters as
 * `-`; a number appended on a clash), so that a blocked check's tile can
 * link to its root cause's. Keyed by the check's position in the report;
 * `byName` finds the first check of a name.
 */
export function checkAnchors(names: readonly unknown[]): { readonly ids: readonly string[]; readonly byName: ReadonlyMap<string, string> } {
  const used = new Set<string>();
  const byName = new Map<string, string>();
  const ids = names.map((name) => {
    const text = typeof name === 'string' ? name.slice(0, 80) : '';
    let base = 'check-';
    for (const character of text) base += /^[A-Za-z0-9_-]$/.test(character) ? character : '-';
    let id = base;
    for (let suffix = 2; used.has(id); suffix += 1) id = `${base}-${suffix}`;
    used.add(id);
    if (typeof name === 'string' && !byName.has(name)) byName.set(name, id);
    return id;
  });
  return { ids, byName };
}
