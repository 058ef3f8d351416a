import { BACKSTOP_GRACE_MS } from '../core/backstopGraceMs.js';
import { cliFormats } from './CliCommand.js';

/** The --format choices (from the format table), wrapped under the flag's description column. */
const formatList = wrap(`${cliFormats.map((format, index) => (index === 0 ? `${format} (default)` : format)).join(', ')}.`, 56, ' '.repeat(24));

/** @internal The text of `pulsecheck --help`. */
export const usage = `Usage: pulsecheck --module <path> [options]

Runs the health checks of a module once, prints the report, and exits
0 when it passes or warns, 1 when it fails, 2 on a usage or loading error
(a module that takes longer than the load timeout to load included).
A critical check that failAfter would soften exits 1 too: each run is a new
process, so the streak cannot grow (use the probe's failureThreshold).
Secrets are redacted and control characters escaped in all it prints.
The text report is coloured on a terminal, plain when piped or when
NO_COLOR is set; FORCE_COLOR=1 colours it anyway, FORCE_COLOR=0 never.

Commands (see pulsecheck <command> --help):
  pulsecheck openapi --module <path>   Print an OpenAPI 3.1 document of the
                                       health endpoints (JSON, or --yaml).
  pulsecheck postman --module <path> --base-url <url>
                                       Write a Postman collection that monitors them.
  pulsecheck verify-probes <manifest.yaml> --module <path>
                                       Check the probes of Kubernetes workloads
                                       against the module's checks.

Options:
  -m, --module <path>   The module to load, relative to the current directory
                        (required). It exports 'health' (or a default export):
                        a HealthService, an Inversify Container with
                        healthModule() loaded, or a function (may be async)
                        returning one. A module with neither export has the
                        checks it registers with @registerHealthCheck() run.
      --tags <a,b>      Only checks with at least one of these tags (a tag no
                        check has is an error, like an unknown name).
      --names <A,B>     Only the checks with these names.
      --probe <probe>   Only the checks of a probe: liveness, readiness, startup.
      --format <fmt>    ${formatList}
      --json            Same as --format json: the detailed report as one JSON
                        document, for scripts (never coloured).
      --timeout-ms <n>  Time limit: checks without their own timeout get n ms
                        (when pulsecheck builds the service); the run is given
                        up after n ms (plus ${BACKSTOP_GRACE_MS} ms, to report checks that time
                        out at n ms), exiting 1.
      --load-timeout-ms <n>
                        Time limit on loading the module (its import, top-level
                        awaits, and the function it exports): past it, exit 2.
                        Default: --timeout-ms if given, else 10000.
  -h, --help            Show this help.
  -v, --version         Show the version.

Examples:
  pulsecheck --module ./dist/health.js
  pulsecheck -m ./dist/health.js --probe readiness --json
  pulsecheck -m ./dist/health.js --tags db,cache --timeout-ms 2000
`;

/** Greedy word wrap to `width` columns, continuation lines indented by `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join(`\n${indent}`);
}
