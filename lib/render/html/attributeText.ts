import { escapeHtml } from '../escapeHtml.js';
import { cleanText } from './cleanText.js';

/**
 * @internal Text a check or a report controls, as a quoted attribute value
 * (a tooltip, an accessible name): cleaned ({@link cleanText}) and
 * HTML-escaped. An attribute's text is laid out on its own, so its bidi
 * controls reorder nothing outside it.
 */
export function attributeText(value: string | number | boolean): string {
  return escapeHtml(cleanText(value));
}
