#!/usr/bin/env node
// @ts-check
/**
 * Type-checks the TypeScript code the documentation shows, against the BUILT
 * package (run `npm run build` first: `import ... from 'pulsecheck'`
 * resolves to dist/ through the package's self-reference).
 *
 * Checked:
 * - every ```ts / ```typescript block of README.md and docs/**\/*.md
 *   (docs/api/ excluded);
 * - every `@example` of a TSDoc comment in lib/**\/*.ts: its ```ts blocks, or
 *   its whole text when it has no fenced block (TypeDoc renders that as code).
 *
 * Each block is written to build/doc-snippets/ as its own module (top-level
 * await allowed) and all of them are compiled in one program with the
 * settings of tsconfig.base.json, except `noUnusedLocals` and
 * `noUnusedParameters` (an example may declare a value only to show its
 * type). Errors are reported at their place in the Markdown or TypeScript
 * source:
 *
 *   docs/guides/writing-checks.md:42:7: error TS2304: Cannot find name 'foo'.
 *
 * A block whose info string names a file (```ts file=src/checks/MyCheck.ts)
 * is written under that path, in a directory of its own document, so that
 * another block of the same document can import it
 * (`import { MyCheck } from '../src/checks/MyCheck.js'`).
 *
 * Opting a block out (sparingly, for code that is deliberately not
 * compilable): give it the info string ```ts ignore, or put
 * `<!-- snippet: skip -->` (optionally with a reason: `<!-- snippet: skip (needs
 * @nestjs/terminus) -->`) on the line before the fence (Markdown only).
 *
 * The compiled snippets are also linted for three mistakes the compiler lets
 * through: awaiting what is not a promise (`await-thenable`), dropping a
 * promise (`no-floating-promises`) and passing an async function where a
 * void callback is expected (`no-misused-promises`):
 *
 *   lib/core/healthModule.ts:61:4: error @typescript-eslint/await-thenable: Unexpected `await` of a non-Promise value.
 *
 * Usage: node scripts/check-doc-snippets.mjs [--root DIR] [--project TSCONFIG] [--no-lint] [FILE...]
 *   --root DIR         where README.md, docs/ and lib/ are searched, and where
 *                      build/doc-snippets/ is written (default: the repository)
 *   --project TSCONFIG the compiler settings (default: tsconfig.base.json of the repository)
 *   --no-lint          skip the lint rules (type-check only)
 *   FILE...            check only these .md / .ts files (relative to --root)
 * Exit status: 0 when every snippet compiles, 1 when one does not, 2 on a usage error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const languages = new Set(['ts', 'typescript']);
/** Lint rules applied to snippets (see `lint`). */
const lintRules = /** @type {const} */ ({
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
});
const skipComment = /^\s*<!--\s*snippet:\s*skip\b.*-->\s*$/;

/**
 * A code block taken out of a document.
 * @typedef {object} Snippet
 * @property {string} source - The document, relative to the root (with `/`).
 * @property {string} code - The code, each line stripped of the document's indentation or ` * ` prefix.
 * @property {number[]} lines - For each line of `code`, its 1-based line in the document.
 * @property {number[]} columns - For each line of `code`, how many characters were stripped before it.
 * @property {string} [file] - The path the info string gave it (`file=...`), if any.
 */

/**
 * @typedef {object} Extraction
 * @property {Snippet[]} snippets
 * @property {number} skipped - Blocks opted out.
 * @property {string[]} problems - Malformed documents (an unclosed fence), as report lines.
 */

/**
 * The TypeScript blocks of a Markdown document.
 *
 * @param {string} text
 * @param {string} source
 * @returns {Extraction}
 */
