// Renders the results of `run.js` as docs/benchmarks.md.
import { libraries } from './adapters/index.js';

const peers = ['nest', 'nest-updown', 'adonis'];
const labelOf = (key) => libraries[key]?.label ?? key;

function fmt(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (typeof value !== 'number') return String(value);
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function ratio(a, b) {
  return b > 0 ? `${fmt(a / b, 2)}×` : '–';
}

function mib(bytes) {
  return bytes === undefined || bytes === null ? '–' : `${fmt(bytes / 2 ** 20, 2)} MiB`;
}

function signedMib(bytes) {
  return bytes === undefined || bytes === null ? '–' : `${bytes >= 0 ? '+' : ''}${fmt(bytes / 2 ** 20, 2)} MiB`;
}

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

const yes = (ok) => (ok ? '**met**' : '**not met**');

function bars(results) {
  const out = [];
  const s = results.scenarios;
  if (s.aggregation !== undefined) {
    for (const mode of ['pass', 'half']) {
      const at100 = s.aggregation.rows.filter((row) => row.n === 100 && row.mode === mode);
      const pc = at100.find((row) => row.key === 'pulsecheck');
      const fastest = at100.filter((row) => peers.includes(row.key)).sort((a, b) => b.runsPerCpuSec - a.runsPerCpuSec)[0];
      const withTimeout = at100.find((row) => row.key === 'nest');
      out.push([
        `1. ≥ 2× the throughput of the fastest peer at 100 checks (${mode === 'pass' ? 'all passing' : 'half failing'})`,
        `${fmt(pc.runsPerCpuSec, 0)} runs per CPU-second vs ${fmt(fastest.runsPerCpuSec, 0)} (${labelOf(fastest.key)}, no timeout): ${ratio(pc.runsPerCpuSec, fastest.runsPerCpuSec)}; ` +
          `vs the peer with per-check timeouts (${labelOf('nest')}): ${ratio(pc.runsPerCpuSec, withTimeout.runsPerCpuSec)}. ${fmt(pc.usPerCheck, 2)} µs per check, ${fmt(pc.overheadUsPerCheck, 2)} µs over a bare Promise.allSettled`,
        yes(pc.runsPerCpuSec >= 2 * fastest.runsPerCpuSec),
      ]);
    }
  }
  if (s.concurrency !== undefined) {
    const pc = s.concurrency.rows.find((row) => row.key === 'pulsecheck');
    out.push([
      `2. 10 checks of ${s.concurrency.sleepMs} ms: wall time within 5 ms of ${s.concurrency.sleepMs} ms`,
      `median ${fmt(pc.medianMs, 2)} ms (p90 ${fmt(pc.p90Ms, 2)}, max ${fmt(pc.maxMs, 2)})`,
      yes(pc.medianMs <= s.concurrency.sleepMs + 5),
    ]);
  }
  if (s.hang !== undefined) {
    const pc = s.hang.rows.find((row) => row.lib === 'pulsecheck');
    const hang = pc.phases.hang;
    const heapGrowth = pc.memory.heapEndOfHang - pc.memory.heapEarlyHang;
    const handleGrowth = pc.handles.endOfHang - pc.handles.earlyHang;
    out.push([
      `3a. hung PostgreSQL: every response within the timeout (${pc.timeoutMs} ms) + 20 ms`,
      `client-side: ${pc.hangWithinTimeoutPlus20}/${pc.hangUndisturbed} within ${pc.timeoutMs + 20} ms (max ${fmt(hang.maxMs, 1)} ms, ${hang.unanswered} unanswered; ` +
        `${pc.hangDisturbedByGc.length} more overlapped the forced GC of the memory sample); ` +
        `server-side: ${pc.serverSide.withinTimeoutPlus20}/${pc.serverSide.requests}, max ${fmt(pc.serverSide.maxMs, 1)} ms; the endpoint's event loop ran up to ${fmt(pc.serverSide.eventLoopDelayMs?.max, 1)} ms late meanwhile (p99 ${fmt(pc.serverSide.eventLoopDelayMs?.p99, 1)})`,
      yes(pc.hangWithinTimeoutPlus20 === pc.hangUndisturbed && hang.unanswered === 0),
    ]);
    out.push([
      '3b. memory and open handles flat during the hang (after GC, from 5 s into the hang to its end)',
      `heap ${signedMib(heapGrowth)}, handles ${pc.handles.earlyHang} → ${pc.handles.endOfHang}`,
      yes(heapGrowth < 1024 * 1024 && handleGrowth <= 0),
    ]);
    out.push([
      '3c. full recovery on the first probe after PostgreSQL answers again',
      `first probe: HTTP ${pc.recovery.firstProbeStatus} in ${fmt(pc.recovery.firstProbeMs, 1)} ms`,
      yes(pc.recovery.firstProbeStatus === 200),
    ]);
  }
  if (s.storm !== undefined) {
    const pc = s.storm.counts.find((row) => row.key === 'pulsecheck');
    out.push([
      `4a. single-flight: ${s.storm.probes} concurrent probes query each dependency once, not ${s.storm.probes} times`,
      `in-process (${s.storm.probes} concurrent run()): pg ${pc.inProcess.pg}, redis ${pc.inProcess.redis}, amqp ${pc.inProcess.amqp}; over HTTP (${s.storm.probes} concurrent GETs): pg ${pc.http.pg}, redis ${pc.http.redis}, amqp ${pc.http.amqp}`,
      pc.inProcess.pg === 1 && pc.inProcess.redis === 1 && pc.inProcess.amqp === 1
        ? pc.http.pg === 1 && pc.http.redis === 1 && pc.http.amqp === 1
          ? '**met**'
          : '**met** in-process; over HTTP the probes arrive spread out (see below)'
        : '**not met**',
    ]);
    const cached = s.storm.throughput.find((row) => row.key === 'pulsecheck-cached');
    const constant = s.storm.throughput.find((row) => row.key === 'constant');
    const asyncRef = s.storm.throughput.find((row) => row.key === 'constant-async');
    out.push([
      '4b. with caching, ≥ 80% of the requests per second of a bare node:http constant handler',
      `wall clock: ${fmt(cached.rps, 0)} vs ${fmt(constant.rps, 0)} req/s, ${fmt(100 * cached.ratioToConstant, 1)}%; ` +
        `per CPU-second of the endpoint process: ${fmt(cached.rpsPerCpuSec, 0)} vs ${fmt(constant.rpsPerCpuSec, 0)}, ${fmt(100 * cached.cpuRatioToConstant, 1)}% ` +
        `(${fmt(cached.cpuUsPerRequest, 1)} vs ${fmt(constant.cpuUsPerRequest, 1)} CPU-µs per request)` +
        (asyncRef === undefined ? '' : `; a constant answered from an async function reaches ${fmt(100 * asyncRef.ratioToConstant, 1)}% / ${fmt(100 * asyncRef.cpuRatioToConstant, 1)}%`),
      cached.ratioToConstant >= 0.8 && cached.cpuRatioToConstant >= 0.8
        ? '**met**'
        : cached.ratioToConstant >= 0.8 || cached.cpuRatioToConstant >= 0.8
          ? `**met** ${cached.ratioToConstant >= 0.8 ? 'by wall clock' : 'per CPU-second'} only`
          : '**not met**',
    ]);
  }
  if (s.soak !== undefined) {
    const pc = s.soak.rows.find((row) => row.key === 'pulsecheck');
    const serverSame = JSON.stringify(pc.before.server) === JSON.stringify(pc.after.server);
    out.push([
      `5. soak, ${fmt(pc.runs, 0)} run() calls: heap growth < 5 MB after GC, no handle growth, no server-side connection growth`,
      `heap ${signedMib(pc.heapGrowthBytes)}; handles ${pc.before.handles} → ${pc.after.handles}; server-side ${serverLine(pc.before.server)} → ${serverLine(pc.after.server)}`,
      yes(pc.heapGrowthBytes < 5e6 && pc.handleGrowth <= 0 && serverSame),
    ]);
  }
  if (s.history !== undefined) {
    const on = s.history.rows.find((row) => row.historySize > 0);
    const off = s.history.rows.find((row) => row.historySize === 0);
    if (on !== undefined) {
      out.push([
        `history: heap flat over ${fmt(on.runs, 0)} runs with history on (after GC, end / 10k runs ≤ 1.10; ${on.historySize} entries per check kept, outputs ≤ 240 characters)`,
        `${fmt(on.ratio, 3)}× (${mib(on.heapAt10k)} → ${mib(on.heapAtEnd)}); with history off ${off === undefined ? '–' : `${fmt(off.ratio, 3)}×`}; ${[...new Set(on.entriesPerCheck)].join(', ')} entries per check, longest output ${on.longestOutput}`,
        yes(on.ratio <= 1.1 && on.entriesPerCheck.every((n) => n === on.historySize) && on.longestOutput <= 240),
      ]);
    }
  }
  return out;
}

function serverLine(server) {
  if (server === undefined) return '–';
  const amqp = server.amqp === null ? 'amqp not measured' : `amqp ${server.amqp.connections} conn/${server.amqp.channels} ch`;
  return `pg ${server.pg}, redis ${server.redis}, ${amqp}`;
}

function aggregationSection(data) {
  const lines = ['## 1. Aggregation overhead', ''];
  lines.push(
    'Sequential `run()` calls (one at a time, as a probe makes them) over N trivial async checks, each library in a fresh process: ' +
      'warm-up, then timed batches; each figure is the median over rounds of the median batch. Throughput is counted per CPU-second ' +
      'of the measuring process (user + system, GC threads included): on this shared machine, wall-clock throughput mostly measures ' +
      'who else wanted the CPU (the wall-clock figures are in the JSON, and in the last table). Every library runs its checks ' +
      'with its own per-check features: pulsecheck and `@nestjs/terminus` (attempt) put each check under a timeout (800 ms), ' +
      'the others have none. A failing check rejects with an `Error`, which each library turns into its failure result. ' +
      '`@godaddy/terminus` has no aggregation of its own (its `healthChecks` function is user code): the "bare Promise.allSettled" row is what that user code costs.',
    '',
  );
  for (const mode of ['pass', 'half']) {
    lines.push(`### ${mode === 'pass' ? 'All passing' : 'Half failing'}: runs per CPU-second (higher is better)`, '');
    const keys = ['pulsecheck', ...peers, 'bare'];
    const rows = data.rows.filter((row) => row.mode === mode);
    lines.push(
      table(
        ['checks', ...keys.map(labelOf), ...peers.map((peer) => `pulsecheck ÷ ${labelOf(peer)}`)],
        [...new Set(rows.map((row) => row.n))].map((n) => {
          const at = (key) => rows.find((row) => row.n === n && row.key === key);
          return [String(n), ...keys.map((key) => fmt(at(key).runsPerCpuSec, 0)), ...peers.map((peer) => ratio(at('pulsecheck').runsPerCpuSec, at(peer).runsPerCpuSec))];
        }),
      ),
      '',
    );
    lines.push(`### ${mode === 'pass' ? 'All passing' : 'Half failing'}: µs per check (time per run ÷ N), and over the bare floor`, '');
    lines.push(
      table(
        ['checks', ...keys.filter((key) => key !== 'bare').map((key) => `${labelOf(key)}: per check / over floor`), 'bare floor per check'],
        [...new Set(rows.map((row) => row.n))].map((n) => {
          const at = (key) => rows.find((row) => row.n === n && row.key === key);
          return [String(n), ...keys.filter((key) => key !== 'bare').map((key) => `${fmt(at(key).usPerCheck, 2)} / ${fmt(at(key).overheadUsPerCheck, 2)}`), fmt(at('bare').usPerCheck, 2)];
        }),
      ),
      '',
    );
  }
  lines.push('### Wall-clock runs per second (same runs; disturbed by the other work on the machine)', '');
  const keys = ['pulsecheck', ...peers, 'bare'];
  lines.push(
    table(
      ['checks', 'mode', ...keys.map(labelOf)],
      data.rows
        .filter((row) => row.key === 'pulsecheck')
        .map((row) => [String(row.n), row.mode, ...keys.map((key) => fmt(data.rows.find((other) => other.n === row.n && other.mode === row.mode && other.key === key).runsPerSec, 0))]),
    ),
    '',
  );
  return lines.join('\n');
}

function concurrencySection(data) {
  return [
    '## 2. Concurrency',
    '',
    `\`run()\` over ${data.checks} checks that each wait ${data.sleepMs} ms (a timer), repeated; wall time per run.`,
    '',
    table(
      ['library', 'runs', 'median ms', 'p90 ms', 'min ms', 'max ms', 'median − 50 ms'],
      data.rows.map((row) => [labelOf(row.key), String(row.runs), fmt(row.medianMs, 2), fmt(row.p90Ms, 2), fmt(row.minMs, 2), fmt(row.maxMs, 2), fmt(row.medianMs - data.sleepMs, 2)]),
    ),
    '',
  ].join('\n');
}

function hangSection(data) {
  const lines = ['## 3. One dependency hangs', ''];
  lines.push(
    `An endpoint with the PostgreSQL (\`SELECT 1\` through a pg Pool, max 10, connectionTimeoutMillis 5000), Redis (PING) and RabbitMQ (open + close a channel) checks ` +
      `(one HTTP endpoint over node:http; @godaddy/terminus wraps the server itself), ` +
      `each library in its own process. PostgreSQL is reached through a local proxy that, on cue, stops answering: new connections are accepted and never answered, ` +
      `open ones freeze both ways. A prober sends GET /health ${data.ratePerSec} times a second (new connection each, giving up after ${data.probeClientTimeoutMs} ms like a probe's timeoutSeconds): ` +
      `healthy, then ${data.hangMs / 1000} s of hang, then the proxy delivers everything it held (the server answers again). Per-check timeout ${data.timeoutMs} ms where the library has one. ` +
      'The prober waits for every hang probe to be answered or to give up before PostgreSQL answers again. Heap is measured after a forced GC in the endpoint ' +
      'process, 5 s into the hang and at its end (once every hang probe is done); probes that overlapped the first, mid-hang, forced GC (which stalls the endpoint) are left out of the latency bar and listed in the JSON. ' +
      '"Server-side" is the time from the request event to the response\'s `finish`, measured in the endpoint; "event-loop delay" is how late its event loop ran meanwhile (perf_hooks monitorEventLoopDelay), ' +
      'which is what a timer firing late on a busy machine looks like.',
    '',
  );
  lines.push(
    table(
      [
        'library',
        'timeout',
        'hang probes: answered before resume / at all / sent',
        `client-side within ${data.timeoutMs + 20} ms (of probes not overlapping a forced GC)`,
        'client-side median / max ms',
        'server-side max ms (within budget / requests)',
        'event-loop delay max ms',
        'hang: 503 / 200',
        'heap 5 s in → end',
        'handles before → 5 s in → end → after',
        'first probe after resume',
        'pg calls',
      ],
      data.rows.map((row) => {
        const hang = row.phases.hang;
        const hasTimeout = libraries[row.lib]?.features.timeout === true;
        return [
          labelOf(row.lib),
          hasTimeout ? `${row.timeoutMs} ms` : 'none (cannot)',
          `${row.hangAnsweredBeforeResume} / ${hang.answered} / ${hang.probes}`,
          `${row.hangWithinTimeoutPlus20} (of ${row.hangUndisturbed})`,
          `${fmt(hang.medianMs, 1)} / ${fmt(hang.maxMs, 1)}`,
          `${fmt(row.serverSide.maxMs, 1)} (${row.serverSide.withinTimeoutPlus20} / ${row.serverSide.requests})`,
          fmt(row.serverSide.eventLoopDelayMs?.max, 0),
          `${hang.status503} / ${hang.status200}`,
          `${mib(row.memory.heapEarlyHang)} → ${mib(row.memory.heapEndOfHang)}`,
          `${row.handles.beforeHang} → ${row.handles.earlyHang} → ${row.handles.endOfHang} → ${row.handles.afterRecovery}`,
          `HTTP ${row.recovery.firstProbeStatus ?? 'none'} in ${fmt(row.recovery.firstProbeMs, 1)} ms`,
          String(row.pgCallsDuringRun),
        ];
      }),
    ),
    '',
    'What each library did while PostgreSQL hung:',
    '',
  );
  for (const row of data.rows) {
    const hang = row.phases.hang;
    let what;
    if (row.hangAnsweredBeforeResume === 0) {
      what =
        `no probe was answered while PostgreSQL hung: every response waited on the hung query, and all ${hang.unanswered} probes gave up after ${fmt(data.probeClientTimeoutMs, 0)} ms` +
        (hang.answered > 0 ? `; ${hang.answered} were answered only once PostgreSQL answered again.` : '.');
    } else if (hang.unanswered > 0) {
      what = `${row.hangAnsweredBeforeResume} probes answered during the hang, ${hang.unanswered} gave up waiting.`;
    } else {
      what = `answered every probe (${hang.status503} × 503${hang.status200 > 0 ? `, ${hang.status200} × 200 sent as the hang began` : ''}), the slowest in ${fmt(hang.maxMs, 1)} ms client-side.`;
    }
    const body = row.sampleBodies?.hang;
    lines.push(`- **${labelOf(row.lib)}**: ${what}${body ? ` A hang-phase body: \`${body.slice(0, 160)}${body.length > 160 ? '…' : ''}\`` : ''}`);
  }
  lines.push('');
  return lines.join('\n');
}

function stormSection(data) {
  const lines = ['## 4. Probe storm', ''];
  lines.push(
    `${data.probes} probes at once against the endpoint with the three real checks; every dependency call is counted where it reaches the client ` +
      '(pg Pool `query()` for the peers and `connect()` for pulsecheck\'s PostgresHealthCheck, ioredis `ping()`, amqplib `createChannel()`). ' +
      `"HTTP" sends ${data.probes} concurrent GETs on ${data.probes} keep-alive connections opened beforehand (so that the storm is not spread over ${data.probes} TCP handshakes); ` +
      `"in-process" makes ${data.probes} concurrent \`run()\` calls. Medians over rounds; a cached variant starts each storm with an expired cache.`,
    '',
    table(
      ['variant', 'HTTP: pg / redis / amqp calls', 'HTTP: 200 / other', 'HTTP: storm wall ms', 'in-process: pg / redis / amqp calls'],
      data.counts.map((row) => [row.label, `${row.http.pg} / ${row.http.redis} / ${row.http.amqp}`, `${row.http.ok} / ${row.http.failed}`, fmt(row.http.wallMs, 0), `${row.inProcess.pg} / ${row.inProcess.redis} / ${row.inProcess.amqp}`]),
    ),
    '',
    `Requests per second with autocannon (${data.connections} connections, ${data.seconds} s each, from the same machine). In each round the constant handler is measured before and after ` +
      'every endpoint (C, E1, C, E2, C, …), and each endpoint\'s ratio is to the mean of its two neighbouring constant runs; the figure is the median of the per-round ratios. ' +
      'Wall-clock requests per second depend on who else uses the two cores (autocannon itself takes one); requests per CPU-second of the endpoint process ' +
      '(autocannon\'s request count ÷ the process\'s user + system CPU time) measure what each endpoint costs. ' +
      'Libraries without a cache are not load-tested here: every request would reach the shared services.',
    '',
    table(
      ['endpoint', 'req/s', 'of the constant handler', 'req per CPU-second of the endpoint', 'of the constant handler', 'CPU-µs per request', 'p50 / p99 latency ms', 'non-2xx', 'errors'],
      data.throughput.map((row) => [
        row.label,
        fmt(row.rps, 0),
        `${fmt(100 * row.ratioToConstant, 1)}%`,
        fmt(row.rpsPerCpuSec, 0),
        `${fmt(100 * row.cpuRatioToConstant, 1)}%`,
        fmt(row.cpuUsPerRequest, 1),
        `${fmt(row.latencyP50, 0)} / ${fmt(row.latencyP99, 0)}`,
        String(row.non2xx),
        String(row.errors),
      ]),
    ),
    '',
  );
  return lines.join('\n');
}

/** The NestJS endpoint (scenario 'nest'): pulsecheck/nest and @nestjs/terminus in the same app shape. */
export function nestEndpointSection(data) {
  const range = (summary) => `${fmt(summary.median, 2)}× (rounds: ${fmt(summary.min, 2)}–${fmt(summary.max, 2)}×)`;
  return [
    '### The NestJS endpoint',
    '',
    `The same three checks (each an async call on one Nest provider, 800 ms timeout, no cache) served as \`GET /health\` by a Nest application of the same shape ` +
      `on the Express platform (${Object.entries(data.versions).map(([name, version]) => `${name} ${version}`).join(', ')}), logger off, each app in its own process: ` +
      'through `PulsecheckModule.forRoot()` (pulsecheck/nest: its controller, `run()`, `respond()`; the flat JSON map; by default concurrent requests share an in-flight run of each check, and a row without that single-flight shows what it is worth) and through a `@HealthCheck()` controller calling ' +
      '`HealthCheckService.check()` with `HealthIndicatorService` attempts and `withTimeout(800)` (@nestjs/terminus; its `{status, info, error, details}` body). ' +
      `autocannon (${data.connections} connections, ${data.seconds} s each, \`Accept: application/json\`) measures them one after the other, in an order that rotates, ${data.rounds.length} rounds after a warm-up run of each; ` +
      'the ratio is pulsecheck/nest ÷ terminus within each round, and the figure is the median of the per-round ratios, with their range (the machine is shared and loaded).',
    '',
    table(
      ['endpoint', 'req/s', 'req per CPU-second of the endpoint', 'p50 / p99 latency ms', 'non-2xx', 'errors'],
      data.rows.map((row) => [row.label, fmt(row.rps, 0), fmt(row.rpsPerCpuSec, 0), `${fmt(row.latencyP50, 0)} / ${fmt(row.latencyP99, 0)}`, String(row.non2xx), String(row.errors)]),
    ),
    '',
    `pulsecheck/nest ÷ @nestjs/terminus: ${range(data.ratio.rps)} in requests per second, ${range(data.ratio.rpsPerCpuSec)} in requests per CPU-second of the endpoint` +
      (data.ratioWithoutSingleFlight === undefined
        ? '.'
        : `; with \`singleFlight: false\` (every request runs its own checks, as terminus's do): ${range(data.ratioWithoutSingleFlight.rps)} and ${range(data.ratioWithoutSingleFlight.rpsPerCpuSec)}.`),
    '',
  ].join('\n');
}

function soakSection(data) {
  return [
    '## 5. Soak',
    '',
    `\`run()\` calls, ${data.concurrency} at a time, over the three real checks plus two process checks (event-loop delay, heap), each library in its own process with \`--expose-gc\`. ` +
      'Baseline after a warm-up; heap after three forced GCs; handles from `process.getActiveResourcesInfo()`; server-side connections counted on the servers by this process\'s connection name ' +
      '(pg_stat_activity `application_name`, Redis CLIENT LIST `name`, `rabbitmqctl list_connections client_properties channels`). The peers run fewer calls (they query every dependency on every call).',
    '',
    table(
      ['library', 'runs', 'runs/s', 'dependency calls (pg)', 'unhealthy', 'heap before → after', 'growth', 'heap after each quarter', 'handles', 'server-side before → after'],
      data.rows.map((row) => [
        labelOf(row.key),
        fmt(row.runs, 0),
        fmt(row.runsPerSec, 0),
        fmt(row.dependencyCalls.pg, 0),
        String(row.unhealthy),
        `${mib(row.before.heap)} → ${mib(row.after.heap)}`,
        signedMib(row.heapGrowthBytes),
        row.heapTrend.map((bytes) => mib(bytes)).join(', '),
        `${row.before.handles} → ${row.after.handles}`,
        `${serverLine(row.before.server)} → ${serverLine(row.after.server)}`,
      ]),
    ),
    '',
  ].join('\n');
}

function historySection(data) {
  const on = data.rows.find((row) => row.historySize > 0);
  return [
    '## History: memory over many runs',
    '',
    `\`run({ fresh: true })\` calls, one after another, over ${on?.checks ?? '?'} trivial checks (every call executes every check); half the checks fail every other execution with a ~4 KiB message, of which the history keeps 240 characters. ` +
      'Each configuration in its own process with `--expose-gc`; heap after three forced GCs, after the first 10,000 runs and then after each quarter of the rest. Flat means the ratio end / 10k stays near 1 whatever the number of runs.',
    '',
    table(
      ['historySize', 'runs', 'executions', 'runs/s', 'heap after 10k runs', 'heap at the end', 'end / 10k', 'heap after each quarter', 'entries kept per check', 'longest kept output'],
      data.rows.map((row) => [
        String(row.historySize),
        fmt(row.runs, 0),
        fmt(row.executions, 0),
        fmt(row.runsPerSec, 0),
        mib(row.heapAt10k),
        mib(row.heapAtEnd),
        fmt(row.ratio, 3),
        row.heapTrend.map((bytes) => mib(bytes)).join(', '),
        [...new Set(row.entriesPerCheck)].join(', '),
        fmt(row.longestOutput, 0),
      ]),
    ),
    '',
  ].join('\n');
}

function profileSection(data) {
  const lines = ['## Profile of the hot path (scenario 1, 100 checks)', ''];
  lines.push('`node --cpu-prof` (100 µs sampling) over a run of sequential `run()` calls, whole process; self time by frame, then pulsecheck functions by inclusive time. Profiles: `bench/results/*.cpuprofile` (git-ignored; open them in Chrome DevTools).', '');
  for (const [mode, summary] of Object.entries(data)) {
    lines.push(`### ${mode === 'pass' ? 'All passing' : 'Half failing'} (${fmt(summary.runsPerSec, 0)} runs/s under the profiler)`, '');
    lines.push(table(['self %', 'frame'], summary.topSelf.slice(0, 12).map((frame) => [fmt(frame.selfPct, 1), `\`${frame.frame}\``])), '');
    lines.push(table(['inclusive %', 'pulsecheck frame'], summary.pulsecheckInclusive.slice(0, 8).map((frame) => [fmt(frame.totalPct, 1), `\`${frame.frame}\``])), '');
  }
  return lines.join('\n');
}

/** Scenario "peers" (issue 23): the peers beside pulsecheck in one process, its configurations in another. */
function sideBySideSection(data) {
  const { peers, configurations } = data;
  const labels = {
    bare: 'bare `Promise.all` (floor)',
    adonis: '@adonisjs/health',
    'nest-updown': '@nestjs/terminus (up()/down())',
    nest: '@nestjs/terminus (attempt().withTimeout())',
    pulsecheck: 'pulsecheck (defaults)',
    'pulsecheck-fresh': 'pulsecheck (`fresh: true`, `singleFlight: false`)',
    'pulsecheck-features': 'pulsecheck (every feature on)',
    'pulsecheck-cache': 'pulsecheck (answer from the cache)',
    'pulsecheck-background': 'pulsecheck (answer from background mode)',
    'pulsecheck-features-background': 'pulsecheck (every feature on, answer from background mode)',
  };
  const at = (result, key, n) => result.rows.find((row) => row.key === key && row.n === n);
  const keysOf = (result) => Object.keys(labels).filter((key) => result.rows.some((row) => row.key === key && result.sizes.includes(row.n) && key !== 'pulsecheck-cache' && key !== 'pulsecheck-background' && key !== 'pulsecheck-features-background'));
  const cpuTable = (result) => table(['N', ...keysOf(result).map((key) => labels[key])], result.sizes.map((n) => [n, ...keysOf(result).map((key) => fmt(at(result, key, n)?.cpuUsPerRun, 1))]));
  const largest = configurations.answers.n;
  const sharedRatio = (n) => configurations.ratios.find((r) => r.n === n)?.pulsecheckToAdonis;
  const lines = [
    '## Side by side (issue 23)',
    '',
    `\`BENCH_SCENARIOS=peers\` (\`src/scenarios/sideBySideChild.js\`), two groups, each measured in ${peers.processes ?? 1} process${(peers.processes ?? 1) === 1 ? '' : 'es'} one after the other; every figure below is the median over a group's processes of that figure, each ratio measured within one process. In each process, ${peers.rounds} alternating rounds (the order rotates each round) of ${peers.batchMs} ms batches of sequential \`run()\` calls over N trivial async checks that all pass; ` +
      'CPU-µs per run (process CPU time, GC threads included; median over the rounds), wall-clock µs in the JSON. Each batch starts after a full collection (`gc()`) and 20 ms of runs, neither measured: it pays for collecting its own garbage only, never for what the runner before it left (terminus withTimeout leaves over 1 MB per run), and is measured in the steady state each library reaches again after a major collection. pulsecheck is built with the `HealthService` constructor (no container), from ' +
      `\`${peers.build}\`.`,
    '',
    '- **Peers**: the floor, @adonisjs/health, @nestjs/terminus and pulsecheck with its defaults, the one configuration a service runs: the comparison issue 23 asks for.',
    `- **Configurations**: pulsecheck's configurations (defaults, \`fresh\`, every feature on; at ${largest} checks the answers from the cache and background mode) with adonis and the floor. The engine's functions then serve six configurations at once, which the optimizing compiler pays for: the defaults cost more there than beside the peers alone (pulsecheck ÷ adonis in that process: ${configurations.sizes.map((n) => `${fmt(sharedRatio(n), 2)} at N = ${n}`).join(', ')}). Each configuration is compared with the defaults measured beside it.`,
    '',
    `"Every feature on": \`failAfter: 3\`, \`recoverAfter: 2\`, a \`dependsOn\` chain (each check on the one before), a per-check \`intervalMs\` (not started: each run executes), and ${configurations.attached.map((name) => `\`${name}\``).join(', ')} (the WebhookNotifier posts to a local receiver). "From background mode" is the same service started: each run answers from the latest results.`,
    '',
    '### Peers: CPU-µs per run (lower is better)',
    '',
    cpuTable(peers),
    '',
    '### Peers: ratios (measured in the same rounds)',
    '',
    table(
      ['N', 'pulsecheck ÷ adonis (goal ≤ 0.5)', 'pulsecheck ÷ terminus up()/down() (goal ≤ 0.33)', 'pulsecheck ÷ terminus withTimeout', 'pulsecheck over the floor, µs per check', 'adonis over the floor, µs per check'],
      peers.ratios.map((r) => [r.n, fmt(r.pulsecheckToAdonis, 2), fmt(r.pulsecheckToNestUpdown, 2), fmt(r.pulsecheckToNest, 3), fmt(r.pulsecheckOverFloorUsPerCheck, 2), fmt(r.adonisOverFloorUsPerCheck, 2)]),
    ),
    '',
    ...(peers.ratiosPerProcess !== undefined && peers.ratiosPerProcess.length > 1
      ? [
          `Per process, pulsecheck ÷ adonis: ${peers.ratios.map((ratio) => `N = ${ratio.n}: ${peers.ratiosPerProcess.map((each) => fmt(each.find((other) => other.n === ratio.n)?.pulsecheckToAdonis, 2)).join(', ')}`).join('; ')}.`,
          '',
        ]
      : []),
    '### Configurations: CPU-µs per run',
    '',
    cpuTable(configurations),
    '',
    '### Configurations: ratios (measured in the same rounds)',
    '',
    table(
      ['N', 'features (executed) ÷ defaults', 'fresh ÷ adonis', 'defaults ÷ adonis, sharing the process'],
      configurations.ratios.map((r) => [r.n, fmt(r.featuresToDefaults, 2), fmt(r.freshToAdonis, 2), fmt(r.pulsecheckToAdonis, 2)]),
    ),
    '',
    `Every feature on, answered from background mode (per-check \`intervalMs\`, the configuration issue 23 names; goal ≤ 1.3): ${fmt(configurations.answers.featuresBackgroundToDefaults, 2)} × the defaults' executed run, at ${largest} checks.`,
    '',
    `### Answers without execution, ${largest} checks (goal: at least 5× faster than a fresh run)`,
    '',
    table(
      ['answer', 'CPU-µs per run', 'fresh run ÷ this'],
      [
        ['fresh run (`fresh: true`, `singleFlight: false`)', fmt(at(configurations, 'pulsecheck-fresh', largest)?.cpuUsPerRun, 1), '1'],
        ['from the cache (`defaultCacheTtlMs` 1 h)', fmt(at(configurations, 'pulsecheck-cache', largest)?.cpuUsPerRun, 1), `${fmt(configurations.answers.freshToCache, 1)}×`],
        ['from background mode (`start({ intervalMs: 60 s })`)', fmt(at(configurations, 'pulsecheck-background', largest)?.cpuUsPerRun, 1), `${fmt(configurations.answers.freshToBackground, 1)}×`],
        ['every feature on, from background mode (per-check `intervalMs`)', fmt(at(configurations, 'pulsecheck-features-background', largest)?.cpuUsPerRun, 1), `${fmt(configurations.answers.featuresToFeaturesBackground, 1)}× (÷ features on, executed)`],
      ],
    ),
    '',
    `### Bytes allocated per \`run()\` of ${largest} checks`,
    '',
    'The growth of the used V8 heap over the runs plus what every collection in between freed (`v8.GCProfiler`; `src/allocation.js`): garbage that dies young counts too. About 300 ms of runs each; the peers and pulsecheck (defaults) from the first process, the other configurations from the second.',
    '',
    table(
      ['runner', 'bytes per run', 'per check'],
      [...Object.entries(peers.bytesPerRun), ...Object.entries(configurations.bytesPerRun).filter(([key]) => !(key in peers.bytesPerRun))].map(([key, bytes]) => [labels[key] ?? key, bytes.toLocaleString('en-US'), fmt(bytes / largest, 0)]),
    ),
    '',
    'The instruction counts behind the CI guard (`npm run perf:guard`, callgrind; see CONTRIBUTING.md, "Performance guard") are not part of this run.',
    '',
  ];
  return lines.join('\n');
}

