/** A fenced code block of a Markdown document. */
export interface Fence {
  /** The language of the info string (`sh`, `json`, `ts`), lower-case. */
  readonly language: string;
  /** The `file=PATH` of the info string, if any. */
  readonly file: string | undefined;
  readonly code: string;
  /** The 1-based line of the opening fence in the document. */
  readonly line: number;
  /**
   * Whether the block opted out of compilation, as scripts/check-doc-snippets.mjs
   * reads it: `ignore` in the info string, or `<!-- snippet: skip -->` on the line before.
   */
  readonly skipped: boolean;
}

/** The fenced code blocks of `markdown`, in order (``` and ~~~ fences). */
export function markdownFences(markdown: string): Fence[] {
  const fences: Fence[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)(.*)$/.exec(lines[index] ?? '');
    if (open === null) continue;
    const [, indent = '', fence = '', language = '', rest = ''] = open;
    let end = index + 1;
    while (end < lines.length && !new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(lines[end] ?? '')) end++;
    const previous = lines.slice(0, index).findLast((line) => line.trim() !== '');
    const skipped = rest.trim().split(/\s+/).includes('ignore') || (previous !== undefined && /^\s*<!--\s*snippet:\s*skip\b.*-->\s*$/.test(previous));
    const body = lines.slice(index + 1, end).map((line) => line.slice(Math.min(indent.length, line.length - line.trimStart().length)));
    fences.push({ language: language.toLowerCase(), file: /(?:^|\s)file=(\S+)/.exec(rest)?.[1], code: `${body.join('\n')}\n`, line: index + 1, skipped });
    index = end;
  }
  return fences;
}