export function extractFromMarkdown(text, source) {
  const lines = text.split(/\r?\n/);
  /** @type {Extraction} */
  const result = { snippets: [], skipped: 0, problems: [] };
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)(.*)$/.exec(lines[index] ?? '');
    if (open === null) continue;
    const [, indent = '', fence = '', language = '', rest = ''] = open;
    const start = index;
    let end = index + 1;
    while (end < lines.length && !isClosingFence(lines[end] ?? '', fence)) end++;
    index = end;
    if (!languages.has(language.toLowerCase())) continue;
    if (end >= lines.length) {
      result.problems.push(`${source}:${start + 1}:1: error: the code block opened here is never closed`);
      break;
    }
    const previous = lines.slice(0, start).findLast((line) => line.trim() !== '');
    if (rest.trim().split(/\s+/).includes('ignore') || (previous !== undefined && skipComment.test(previous))) {
      result.skipped++;
      continue;
    }
    const body = lines.slice(start + 1, end);
    const strip = body.map((line) => Math.min(indent.length, line.length - line.trimStart().length));
    /** @type {Snippet} */
    const snippet = {
      source,
      code: body.map((line, i) => line.slice(strip[i])).join('\n'),
      lines: body.map((_, i) => start + 2 + i),
      columns: strip,
    };
    const file = /(?:^|\s)file=(\S+)/.exec(rest)?.[1];
    if (file !== undefined) {
      if (!/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[\w./-]+\.m?tsx?$/.test(file)) {
        result.problems.push(`${source}:${start + 1}:1: error: file=${file} must be a relative path to a .ts file, without '..'`);
        continue;
      }
      if (result.snippets.some((other) => other.file === file)) {
        result.problems.push(`${source}:${start + 1}:1: error: another block of this document is already file=${file}`);
        continue;
      }
      snippet.file = file;
    }
    result.snippets.push(snippet);
  }
  return result;
}

/**
 * @param {string} line
 * @param {string} fence
 */
function isClosingFence(line, fence) {
  const match = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
  return match?.[1] !== undefined && match[1][0] === fence[0] && match[1].length >= fence.length;
}

/**
 * The `@example` code of the TSDoc comments of a TypeScript file.
 *
 * @param {string} text
 * @param {string} source
 * @returns {Extraction}
 */
export function extractFromTsDoc(text, source) {
  /** @type {Extraction} */
  const result = { snippets: [], skipped: 0, problems: [] };
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const firstLine = text.slice(0, comment.index).split('\n').length;
    const raw = comment[0].split('\n');
    /** @type {{ text: string, line: number, column: number }[]} */
    const lines = raw.map((line, i) => {
      let content = line;
      let column = 0;
      if (i === 0) {
        column = content.indexOf('/**') + 3;
        content = content.slice(column);
      } else {
        const prefix = /^\s*\*(?!\/) ?/.exec(content);
        if (prefix !== null) {
          column = prefix[0].length;
          content = content.slice(column);
        }
      }
      if (i === raw.length - 1) content = content.replace(/\s*\*\/$/, '');
      return { text: content, line: firstLine + i, column };
    });
    for (let index = 0; index < lines.length; index++) {
      if (!/^\s*@example\b/.test(lines[index]?.text ?? '')) continue;
      let end = index + 1;
      let fenced = false;
      while (end < lines.length) {
        const line = lines[end]?.text ?? '';
        if (/^\s*(`{3,}|~{3,})/.test(line)) fenced = !fenced;
        else if (!fenced && /^\s*@\w+/.test(line)) break;
        end++;
      }
      const section = lines.slice(index + 1, end);
      const markdown = extractFromMarkdown(section.map((line) => line.text).join('\n'), source);
      const hasFence = section.some((line) => /^\s*(`{3,}|~{3,})/.test(line.text));
      if (hasFence) {
        result.skipped += markdown.skipped;
        for (const problem of markdown.problems) result.problems.push(problem.replace(/:(\d+):1:/, (_, n) => `:${section[Number(n) - 1]?.line ?? 0}:1:`));
        for (const snippet of markdown.snippets) {
          snippet.columns = snippet.lines.map((n, i) => (section[n - 1]?.column ?? 0) + (snippet.columns[i] ?? 0));
          snippet.lines = snippet.lines.map((n) => section[n - 1]?.line ?? 0);
          result.snippets.push(snippet);
        }
      } else {
        const body = section.filter((line, i, all) => line.text.trim() !== '' || all.slice(i).some((later) => later.text.trim() !== ''));
        if (body.some((line) => line.text.trim() !== '')) {
          result.snippets.push({ source, code: body.map((line) => line.text).join('\n'), lines: body.map((line) => line.line), columns: body.map((line) => line.column) });
        }
      }
      index = end - 1;
    }
  }
  return result;
}

