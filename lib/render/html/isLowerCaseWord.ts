/** @internal Whether `text` is one word of ASCII lower-case letters (`clients`, not `MiB` nor `req/s`). */
export function isLowerCaseWord(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x61 || code > 0x7a) return false;
  }
  return true;
}
