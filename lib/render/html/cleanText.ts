/** C0 controls other than tab, line feed and carriage return, DEL, the C1 controls, and lone surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafe = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * @internal Text a check or a report controls, made fit for a page: NUL
 * (which the HTML parser drops or turns into U+FFFD depending on where it
 * stands), the other control characters and lone surrogates become U+FFFD
 * (�), a visible marker. Linear time: one pass of a pattern without
 * repetition.
 */
export function cleanText(value: string | number | boolean): string {
  return String(value).replace(unsafe, '\ufffd');
}
