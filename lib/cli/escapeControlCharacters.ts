/**
 * Every character a terminal may act on instead of showing: C0 controls
 * (ESC starts colour, cursor and title sequences; CR overwrites a line),
 * DEL, C1 controls (CSI `\u009b` is ESC [ on many terminals), the Unicode
 * line and paragraph separators, and the bidirectional overrides and
 * isolates that reorder what a reader sees ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const inLine = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, except line feed and tab: the layout of a multi-line document. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const inDocument = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** @internal Where the text goes, which decides what may stay and how an escape is spelled. */
export type EscapeContext =
  /** One line of a terminal report: every control character, line feed and tab included, becomes `\u001b`-style text. */
  | 'line'
  /** A multi-line document (the text report, stderr, JSON, HTML): line feeds and tabs stay, the rest becomes `\u001b`. */
  | 'document'
  /**
   * Prometheus or OpenMetrics text, where such characters can only occur in
   * quoted label values: they become `\\u001b`, an escaped backslash, so the
   * exposition stays valid and the label reads `\u001b`.
   */
  | 'exposition';

/**
 * @internal Makes text safe to echo to a terminal: each control character
 * (see above) is replaced by its visible escape, `\u001b` for ESC, so that a
 * check name or error message can neither colour, move, clear nor retitle
 * the terminal, forge another line, nor hide text. In JSON output the escape
 * is a valid JSON escape of the same character, so the document still means
 * the same. Runs in linear time.
 *
 * @param text - What is about to be printed.
 * @param context - Where it is printed; see {@link EscapeContext}.
 */
export function escapeControlCharacters(text: string, context: EscapeContext): string {
  const backslash = context === 'exposition' ? '\\\\' : '\\';
  return text.replace(context === 'line' ? inLine : inDocument, (character) => `${backslash}u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
