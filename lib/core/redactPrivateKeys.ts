import { REDACTED } from './redactedMarker.js';

/** The armor line opening a private-key block: PEM (`RSA`, `EC`, `DSA`, `ENCRYPTED`, PKCS#8), OpenSSH, PuTTY-style and PGP. */
const begin = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;

/** Where an armor line ends: the five dashes after its label. */
const armorEnd = '-----';

/**
 * Replaces the body of every private-key block (`-----BEGIN … PRIVATE KEY-----`
 * to `-----END … PRIVATE KEY-----`, whatever separates its lines: line
 * breaks, spaces, or the `\n` escapes of a JSON string) with `***`, keeping
 * the armor lines so the message still says what it was. A block without its
 * END line (cut off) is redacted to the end of the text. Linear in the
 * length of the text: each block is found with one `indexOf` from where the
 * last one ended.
 *
 * @param text - The text to redact.
 * @returns `text` itself when it holds no private-key block.
 * @internal
 */
export function redactPrivateKeys(text: string): string {
  if (!text.includes('PRIVATE KEY')) return text;
  let out = '';
  let copied = 0;
  begin.lastIndex = 0;
  for (let match = begin.exec(text); match !== null; match = begin.exec(text)) {
    const bodyStart = match.index + match[0].length;
    const end = text.indexOf('-----END', bodyStart);
    if (end === -1) {
      out += text.slice(copied, bodyStart) + REDACTED;
      copied = text.length;
      break;
    }
    const close = text.indexOf(armorEnd, end + 8);
    const blockEnd = close === -1 ? text.length : close + armorEnd.length;
    out += `${text.slice(copied, bodyStart)}${REDACTED}${text.slice(end, blockEnd)}`;
    copied = blockEnd;
    begin.lastIndex = blockEnd;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