/**
 * The documents to check under `root`: README.md, docs/**\/*.md except
 * docs/api/, and lib/**\/*.ts.
 *
 * @param {string} root
 * @returns {string[]} paths relative to root
 */
function defaultFiles(root) {
  /** @type {string[]} */
  const found = [];
  if (existsSync(join(root, 'README.md'))) found.push('README.md');
  /**
   * @param {string} dir
   * @param {(name: string) => boolean} wanted
   * @param {string[]} [skip]
   */
  const walk = (dir, wanted, skip = []) => {
    const absolute = join(root, dir);
    if (!existsSync(absolute)) return;
    for (const entry of readdirSync(absolute, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory() && !skip.includes(path)) walk(path, wanted, skip);
      else if (entry.isFile() && wanted(entry.name)) found.push(path);
    }
  };
  walk('docs', (name) => name.endsWith('.md'), ['docs/api']);
  walk('lib', (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
  return found;
}

/**
 * @param {string[]} argv
 * @returns {{ root: string, project: string, files: string[], lintSnippets: boolean }}
 */
function parseArguments(argv) {
  let root = repository;
  let project = join(repository, 'tsconfig.base.json');
  let lintSnippets = true;
  /** @type {string[]} */
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] ?? '';
    if (argument === '--root' || argument === '--project') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${argument} needs a value`);
      if (argument === '--root') root = resolve(value);
      else project = resolve(value);
    } else if (argument === '--no-lint') {
      lintSnippets = false;
    } else if (argument === '--help' || argument === '-h') {
      throw new UsageError('');
    } else if (argument.startsWith('-')) {
      throw new UsageError(`unknown option ${argument}`);
    } else {
      files.push(argument);
    }
  }
  return { root, project, files, lintSnippets };
}

class UsageError extends Error {}

/**
 * @param {string[]} argv
 * @returns {Promise<number>} the exit status
 */
async function main(argv) {
  let options;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message !== '') console.error(`check-doc-snippets: ${error.message}`);
    console.error('usage: node scripts/check-doc-snippets.mjs [--root DIR] [--project TSCONFIG] [--no-lint] [FILE...]');
    return 2;
  }
  const { root, project, lintSnippets } = options;
  if (!existsSync(join(repository, 'dist', 'index.d.ts'))) {
    console.error("check-doc-snippets: dist/ is not built, so 'pulsecheck' cannot be resolved: run `npm run build` first");
    return 2;
  }

  const files = options.files.length > 0 ? options.files.map((file) => relative(root, resolve(root, file)).split(sep).join('/')) : defaultFiles(root);
  /** @type {Snippet[]} */
  const snippets = [];
  /** @type {string[]} */
  const problems = [];
  let skipped = 0;
  for (const file of files) {
    const path = join(root, file);
    if (!existsSync(path)) {
      problems.push(`${file}: error: no such file`);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const extraction = file.endsWith('.md') ? extractFromMarkdown(text, file) : extractFromTsDoc(text, file);
    snippets.push(...extraction.snippets);
    problems.push(...extraction.problems);
    skipped += extraction.skipped;
  }

  const out = join(root, 'build', 'doc-snippets');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  /** @type {Map<string, Snippet>} */
  const byFile = new Map();
  for (const snippet of snippets) {
    const document = snippet.source.replace(/[/\\]/g, '__');
    const path = snippet.file === undefined ? join(out, `${document}-${snippet.lines[0] ?? 0}.ts`) : join(out, document, snippet.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${snippet.code}\n`);
    byFile.set(path, snippet);
  }

  const { default: ts } = byFile.size === 0 ? { default: undefined } : await import('typescript');
  const compiled = ts === undefined ? undefined : compile(ts, project, [...byFile.keys()]);
  const diagnostics = compiled?.diagnostics ?? [];
  const reports = [...problems];
  let errors = problems.length;
  for (const diagnostic of ts === undefined ? [] : diagnostics) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').replace(/\n/g, '\n    ');
    const category = diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning';
    if (category === 'error') errors++;
    const snippet = diagnostic.file === undefined ? undefined : byFile.get(resolve(diagnostic.file.fileName));
    if (diagnostic.file === undefined || diagnostic.start === undefined) {
      reports.push(`${category} TS${diagnostic.code}: ${message}`);
    } else if (snippet === undefined) {
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      reports.push(`${relative(root, diagnostic.file.fileName)}:${line + 1}:${character + 1}: ${category} TS${diagnostic.code}: ${message}`);
    } else {
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      const sourceLine = snippet.lines[line] ?? snippet.lines.at(-1) ?? 0;
      const column = character + 1 + (snippet.columns[line] ?? 0);
      reports.push(`${snippet.source}:${sourceLine}:${column}: ${category} TS${diagnostic.code}: ${message}`);
    }
  }
  if (compiled?.program !== undefined && lintSnippets) {
    for (const finding of await lint(compiled.program, root, [...byFile.keys()])) {
      const snippet = byFile.get(finding.file);
      const where = snippet === undefined
        ? `${relative(root, finding.file)}:${finding.line}:${finding.column}`
        : `${snippet.source}:${snippet.lines[finding.line - 1] ?? 0}:${finding.column + (snippet.columns[finding.line - 1] ?? 0)}`;
      reports.push(`${where}: error ${finding.rule}: ${finding.message}`);
      errors++;
    }
  }
  for (const report of reports) console.log(report);
  const summary = `${snippets.length} snippet${snippets.length === 1 ? '' : 's'} checked in ${files.length} file${files.length === 1 ? '' : 's'}, ${skipped} skipped`;
  if (errors > 0) {
    console.error(`check-doc-snippets: ${errors} error${errors === 1 ? '' : 's'} (${summary}); the compiled snippets are in ${relative(process.cwd(), out) || '.'}`);
    return 1;
  }
  console.log(`check-doc-snippets: ok (${summary})`);
  return 0;
}