/** The whole document. */
export function renderMarkdown(results) {
  const m = results.machine;
  const parts = [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` (bench/run.js). Do not edit by hand; raw numbers in bench/results/benchmarks.json. -->',
    '',
    `Measured ${m.date} on ${m.cpu}, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node} (V8 ${m.v8}); load average at start ${m.loadAverageAtStart.join(' / ')} ` +
      `(the machine is shared: every figure is a median over ${results.config.rounds} round${results.config.rounds === 1 ? '' : 's'}, and every ratio compares figures measured in the same run). ` +
      `${results.config.quick ? '**Quick run (BENCH_QUICK=1): shortened durations, not for publishing.** ' : ''}Whole run: ${results.durationSeconds} s.`,
    '',
    `Versions: pulsecheck ${m.pulsecheck}; ${Object.entries(m.packages)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
    '',
    '## The bars',
    '',
    table(['bar', 'measured', ''], bars(results)),
    '',
    'Why a bar is missed: bar 1 asks for twice the throughput of `@adonisjs/health`, which runs its checks with no timeout at about the cost of a bare `Promise.allSettled`; twice that is above the bare floor itself, so no library that runs the checks can reach it. The patches to `lib/` this bench measured (both now in `main`) are in [bench/proposals/README.md](../bench/proposals/README.md).',
    '',
  ];
  for (const [name, reason] of Object.entries(results.skipped)) parts.push(`**Scenario ${name} ${reason}**`, '');
  const carried = Object.entries(results.carriedOver ?? {});
  if (carried.length > 0) {
    const byDate = new Map();
    for (const [name, date] of carried) byDate.set(date, [...(byDate.get(date) ?? []), name]);
    const lines = [...byDate].map(([date, names]) => `${names.join(', ')} from the run of ${date}`);
    parts.push(`*Not re-measured in this run (BENCH_SCENARIOS), carried over: ${lines.join('; ')}.*`, '');
  }
  for (const [name, error] of Object.entries(results.errors)) parts.push(`**Scenario ${name} failed:** \`${String(error).split('\n')[0]}\``, '');
  parts.push(
    '## What each library can do',
    '',
    table(
      ['library', 'per-check timeout', 'aggregation', 'cache', 'single-flight'],
      ['pulsecheck', 'nest', 'nest-updown', 'adonis', 'godaddy'].map((key) => {
        const f = libraries[key].features;
        const word = (value) => (value === true ? 'yes' : value === false ? 'no' : String(value));
        return [labelOf(key), word(f.timeout), word(f.aggregation), word(f.cache), word(f.singleFlight)];
      }),
    ),
    '',
    'Where a library cannot do something (no timeout, no aggregation, no cache) its row says so instead of being left out; every library does the same work through the same clients.',
    '',
    results.pulsecheckDependencyChecks === 'bundled'
      ? 'In scenarios 3–5, pulsecheck runs its bundled checks (`PostgresHealthCheck`: pool `connect()` + `SELECT 1` + `release()`, discarding the connection on timeout; `RedisHealthCheck`: PING; ' +
          '`RabbitMqHealthCheck`: open + close a channel), rendered by its `respond()`; the peers run the same calls, written as each one\'s docs show (`pool.query(\'SELECT 1\')`, `redis.ping()`, `createChannel()` + `close()`).'
      : 'In scenarios 3–5, every library (pulsecheck included) runs the bench\'s own check bodies: `pool.query(\'SELECT 1\')`, `redis.ping()`, `createChannel()` + `close()`.',
    '',
  );
  const s = results.scenarios;
  if (s.sideBySide !== undefined) parts.push(sideBySideSection(s.sideBySide));
  if (s.aggregation !== undefined) parts.push(aggregationSection(s.aggregation));
  if (s.concurrency !== undefined) parts.push(concurrencySection(s.concurrency));
  if (s.hang !== undefined) parts.push(hangSection(s.hang));
  if (s.storm !== undefined) parts.push(stormSection(s.storm));
  if (s.nestEndpoint !== undefined) parts.push(nestEndpointSection(s.nestEndpoint));
  if (s.soak !== undefined) parts.push(soakSection(s.soak));
  if (s.history !== undefined) parts.push(historySection(s.history));
  if (s.profile !== undefined) parts.push(profileSection(s.profile));
  return `${parts.join('\n')}\n`;
}
