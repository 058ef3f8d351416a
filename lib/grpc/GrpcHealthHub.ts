import { status as grpcStatus, type sendUnaryData, type ServerUnaryCall, type ServerWritableStream } from '@grpc/grpc-js';
import { buildReport } from '../core/buildReport.js';
import type { HealthService } from '../core/HealthService.js';
import type { RunOptions } from '../core/RunOptions.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import type { HealthCheckRequest, HealthCheckResponse, ServingStatus } from './healthProto.js';
import type { RunBudget } from './runBudget.js';

/** @internal One service name the health service answers. */
export interface ServiceEntry {
  readonly options: RunOptions;
  readonly budget: RunBudget;
  /** Whether it answers `NOT_SERVING` during shutdown (every name but liveness and startup). */
  readonly gated: boolean;
}

/**
 * @internal Time kept between a `Check` answered early (the caller's deadline
 * is shorter than a fresh run) and the caller's deadline, for the answer to
 * travel back (and for a late timer on a busy event loop): this, or a fifth
 * of the time left if that is more.
 */
export const DEADLINE_MARGIN_MS = 20;

/** How long before the caller's deadline (`remainingMs` from now) an early answer is written. */
function marginOf(remainingMs: number): number {
  return Math.max(DEADLINE_MARGIN_MS, remainingMs / 5);
}

type Watch = ServerWritableStream<HealthCheckRequest, HealthCheckResponse>;

interface Watcher {
  readonly call: Watch;
  /** The status last written to it (undefined before the first). */
  last: ServingStatus | undefined;
}

/**
 * @internal The `grpc.health.v1.Health` implementation over one
 * {@link HealthService}: `Check` answers from a run (or, under a short
 * deadline, from the latest known statuses), and every `Watch` stream is fed
 * from ONE status-change subscription, whatever the number of streams.
 */
export class GrpcHealthHub {
  readonly #service: HealthService;
  readonly #entries: ReadonlyMap<string, ServiceEntry>;
  /** The latest result of each check, by name, as its status changes reported it. */
  readonly #latest = new Map<string, CheckResult>();
  /** Open Watch streams by service name (unknown names included: they answer SERVICE_UNKNOWN). */
  readonly #watchers = new Map<string, Set<Watcher>>();
  readonly #unsubscribe: () => void;
  #flushQueued = false;
  #shutdownSeen = false;
  #closed = false;
  #count = 0;

