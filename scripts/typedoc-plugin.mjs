// @ts-check
/**
 * TypeDoc plugin for the pulsecheck API site, loaded by typedoc.json. It
 * adapts TypeDoc to this repository in three ways:
 *
 * 1. Entry points. typedoc.json lists the source of every public entry point
 *    (`lib/index.ts` and one `index.ts` per subpath export). An entry point
 *    that is the source of a `package.json` export but whose file is not
 *    written yet is dropped with a notice instead of failing the build, so
 *    the site builds before and after a subpath lands. Any other missing
 *    entry point is left for TypeDoc to report (as an error).
 * 2. Module names. Each entry-point module is named by the specifier users
 *    import it with (`pulsecheck`, `pulsecheck/postgres`), taken from the
 *    `exports` of package.json, instead of its path (`index`,
 *    `checks/postgres`).
 * 3. Guides. Each project document (docs/**\/*.md) is titled by its
 *    front-matter `title` or its first `# heading` instead of its path, and
 *    the documents are listed in the order docs/README.md links them (then
 *    the others, by path).
 * 4. Defaults. An exported table of defaults (`CONFORMANCE_DEFAULTS`, any
 *    variable named `*_DEFAULTS`) is read off its options' schema, so its
 *    source shows no value and TypeDoc writes `= ...`. Its page gets the
 *    values as the built package (dist/, which `npm run docs` builds first)
 *    holds them, one row per option: the options' TSDoc links the table
 *    instead of quoting a number, and the reader still sees the number.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { Application, Converter, ReflectionKind } from 'typedoc';
import ts from 'typescript';

/**
 * The public entry points of the package in `root`: for each `exports`
 * subpath whose `default` (or `import`) target is a compiled `.js` file, its
 * import specifier and the absolute path of its TypeScript source.
 *
 * @param {string} root - The directory holding package.json and tsconfig.build.json.
 * @returns {Map<string, string>} source path → import specifier
 */
