import { escapeHtml } from '../escapeHtml.js';
import { cleanText } from './cleanText.js';

/**
 * Whether `text` holds a character at or above U+0590: every right-to-left
 * letter (Hebrew, Arabic, Syriac, Thaana, N'Ko and the rest) and every bidi
 * control (U+061C, U+200E/U+200F marks, U+202A–U+202E embeddings and
 * overrides, U+2066–U+2069 isolates) is there. Text below it (Latin, Greek,
 * Cyrillic, Armenian, digits, punctuation) cannot reorder an English page.
 */
function mayReorder(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) >= 0x0590) return true;
  return false;
}

/**
 * @internal Text a check or a report controls, as page markup: cleaned
 * ({@link cleanText}), HTML-escaped, and, when it holds a right-to-left
 * letter or a bidi control (anything from U+0590 on), isolated in a `<bdi>`
 * element, so that neither can reorder the page text around it (an isolate
 * ends every embedding and override opened inside it: U+202E in a message
 * stays inside that message).
 */
export function pageText(value: string | number | boolean): string {
  const text = escapeHtml(cleanText(value));
  return mayReorder(text) ? `<bdi>${text}</bdi>` : text;
}
