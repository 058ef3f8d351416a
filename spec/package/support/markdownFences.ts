/** A fenced code block of a Markdown document. */
export interface Fence {
  /** The language of the info string (`sh`, `json`, `ts`), lower-case. */
  readonly language: string;
  /** The `file=PATH` of the info string, if any. */
  readonly file: string | undefined;
  readonly code: string;
}

/** The fenced code blocks of `markdown`, in order (``` and ~~~ fences). */
export function markdownFences(markdown: string): Fence[] {
  const fences: Fence[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const open = /^\s*(`{3,}|~{3,})\s*([^\s`]*)(.*)$/.exec(lines[index] ?? '');
    if (open === null) continue;
    const [, fence = '', language = '', rest = ''] = open;
    let end = index + 1;
    while (end < lines.length && !new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(lines[end] ?? '')) end++;
    fences.push({ language: language.toLowerCase(), file: /(?:^|\s)file=(\S+)/.exec(rest)?.[1], code: `${lines.slice(index + 1, end).join('\n')}\n` });
    index = end;
  }
  return fences;
}
