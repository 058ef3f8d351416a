import { escapeHtml } from '../escapeHtml.js';
import { cleanText } from './cleanText.js';

/**
 * @internal Text a check or a report controls, as page markup: cleaned
 * ({@link cleanText}), HTML-escaped, and isolated in a `<bdi>` element, so
 * that neither right-to-left letters nor bidi controls in it (U+202A–U+202E
 * embeddings and overrides, U+2066–U+2069 isolates, U+200E/U+200F marks)
 * can reorder the page text around it: an isolate ends every embedding and
 * override opened inside it.
 */
export function pageText(value: string | number | boolean): string {
  return `<bdi>${escapeHtml(cleanText(value))}</bdi>`;
}