export function publicEntryPoints(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const build = ts.readConfigFile(join(root, 'tsconfig.build.json'), (path) => ts.sys.readFile(path)).config ?? {};
  const rootDir = resolve(root, build.compilerOptions?.rootDir ?? 'lib');
  const outDir = resolve(root, build.compilerOptions?.outDir ?? 'dist');
  /** @type {Map<string, string>} */
  const result = new Map();
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const js = typeof target === 'string' ? target : (target?.default ?? target?.import);
    if (typeof js !== 'string' || !js.endsWith('.js')) continue;
    const compiled = resolve(root, js);
    const fromOut = relative(outDir, compiled);
    if (fromOut.startsWith('..')) continue;
    const source = join(rootDir, fromOut.replace(/\.js$/, '.ts'));
    result.set(source, subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`);
  }
  return result;
}

/**
 * @param {string} markdown
 * @returns {string | undefined} the text of the first level-1 heading
 */
function firstHeading(markdown) {
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = fenced ? null : /^#\s+(.+?)\s*#*\s*$/.exec(line);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

/**
 * The documents docs/README.md links to, in order, as paths relative to
 * docs/ without extension (the names TypeDoc gives documents).
 *
 * @param {string} indexFile
 * @returns {string[]}
 */
function linkedOrder(indexFile) {
  if (!existsSync(indexFile)) return [];
  const text = readFileSync(indexFile, 'utf8');
  return [...text.matchAll(/\]\(\s*(?:\.\/)?([^)#\s]+)\.md(?:#[^)]*)?\s*\)/g)].map((match) => posix.normalize(match[1] ?? ''));
}

/**
 * The values of exported tables of defaults, read from the built package in
 * `root` by a child process (the package imports itself by name), each
 * option's value as `util.inspect` writes it (`5_000`, `'full'`).
 *
 * @param {string} root - The directory holding package.json.
 * @param {[specifier: string, name: string][]} tables - Which export of which entry point.
 * @returns {Record<string, Record<string, string>>} `specifier name` → option → value
 */
export function defaultValues(root, tables) {
  const script = `
    import { inspect } from 'node:util';
    const result = {};
    for (const [specifier, name] of ${JSON.stringify(tables)}) {
      const table = (await import(specifier))[name];
      if (typeof table !== 'object' || table === null) throw new Error(specifier + ' exports no table ' + name);
      result[specifier + ' ' + name] = Object.fromEntries(Object.entries(table).map(([key, value]) => [key, inspect(value, { breakLength: Infinity, depth: 5, numericSeparator: true })]));
    }
    console.log(JSON.stringify(result));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
}

/**
 * @param {Application} app
 */
export function load(app) {
  /** @type {Map<string, string>} */
  let specifiers = new Map();

  app.on(Application.EVENT_BOOTSTRAP_END, () => {
    const root = dirname(resolve(app.options.getValue('tsconfig')));
    specifiers = publicEntryPoints(root);
    const entryPoints = app.options.getValue('entryPoints');
    const kept = entryPoints.filter((entry) => {
      const path = resolve(entry);
      if (existsSync(path) || !specifiers.has(path)) return true;
      app.logger.info(`Skipping entry point ${relative(root, path)} (${specifiers.get(path) ?? ''}): not written yet`);
      return false;
    });
    if (kept.length !== entryPoints.length) app.options.setValue('entryPoints', kept);
  });

  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const symbol = context.getSymbolFromReflection(reflection);
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName;
    const specifier = file === undefined ? undefined : specifiers.get(resolve(file));
    if (specifier !== undefined) reflection.name = specifier;
  });

  /** @type {Map<import('typedoc').DocumentReflection, string>} */
  const pathNames = new Map();
  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, document) => {
    pathNames.set(document, document.name);
    const title = document.frontmatter['title'];
    const heading = firstHeading(document.content.map((part) => part.text).join(''));
    if (typeof title === 'string' && title !== '') document.name = title;
    else if (heading !== undefined) document.name = heading;
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const tables = context.project
      .getReflectionsByKind(ReflectionKind.Variable)
      .filter((reflection) => /^[A-Z][A-Z0-9_]*_DEFAULTS$/.test(reflection.name) && reflection.parent?.kindOf(ReflectionKind.Module) === true);
    if (tables.length === 0) return;
    const root = dirname(resolve(app.options.getValue('tsconfig')));
    /** @type {Record<string, Record<string, string>>} */
    let values;
    try {
      values = defaultValues(root, tables.map((table) => [table.parent?.name ?? '', table.name]));
    } catch (error) {
      app.logger.error(`Could not read the tables of defaults from the built package (npm run build first): ${String(error)}`);
      return;
    }
    for (const table of tables) {
      const rows = Object.entries(values[`${table.parent?.name ?? ''} ${table.name}`] ?? {}).map(([option, value]) => `| \`${option}\` | \`${value.replaceAll('|', '\\|')}\` |`);
      table.comment?.summary.push({ kind: 'text', text: `\n\n| option | default |\n| --- | --- |\n${rows.join('\n')}\n` });
    }
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    if (project.documents === undefined) return;
    const indexFile = resolve(app.options.getValue('tsconfig'), '..', 'docs', 'README.md');
    const order = ['README', ...linkedOrder(indexFile)];
    /** @param {import('typedoc').Reflection} reflection */
    const rank = (reflection) => {
      if (!reflection.isDocument()) return Number.MAX_SAFE_INTEGER;
      const index = order.indexOf(pathNames.get(reflection) ?? '');
      return index === -1 ? order.length : index;
    };
    /** @param {import('typedoc').Reflection} a @param {import('typedoc').Reflection} b */
    const byRank = (a, b) => rank(a) - rank(b) || (pathNames.get(/** @type {any} */ (a)) ?? '').localeCompare(pathNames.get(/** @type {any} */ (b)) ?? '');
    project.documents.sort(byRank);
    const documents = project.childrenIncludingDocuments?.filter((child) => child.isDocument()) ?? [];
    if (project.childrenIncludingDocuments !== undefined && documents.length > 0) {
      const others = project.childrenIncludingDocuments.filter((child) => !child.isDocument());
      project.childrenIncludingDocuments = [...documents.sort(byRank), ...others];
    }
  });
}
