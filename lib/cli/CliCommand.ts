import type { Probe } from '../core/Probe.js';

/** @internal The output formats of the CLI. */
export const cliFormats = ['text', 'json', 'html', 'health+json', 'openmetrics', 'prometheus'] as const;

/** @internal One output format of the CLI. */
export type CliFormat = (typeof cliFormats)[number];

/** @internal What the command line asks for, parsed and validated. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'run';
      /** The module path, as given (resolved against the working directory later). */
      readonly module: string;
      readonly tags: readonly string[] | undefined;
      readonly names: readonly string[] | undefined;
      readonly probe: Probe | undefined;
      readonly format: CliFormat;
      readonly timeoutMs: number | undefined;
      /** The limit on loading the module (`--load-timeout-ms`), when given. */
      readonly loadTimeoutMs: number | undefined;
    };
