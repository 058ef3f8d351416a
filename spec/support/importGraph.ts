import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** What a built entry point imports, directly or not: the package's own files, and the bare specifiers (other packages) they name. */
export interface ImportGraph {
  /** Absolute paths of the package's modules reached through relative specifiers, the entry included. */
  readonly files: ReadonlySet<string>;
  /** Bare specifiers (`inversify`, `@nestjs/common`, `node:http`) imported by any of those files. */
  readonly packages: ReadonlySet<string>;
}

/** Walks the static and dynamic `import`s of `entry` (a built .js file) and of every relative module it reaches. */
export function importGraph(entry: string): ImportGraph {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  }
  return { files, packages };
}
