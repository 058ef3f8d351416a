import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A file of the repository, by its path from the root. */
export function readSource(path: string): string {
  return readFileSync(`${root}${path}`, 'utf8');
}

/**
 * The `@defaultValue` of each optional property in a TypeScript source, by
 * property name: the tag's text up to the end of its comment, lines joined
 * (`{@link HEALTH_ENDPOINTS_DEFAULTS}\`.detailTimeoutMs\``).
 */
export function documentedDefaults(source: string): ReadonlyMap<string, string> {
  const found = new Map<string, string>();
  for (const match of source.matchAll(/@defaultValue ((?:(?!\*\/)[\s\S])*?)\s*\*\/\s*readonly (\w+)\?/g)) {
    found.set(match[2] ?? '', (match[1] ?? '').replace(/\s*\n\s*\*\s*/g, ' '));
  }
  return found;
}

