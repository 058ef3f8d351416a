import { expect } from 'chai';
import { CliError } from '#lib/cli/CliError.js';
import { parseArguments } from '#lib/cli/parseArguments.js';

const usageError = (argv: string[]): CliError => {
  try {
    parseArguments(argv);
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
};

describe('parseArguments', () => {
  it('reads --module alone, with text output and no selection', () => {
    expect(parseArguments(['--module', './dist/health.js'])).to.deep.equal({
      kind: 'run',
      module: './dist/health.js',
      tags: undefined,
      names: undefined,
      probe: undefined,
      format: 'text',
      timeoutMs: undefined,
      loadTimeoutMs: undefined,
    });
  });

  it('reads every option, in long, short and = forms', () => {
    expect(parseArguments(['-m', 'h.js', '--tags=ready,db', '--names', 'A,B', '--probe', 'readiness', '--format', 'health+json', '--timeout-ms', '1500', '--load-timeout-ms=5000'])).to.deep.equal({
      kind: 'run',
      module: 'h.js',
      tags: ['ready', 'db'],
      names: ['A', 'B'],
      probe: 'readiness',
      format: 'health+json',
      timeoutMs: 1500,
      loadTimeoutMs: 5000,
    });
  });

  it('merges repeated --tags and --names, trims and de-duplicates them', () => {
    const command = parseArguments(['-m', 'h.js', '--tags', 'a, b', '--tags', 'b,c', '--names', 'X', '--names', 'Y']);
    expect(command).to.include({ kind: 'run' });
    expect(command.kind === 'run' ? [command.tags, command.names] : undefined).to.deep.equal([
      ['a', 'b', 'c'],
      ['X', 'Y'],
    ]);
  });

  it('accepts --probe and --format in any case', () => {
    const command = parseArguments(['-m', 'h.js', '--probe', 'Liveness', '--format', 'JSON']);
    expect(command.kind === 'run' ? [command.probe, command.format] : undefined).to.deep.equal(['liveness', 'json']);
  });

  it('takes --json as --format json, for scripts', () => {
    for (const argv of [['-m', 'h.js', '--json'], ['-m', 'h.js', '--json', '--format', 'json'], ['-m', 'h.js', '--format', 'JSON', '--json']]) {
      const command = parseArguments(argv);
      expect(command.kind === 'run' ? command.format : undefined, argv.join(' ')).to.equal('json');
    }
  });

  it('rejects --json with another --format, naming both', () => {
    expect(() => parseArguments(['-m', 'h.js', '--json', '--format', 'html'])).to.throw(/--json asks for JSON, but --format asks for 'html'/);
  });

  it('lets --help and --version win over everything else, even a missing --module', () => {
    expect(parseArguments(['--help'])).to.deep.equal({ kind: 'help' });
    expect(parseArguments(['-h', '--format', 'json'])).to.deep.equal({ kind: 'help' });
    expect(parseArguments(['--version'])).to.deep.equal({ kind: 'version' });
    expect(parseArguments(['-v', '-m', 'h.js'])).to.deep.equal({ kind: 'version' });
  });

  describe('having bad arguments', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown long flag', ['-m', 'h.js', '--verbose'], /^unknown option '--verbose'$/],
      ['an unknown short flag', ['-m', 'h.js', '-x'], /^unknown option '-x'$/],
      ['a positional argument', ['h.js'], /^unexpected argument 'h\.js' \(give the module with --module <path>\)$/],
      ['no --module', [], /^missing --module <path>/],
      ['an empty --module', ['--module', ' '], /^missing --module <path>/],
      ['--module without a value', ['--module'], /--module <value>' argument missing/],
      ['an empty --tags entry', ['-m', 'h.js', '--tags', 'a,,b'], /^--tags needs a comma-separated list of non-empty names, got 'a,,b'$/],
      ['an empty --names', ['-m', 'h.js', '--names='], /^--names needs a comma-separated list/],
      ['an unknown probe', ['-m', 'h.js', '--probe', 'ready'], /^--probe must be one of liveness, readiness, startup, got 'ready'$/],
      ['an unknown format', ['-m', 'h.js', '--format', 'yaml'], /^--format must be one of text, json, html, health\+json, openmetrics, prometheus, got 'yaml'$/],
      ['a non-numeric timeout', ['-m', 'h.js', '--timeout-ms', '1s'], /^--timeout-ms must be a whole number of milliseconds from 1 to 2147483647, got '1s'$/],
      ['a zero timeout', ['-m', 'h.js', '--timeout-ms', '0'], /got '0'$/],
      ['a fractional timeout', ['-m', 'h.js', '--timeout-ms', '1.5'], /got '1\.5'$/],
      ['a timeout too large for a timer', ['-m', 'h.js', '--timeout-ms', '2147483648'], /got '2147483648'$/],
      ['a non-numeric load timeout', ['-m', 'h.js', '--load-timeout-ms', '10s'], /^--load-timeout-ms must be a whole number of milliseconds from 1 to 2147483647, got '10s'$/],
      ['a zero load timeout', ['-m', 'h.js', '--load-timeout-ms', '0'], /^--load-timeout-ms must be .* got '0'$/],
      ['a load timeout too large for a timer', ['-m', 'h.js', '--load-timeout-ms', '3000000000'], /^--load-timeout-ms must be .* got '3000000000'$/],
    ];
    for (const [what, argv, message] of cases) {
      it(`throws a usage error (exit 2, with the --help hint) for ${what}`, () => {
        const error = usageError(argv);
        expect(error.message).to.match(message);
        expect(error.exitCode).to.equal(2);
        expect(error.usage).to.equal(true);
      });
    }
  });
});