  constructor(service: HealthService, entries: ReadonlyMap<string, ServiceEntry>) {
    this.#service = service;
    this.#entries = entries;
    this.#unsubscribe = service.onStatusChange((check) => {
      this.#latest.set(check.name, check);
      this.#queueFlush();
    });
  }

  get watchers(): number {
    return this.#count;
  }

  /** The unary `Check` method. */
  check(call: ServerUnaryCall<HealthCheckRequest, HealthCheckResponse>, callback: sendUnaryData<HealthCheckResponse>): void {
    const name = call.request.service;
    const entry = this.#entries.get(name);
    if (entry === undefined) {
      callback({ code: grpcStatus.NOT_FOUND, details: `unknown service name ${JSON.stringify(name.slice(0, 200))} (known: ${this.#known()})` });
      return;
    }
    if (this.#closedByShutdown(entry)) {
      callback(null, { status: 'NOT_SERVING' });
      return;
    }
    const remainingMs = remainingOf(call.getDeadline());
    const running = this.#service.run(entry.options);
    if (remainingMs >= entry.budget.ms + marginOf(remainingMs)) {
      running.then(
        (report) => {
          this.#learn(report);
          callback(null, { status: servingStatusOf(report) });
        },
        (error: unknown) => {
          callback({ code: grpcStatus.INTERNAL, details: `pulsecheck: ${error instanceof Error ? error.message : String(error)}` });
        },
      );
      return;
    }
    // The caller cannot wait for a fresh run: answer from the run if it settles in time (cached or
    // background results settle at once), else from the latest known statuses, before the deadline.
    let answered = false;
    const answer = (status: ServingStatus): void => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      callback(null, { status });
    };
    const timer = setTimeout(
      () => {
        answer(this.#knownStatus(entry) ?? 'UNKNOWN');
      },
      Math.max(0, remainingMs - marginOf(remainingMs)),
    );
    running.then(
      (report) => {
        this.#learn(report);
        answer(servingStatusOf(report));
      },
      () => {
        answer(this.#knownStatus(entry) ?? 'UNKNOWN');
      },
    );
  }

  /** The server-streaming `Watch` method. */
  watch(call: Watch): void {
    if (this.#closed) {
      call.end();
      return;
    }
    const name = call.request.service;
    const entry = this.#entries.get(name);
    const watcher: Watcher = { call, last: undefined };
    let set = this.#watchers.get(name);
    if (set === undefined) this.#watchers.set(name, (set = new Set()));
    set.add(watcher);
    this.#count += 1;
    const remove = (): void => {
      if (!set.delete(watcher)) return;
      this.#count -= 1;
      if (set.size === 0) this.#watchers.delete(name);
    };
    call.once('cancelled', remove);
    call.once('error', remove);
    call.once('close', remove);
    if (entry === undefined) {
      write(watcher, 'SERVICE_UNKNOWN');
      return;
    }
    const known = this.#knownStatus(entry);
    if (known !== undefined) {
      write(watcher, known);
      return;
    }
    // Nothing known yet: one run (shared with any other in flight) gives the current status.
    this.#service.run(entry.options).then(
      (report) => {
        this.#learn(report);
        if (watcher.last === undefined && set.has(watcher)) write(watcher, this.#knownStatus(entry) ?? servingStatusOf(report));
      },
      () => {
        if (watcher.last === undefined && set.has(watcher)) write(watcher, 'UNKNOWN');
      },
    );
  }

  beginShutdown(): void {
    this.#service.beginShutdown();
    this.#queueFlush();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe();
    for (const set of [...this.#watchers.values()]) {
      const watchers = [...set];
      set.clear(); // before end(): the streams' close events then find nothing to remove
      for (const watcher of watchers) watcher.call.end();
    }
    this.#watchers.clear();
    this.#count = 0;
  }

  /** Whether `entry` answers NOT_SERVING because the service is shutting down (and, the first time, tells the watchers). */
  #closedByShutdown(entry: ServiceEntry): boolean {
    if (!this.#service.shuttingDown) return false;
    if (!this.#shutdownSeen) {
      this.#shutdownSeen = true;
      this.#queueFlush();
    }
    return entry.gated;
  }

  /**
   * Fills in the checks a report has and no status change has told of yet:
   * those whose status has not changed since before the subscription (their
   * first execution came earlier, e.g. in background mode started first).
   */
  #learn(report: HealthReport): void {
    for (const check of report.checks) if (!this.#latest.has(check.name)) this.#latest.set(check.name, check);
  }

  /** The status of `entry` from the latest known results, or undefined while a selected check has none. */
  #knownStatus(entry: ServiceEntry): ServingStatus | undefined {
    if (entry.gated && this.#service.shuttingDown) return 'NOT_SERVING';
    const results: CheckResult[] = [];
    for (const name of entry.budget.checks) {
      const result = this.#latest.get(name);
      if (result === undefined) return undefined;
      results.push(result);
    }
    return servingStatusOf(buildReport(Date.now(), 0, results));
  }

  /** Status changes of one turn are written together, once, after the run that produced them. */
  #queueFlush(): void {
    if (this.#flushQueued || this.#watchers.size === 0) return;
    this.#flushQueued = true;
    queueMicrotask(() => {
      this.#flushQueued = false;
      if (this.#service.shuttingDown) this.#shutdownSeen = true;
      for (const [name, set] of this.#watchers) {
        const entry = this.#entries.get(name);
        const status = entry === undefined ? undefined : this.#knownStatus(entry);
        if (status === undefined) continue;
        for (const watcher of set) if (watcher.last !== status) write(watcher, status);
      }
    });
  }

  #known(): string {
    return [...this.#entries.keys()].map((name) => JSON.stringify(name)).join(', ');
  }
}

function write(watcher: Watcher, status: ServingStatus): void {
  watcher.last = status;
  watcher.call.write({ status });
}

/** `pass` and `warn` serve; `fail` does not. */
function servingStatusOf(report: HealthReport): ServingStatus {
  return report.status === 'fail' ? 'NOT_SERVING' : 'SERVING';
}

/** Milliseconds left before a grpc-js deadline (Infinity when the caller set none). */
function remainingOf(deadline: Date | number): number {
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(at) ? at - Date.now() : Number.POSITIVE_INFINITY;
}
