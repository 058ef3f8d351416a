#!/usr/bin/env node
/**
 * @internal The `pulsecheck` command (package.json `bin`): runs the health
 * checks of a module once, for exec probes (Kubernetes, Docker HEALTHCHECK)
 * and terminals. See `pulsecheck --help`.
 *
 * Exits explicitly once the report is printed, so a hung check (or any
 * socket the module left open) cannot keep the process alive.
 *
 * @packageDocumentation
 */
import { runCli } from './runCli.js';
import { shouldColor } from './shouldColor.js';

const outcome = await runCli(process.argv.slice(2), process.cwd(), { color: shouldColor(process.stdout.isTTY, process.env) });
await write(process.stdout, outcome.stdout);
await write(process.stderr, outcome.stderr);
process.exit(outcome.exitCode);

/** Writes and waits until the text is handed to the OS, so exit() loses nothing (pipes are async on some platforms). */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve) => {
    stream.write(text, () => {
      resolve();
    });
  });
}
