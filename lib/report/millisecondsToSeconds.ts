/**
 * Milliseconds as seconds, moving the decimal point instead of dividing:
 * `1.507 / 1000` is `0.0015069999999999999` (the double nearest to the
 * quotient, printed in full), while the double nearest to the decimal
 * `0.001507` prints as `0.001507`. Report durations are kept to the
 * microsecond, so the shifted decimal is the intended value; exposition
 * formats then print the shortest decimal that reads back as that value.
 *
 * @internal
 * @param ms - A number of milliseconds.
 * @returns The same duration in seconds (NaN and the infinities as they are).
 */
export function millisecondsToSeconds(ms: number): number {
  if (!Number.isFinite(ms)) return ms;
  // A whole number of microseconds (every report duration) below 1e9 ms: its shortest decimal is exactly
  // micros / 1000, so the shifted decimal is micros / 10^6, and dividing two exact integers rounds to the same
  // double as parsing it would; no string is made. (0 goes the string way: -0 reads back as 0.)
  const micros = Math.round(ms * 1000);
  if (micros !== 0 && micros / 1000 === ms && Math.abs(ms) < 1e9) return micros / 1e6;
  const text = String(ms); // e.g. "1.507", "1e-7", "5e+21"
  const exponent = text.indexOf('e');
  return exponent === -1 ? Number(`${text}e-3`) : Number(`${text.slice(0, exponent)}e${Number(text.slice(exponent + 1)) - 3}`);
}
