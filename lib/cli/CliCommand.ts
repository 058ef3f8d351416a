import type { Probe } from '../core/Probe.js';
import { FORMAT_NAMES, type FormatName } from '../render/formats.js';

/** @internal One output format of the CLI: the text report, or a format of the format table. */
export type CliFormat = 'text' | FormatName;

/**
 * @internal The output formats of the CLI: `text` (the default), then every
 * format of the format table ({@link FORMAT_NAMES}), JSON first. A format
 * added to the table is a `--format` choice without an edit here.
 */
export const cliFormats: readonly CliFormat[] = Object.freeze(['text', 'json', ...FORMAT_NAMES.filter((name) => name !== 'json')]);

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
