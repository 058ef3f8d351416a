/**
 * @internal An error the CLI reports on stderr and exits with: a usage
 * error (bad or missing flag; followed by a hint to run `--help`), a load
 * error (the module is missing, throws, or exports nothing usable), both
 * exit 2, or a deadline that passed (exit 1).
 */
export class CliError extends Error {
  override name = 'CliError';

  /**
   * @param message - One line, shown after `pulsecheck: `.
   * @param exitCode - The process exit code.
   * @param usage - Whether to add the hint to run `pulsecheck --help`.
   */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
    readonly usage = false,
  ) {
    super(message);
  }
}
