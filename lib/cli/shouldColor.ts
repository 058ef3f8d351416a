/**
 * @internal Whether the CLI's text report is coloured, from where it goes
 * and the environment, in this order:
 *
 * 1. `FORCE_COLOR` set to anything but `''`, `0` or `false`: colour, even
 *    into a pipe (CI logs that render colour); `0` or `false`: no colour.
 *    As in Node itself, it beats `NO_COLOR`, being the more specific request.
 * 2. `NO_COLOR` set to any non-empty value (https://no-color.org): no colour.
 * 3. Otherwise colour only on a terminal (`isTTY`) that is not `TERM=dumb`.
 *
 * @param isTTY - `process.stdout.isTTY`.
 * @param env - `process.env`.
 */
export function shouldColor(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (typeof force === 'string' && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  const noColor = env.NO_COLOR;
  if (typeof noColor === 'string' && noColor !== '') return false;
  return isTTY === true && env.TERM !== 'dumb';
}