/**
 * Compiles the snippet files in one program with the settings of `project`.
 *
 * @param {typeof import('typescript')} ts
 * @param {string} project
 * @param {string[]} files
 * @returns {readonly import('typescript').Diagnostic[]}
 */
function compile(ts, project, files) {
  const read = ts.readConfigFile(project, (path) => ts.sys.readFile(path));
  if (read.error !== undefined) return [read.error];
  const config = { ...read.config, files, include: undefined, exclude: undefined, references: undefined };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(project), undefined, project);
  if (parsed.errors.length > 0) return parsed.errors;
  /** @type {import('typescript').CompilerOptions} */
  const options = {
    ...parsed.options,
    noEmit: true,
    noUnusedLocals: false,
    noUnusedParameters: false,
    moduleDetection: ts.ModuleDetectionKind.Force,
    types: ['node', 'mocha'],
    declaration: false,
    sourceMap: false,
    incremental: false,
    composite: false,
  };
  delete options.rootDir;
  delete options.outDir;
  delete options.tsBuildInfoFile;
  const program = ts.createProgram(parsed.fileNames, options);
  return { diagnostics: ts.getPreEmitDiagnostics(program), program };
}

/**
 * Lints the snippets for the mistakes the compiler lets through but the
 * project's lint forbids in real code: awaiting what is not a promise,
 * dropping a promise, passing an async function where a void callback is
 * expected. Reuses the compiled program, so it costs little.
 *
 * @param {import('typescript').Program} program
 * @param {string} cwd
 * @param {string[]} files
 * @returns {Promise<{ file: string, line: number, column: number, rule: string, message: string }[]>}
 */
async function lint(program, cwd, files) {
  const { ESLint } = await import('eslint');
  const { default: tseslint } = await import('typescript-eslint');
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    ignore: false,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser, parserOptions: { programs: [program] } },
        plugins: { '@typescript-eslint': tseslint.plugin },
        rules: lintRules,
        // Only lintRules run here: a directive for another rule (in an example the project's own lint checks) is not "unused".
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
    ],
  });
  const results = await eslint.lintFiles(files);
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: resolve(result.filePath),
      line: message.line,
      column: message.column,
      rule: message.ruleId ?? 'eslint',
      message: message.message,
    })),
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
