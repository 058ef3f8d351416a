import type { FailAfter } from './FailAfter.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { FAIL_AFTER_RULE } from './FlapRule.js';
import type { ServiceInfo } from '../report/ServiceInfo.js';
import { SERVICE_INFO_RULE } from './serviceInfoRule.js';

/**
 * Settings of a {@link HealthService} that apply to every check unless the
 * check's own {@link RegisterOptions} say otherwise. Given to
 * {@link healthModule}, or to the `HealthService` constructor directly.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { healthModule, type HealthServiceOptions } from 'pulsecheck';
 *
 * const options: HealthServiceOptions = { defaultTimeoutMs: 500, defaultCacheTtlMs: 2_000 };
 * new Container().load(healthModule(options));
 * ```
 */
export interface HealthServiceOptions {
  /**
   * Timeout of a check that sets none, in milliseconds (positive, and
   * at most 2,147,483,647: about 24.8 days, the longest delay a timer can hold).
   * @defaultValue {@link DEFAULT_TIMEOUT_MS} (700 ms: a run, backstop included,
   * fits inside a Kubernetes probe's default 1 s `timeoutSeconds`)
   */
  readonly defaultTimeoutMs?: number;
  /**
   * Cache TTL of a check that sets none, in milliseconds; `0` is off
   * (at most 2,147,483,647, like every millisecond option).
   * @defaultValue `0`
   */
  readonly defaultCacheTtlMs?: number;
  /**
   * Whether concurrent runs share the execution of a check that is already
   * in flight, instead of querying the dependency once per caller. A caller
   * can still ask for its own execution with `run({ fresh: true })`. A
   * boolean (anything else is refused with a TypeError).
   * @defaultValue `true`
   */
  readonly singleFlight?: boolean;
  /**
   * Whether a startup report that passed is kept and answered from
   * afterwards (Kubernetes stops calling the startup probe once it passes).
   * A boolean (anything else is refused with a TypeError).
   * @defaultValue `true`
   */
  readonly latchStartup?: boolean;
  /**
   * How many recent executions each check keeps in its history (a ring
   * buffer: the oldest entry goes when a new one comes), read with
   * {@link pulsecheck!HealthService.history | HealthService.history}, written into reports by
   * `run({ history: true })` and drawn by the HTML dashboard. `0` keeps
   * none and costs nothing. A whole number from 0 to
   * {@link MAX_HISTORY_SIZE}.
   * @defaultValue {@link DEFAULT_HISTORY_SIZE} (60: an hour of background
   * rounds a minute apart, or a minute of rounds a second apart)
   */
  readonly historySize?: number;
  /**
   * Flap suppression for a check that sets no `failAfter`: consecutive
   * failures, or time in error, before it counts as failed; see
   * {@link pulsecheck!RegisterOptions.failAfter | RegisterOptions.failAfter} and {@link FailAfter}.
   * @defaultValue `1` (no suppression)
   */
  readonly defaultFailAfter?: FailAfter;
  /**
   * Flap suppression for a check that sets no `recoverAfter`: consecutive
   * executions without failure before a failed check passes again (a
   * positive integer); see {@link pulsecheck!RegisterOptions.recoverAfter | RegisterOptions.recoverAfter}.
   * @defaultValue `1`
   */
  readonly defaultRecoverAfter?: number;
  /**
   * What the service says about itself in every report
   * ({@link pulsecheck!HealthReport.service | HealthReport.service}): the service-level fields of
   * `application/health+json` (draft-inadarei-api-health-check-06), under
   * the draft's names: `version`, `releaseId`, `serviceId`, `description`,
   * `notes` (an array of strings) and `links` (link relations to absolute
   * `http:`/`https:` URIs). health+json writes them at its top level, the
   * detailed JSON as `service`, the HTML dashboard in its header; each at
   * detail `full` only. Checked when the module is made: an unknown field
   * is refused with the draft's names listed; `version`, `releaseId` and
   * `serviceId` are non-empty strings of at most 200 characters,
   * `description` and each note at most 2,000, at most 50 notes and 50
   * links, each link at most 2,048 characters and without a user name or
   * password. The report carries a frozen copy, redacted like every
   * output (a token in a link's query becomes `***`).
   * @defaultValue none (reports carry no `service`)
   *
   * @example
   * ```ts
   * import { Container } from 'inversify';
   * import { HealthService, healthModule } from 'pulsecheck';
   *
   * const container = new Container();
   * container.load(healthModule({
   *   serviceInfo: { version: '2', releaseId: process.env.GIT_SHA ?? 'dev', links: { about: 'https://wiki.example.com/billing-api' } },
   * }));
   * const report = await container.get(HealthService).run();
   * console.log(report.service?.version); // 2
   * ```
   */
  readonly serviceInfo?: ServiceInfo;
}

/**
 * The timeout of a check that sets none and runs under a module that sets
 * no `defaultTimeoutMs`: 700 ms, so a whole run answers within a Kubernetes
 * probe's default 1 s timeout: `probeResponseBudgetMs(700)` is 950 ms, the
 * run's 250 ms backstop included.
 *
 * @example
 * ```ts
 * import { DEFAULT_TIMEOUT_MS } from 'pulsecheck';
 *
 * console.log(DEFAULT_TIMEOUT_MS); // 700
 * ```
 */
export const DEFAULT_TIMEOUT_MS = 700;

/**
 * How many executions each check keeps in its history when the service sets
 * no `historySize`: 60.
 *
 * @example
 * ```ts
 * import { DEFAULT_HISTORY_SIZE } from 'pulsecheck';
 *
 * console.log(DEFAULT_HISTORY_SIZE); // 60
 * ```
 */
export const DEFAULT_HISTORY_SIZE = 60;

/**
 * The largest `historySize` a service accepts: 10,000 entries per check
 * (each holds at most a few hundred bytes).
 *
 * @example
 * ```ts
 * import { MAX_HISTORY_SIZE } from 'pulsecheck';
 *
 * console.log(MAX_HISTORY_SIZE); // 10000
 * ```
 */
export const MAX_HISTORY_SIZE = 10_000;

/**
 * @internal The schema of {@link HealthServiceOptions}: each option's rule,
 * error text and default. `healthModule()` and `PulsecheckModule` spread it
 * into their own schemas (the same rule objects), so a new service option is
 * declared once and validated once, by the function the user called.
 */
export const SERVICE_OPTION_SCHEMA = {
  historySize: optionRules.withDefault(optionRules.wholeNumber(0, MAX_HISTORY_SIZE), DEFAULT_HISTORY_SIZE),
  defaultTimeoutMs: optionRules.withDefault(optionRules.positiveMs, DEFAULT_TIMEOUT_MS),
  defaultCacheTtlMs: optionRules.withDefault(optionRules.nonNegativeMs, 0),
  singleFlight: optionRules.withDefault(optionRules.boolean, true),
  latchStartup: optionRules.withDefault(optionRules.boolean, true),
  defaultFailAfter: FAIL_AFTER_RULE,
  defaultRecoverAfter: optionRules.count,
  serviceInfo: SERVICE_INFO_RULE,
} as const satisfies OptionSchema<HealthServiceOptions>;
