import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseExposition } from '../render/exposition.js';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

const fixture = (name: string): string => `build/spec/cli/fixtures/${name}.js`;

/** Runs the built bin as a child process, the way npx and exec probes do. */
function cli(...args: string[]): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli/pulsecheck.js', ...args], { timeout: 15_000, env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '', NO_COLOR: '' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

describe('pulsecheck (the bin)', function () {
  this.timeout(20_000);

  describe('when the checks pass', () => {
    it('prints one ✔ line per check and a summary, and exits 0', async () => {
      const { code, stdout, stderr } = await cli('--module', fixture('passing'));
      expect(stderr).to.equal('');
      expect(code).to.equal(0);
      const lines = stdout.trimEnd().split('\n');
      expect(lines).to.have.length(4);
      expect(lines[0]).to.match(/^✔ Process\s+pass\s+\d+\.\d ms {2}working$/);
      expect(lines[1]).to.match(/^✔ Database\s+pass\s+\d+\.\d ms {2}working$/);
      expect(lines[2]).to.match(/^✔ Cache \(non-critical\)\s+pass\s+\d+\.\d ms {2}working$/);
      expect(lines[3]).to.match(/^pass: 3 checks \(3 pass, 0 warn, 0 fail\) in \d+\.\d ms$/);
    });

    it('selects checks with --tags and --probe', async () => {
      const names = (stdout: string): string[] => [...stdout.matchAll(/^[✔!✖] (\w+)/gmu)].map((match) => match[1] ?? '');
      expect(names((await cli('-m', fixture('passing'), '--tags', 'db,cache')).stdout)).to.deep.equal(['Database', 'Cache']);
      expect(names((await cli('-m', fixture('passing'), '--probe', 'liveness')).stdout)).to.deep.equal(['Process']);
    });

    it('warns on stderr, and still exits 0, when a known selection matches no check', async () => {
      const { code, stdout, stderr } = await cli('-m', fixture('passing'), '--tags', 'live', '--probe', 'startup');
      expect(code).to.equal(0);
      expect(stdout).to.include('(no check selected)');
      expect(stderr).to.include('no check matched');
    });

    it('prints the detailed report with --format json', async () => {
      const { code, stdout } = await cli('-m', fixture('passing'), '--format', 'json');
      expect(code).to.equal(0);
      const report = JSON.parse(stdout) as { status: string; httpStatus: number; checks: { name: string; status: string; critical: boolean; output: string }[] };
      expect(report.status).to.equal('pass');
      expect(report.httpStatus).to.equal(200);
      expect(report.checks.map((check) => [check.name, check.status, check.critical, check.output])).to.deep.equal([
        ['Process', 'pass', true, 'working'],
        ['Database', 'pass', true, 'working'],
        ['Cache', 'pass', false, 'working'],
      ]);
    });

    it('prints an HTML page with --format html', async () => {
      const { code, stdout } = await cli('-m', fixture('passing'), '--format', 'html');
      expect(code).to.equal(0);
      expect(stdout).to.match(/<html/i);
    });
  });

  describe('when a critical check fails', () => {
    it('prints a ✖ line with the error and exits 1', async () => {
      const { code, stdout } = await cli('--module', fixture('failing'));
      expect(code).to.equal(1);
      expect(stdout).to.match(/^✔ ApiHealthCheck\s+pass/m);
      expect(stdout).to.match(/^✖ QueueHealthCheck\s+fail\s+\d+\.\d ms {2}unavailable: connect ECONNREFUSED 127\.0\.0\.1:5672$/m);
      expect(stdout).to.match(/^fail: 2 checks \(1 pass, 0 warn, 1 fail\)/m);
    });
  });

  describe('when a check only warns', () => {
    it('prints ! lines and exits 0', async () => {
      const { code, stdout } = await cli('--module', fixture('warning'));
      expect(code).to.equal(0);
      expect(stdout).to.match(/^! Disk\s+warn\s+.*warning: 4\.2% disk space left$/m);
      expect(stdout).to.match(/^✖ Search \(non-critical\)\s+fail\s+.*unavailable: cluster red$/m);
      expect(stdout).to.match(/^warn: 2 checks/m);
    });
  });

  describe('when a check hangs', () => {
    it('reports it as timed out and exits 1 soon after --timeout-ms, though the module holds the event loop', async () => {
      const { code, stdout, ms } = await cli('--module', fixture('hanging'), '--timeout-ms', '300');
      expect(code).to.equal(1);
      expect(stdout).to.match(/^✖ Stuck\s+fail\s+.*timeout: did not finish within 300 ms$/m);
      expect(stdout).to.match(/^✔ Fine\s+pass/m);
      // node start-up and module loading on a busy 2-core machine, plus 300 ms of timeout
      expect(ms).to.be.below(300 + 4_000);
    });

    it('gives up on a module that never yields its service after --timeout-ms, and exits 2', async () => {
      const { code, stdout, stderr, ms } = await cli('--module', fixture('never'), '--timeout-ms', '300');
      expect(code).to.equal(2);
      expect(stdout).to.equal('');
      expect(stderr).to.match(/^pulsecheck: loading build\/spec\/cli\/fixtures\/never\.js did not finish within 300 ms .*--load-timeout-ms/);
      expect(ms).to.be.below(300 + 4_000);
    });
  });

  describe('when loading the module never finishes', () => {
    it('gives up after --load-timeout-ms, names the module and the limit, and exits 2, though the import is still pending and a timer holds the loop', async () => {
      const { code, stdout, stderr, ms } = await cli('--module', fixture('awaitsForever'), '--load-timeout-ms', '300');
      expect(code).to.equal(2);
      expect(stdout).to.equal('');
      expect(stderr).to.equal(
        'pulsecheck: loading build/spec/cli/fixtures/awaitsForever.js did not finish within 300 ms (a top-level await, or the function it exports, never settled); give it longer with --load-timeout-ms <n>\n',
      );
      expect(ms).to.be.below(300 + 4_000);
    });

    it('prefers --load-timeout-ms to --timeout-ms for loading', async () => {
      const { code, stderr } = await cli('--module', fixture('never'), '--timeout-ms', '60000', '--load-timeout-ms', '200');
      expect(code).to.equal(2);
      expect(stderr).to.include('did not finish within 200 ms');
    });

  });

  describe('when --tags names a tag no check has', () => {
    it('exits 2 and lists the known tags, like an unknown --names entry', async () => {
      const { code, stdout, stderr } = await cli('-m', fixture('passing'), '--tags', 'nothing-has-this');
      expect(code).to.equal(2);
      expect(stdout).to.equal('');
      expect(stderr).to.equal("pulsecheck: no check has the tag 'nothing-has-this' (known tags: live, ready, db, cache)\nRun pulsecheck --help for usage.\n");
    });

    it('exits 2 even when another of the tags is known, so a typo cannot silently drop checks', async () => {
      const { code, stderr } = await cli('-m', fixture('passing'), '--tags', 'db,cahce');
      expect(code).to.equal(2);
      expect(stderr).to.include("no check has the tag 'cahce'");
    });
  });

  // The other usage errors are parseArguments' (spec/cli/parseArguments.spec.ts); these go through the process.
  describe('having a usage or loading error', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown flag', ['--module', fixture('passing'), '--colour'], /^pulsecheck: unknown option '--colour'\nRun pulsecheck --help for usage\.\n$/],
      ['an unknown --names entry', ['-m', fixture('passing'), '--names', 'Databse'], /no check named 'Databse' \(known: Process, Database, Cache\)/],
      ['a module that does not exist', ['-m', 'build/spec/cli/fixtures/missing.js'], /^pulsecheck: module not found: .*build\/spec\/cli\/fixtures\/missing\.js\n$/],
      ['a module that throws on import', ['-m', fixture('throws')], /threw while loading: Error: PULSECHECK_FIXTURE_DATABASE_URL is not set/],
      ['a malformed --load-timeout-ms', ['-m', fixture('passing'), '--load-timeout-ms', '2147483648'], /--load-timeout-ms must be a whole number of milliseconds from 1 to 2147483647, got '2147483648'/],
      ['a module that exports nothing usable', ['-m', fixture('nothing')], /exports neither 'health' nor a default export, and registered no checks/],
      ['a module whose health export is something else', ['-m', fixture('wrongExport')], /export 'health' of .* is an object \(Object\); expected a HealthService, a Container or a function returning one/],
    ];
    for (const [what, args, message] of cases) {
      it(`exits 2 with a clear message for ${what}`, async () => {
        const { code, stdout, stderr } = await cli(...args);
        expect(code).to.equal(2);
        expect(stdout).to.equal('');
        expect(stderr).to.match(message);
      });
    }
  });

  describe('keeping secrets and control characters off the terminal', () => {
    // Anything a terminal would act on: C0 but line feed and tab, DEL, C1, line/paragraph separators, bidi controls.
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

    it('redacts the connection string of a module that throws while loading', async () => {
      const { code, stdout, stderr } = await cli('-m', fixture('leaksOnLoad'));
      expect(code).to.equal(2);
      expect(stdout).to.equal('');
      expect(stderr).to.equal('pulsecheck: module build/spec/cli/fixtures/leaksOnLoad.js threw while loading: Error: connect to postgres://app:***@db.internal:5432/x failed\n');
    });

    it('redacts and escapes the message of an exported function that throws', async () => {
      const { code, stderr } = await cli('-m', fixture('leaksOnCall'));
      expect(code).to.equal(2);
      expect(stderr).not.to.include('hunter2');
      expect(stderr).not.to.match(controls);
      expect(stderr).to.include("export 'health' of build/spec/cli/fixtures/leaksOnCall.js threw: Error: could not connect: host=db password=*** \\u001b]0;pwned\\u0007 sslmode=require\n");
    });

    for (const format of ['text', 'json', 'health+json', 'html', 'openmetrics', 'prometheus']) {
      it(`prints no secret and no raw control character in --format ${format}`, async () => {
        const { code, stdout, stderr } = await cli('-m', fixture('hostile'), '--format', format);
        expect(code).to.equal(1);
        expect(stderr).to.equal('');
        expect(stdout).not.to.match(controls);
        const leaked = 'hunter2';
        if (typeof leaked === 'string') expect(stdout).not.to.include(leaked);
        else expect(stdout).not.to.match(leaked);
        expect(stdout).to.include('***');
        if (format === 'json' || format === 'health+json') expect(() => JSON.parse(stdout) as unknown).not.to.throw();
        if (format === 'openmetrics' || format === 'prometheus') expect(() => parseExposition(stdout, format)).not.to.throw();
      });
    }

    it('shows control characters in text output as visible escapes, on the check\'s own line', async () => {
      const { stdout } = await cli('-m', fixture('hostile'), '--names', 'Evil\u001b[2J\u001b]0;pwned\u0007\r✔ Fake\u009b31m\u202eemaN');
      const lines = stdout.trimEnd().split('\n');
      expect(lines).to.have.length(2);
      expect(lines[0]).to.match(/^✖ Evil\\u001b\[2J\\u001b\]0;pwned\\u0007\\u000d✔ Fake\\u009b31m\\u202eemaN {2}fail .* unavailable: refused \\u001b\[31mred\\u001b\[0m second line\\u0000$/);
    });

    it('redacts Authorization: Bearer values', async () => {
      const { stdout } = await cli('-m', fixture('hostile'), '--format', 'json');
      expect(stdout).not.to.include('sk-live');
    });
  });

  describe('for --help and --version', () => {
    it('prints the usage and exits 0', async () => {
      const { code, stdout } = await cli('--help');
      expect(code).to.equal(0);
      expect(stdout).to.match(/^Usage: pulsecheck --module <path> \[options\]/);
      expect(stdout).to.include('--timeout-ms');
    });

    it('prints the package version and exits 0', async () => {
      const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
      const { code, stdout } = await cli('--version');
      expect(code).to.equal(0);
      expect(stdout).to.equal(`${version}\n`);
    });
  });

  describe('as an exec probe (a new process each time)', () => {
    it('fails a critical check that failAfter would soften, since the streak cannot grow across processes', async () => {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const { code, stdout, stderr } = await cli('-m', fixture('flapping'), '--probe', 'readiness');
        expect(stdout).to.include('pending failure: 1 of 3');
        expect(stderr).to.include("pulsecheck: 'Queue' failed; failAfter is not applied by the one-shot CLI");
        expect(code, `attempt ${attempt + 1}`).to.equal(1);
      }
    });
  });
});
