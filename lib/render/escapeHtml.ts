const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * @internal Escapes the five characters that are special in HTML text and in
 * quoted attribute values (`& < > " '`), so that any string (a check name, a
 * message, a tag, an observation) can be placed in either without changing
 * the markup around it.
 */
export function escapeHtml(value: string | number | boolean): string {
  return String(value).replace(/[&<>"']/g, (character) => entities[character] ?? character);
}
