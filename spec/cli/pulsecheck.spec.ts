import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';

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
    execFile(process.execPath, ['dist/cli/pulsecheck.js', ...args], { timeout: 15_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
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

    it('warns on stderr, and still exits 0, when the selection matches no check', async () => {
      const { code, stdout, stderr } = await cli('-m', fixture('passing'), '--tags', 'nothing-has-this');
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

    it('gives up on a module that never yields its service, and exits 1', async () => {
      const { code, stderr, ms } = await cli('--module', fixture('never'), '--timeout-ms', '300');
      expect(code).to.equal(1);
      expect(stderr).to.include('took longer than 300 ms');
      expect(ms).to.be.below(300 + 4_000);
    });
  });

  // The other usage errors are parseArguments' (spec/cli/parseArguments.spec.ts); these go through the process.
  describe('having a usage or loading error', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown flag', ['--module', fixture('passing'), '--colour'], /^pulsecheck: unknown option '--colour'\nRun pulsecheck --help for usage\.\n$/],
      ['an unknown --names entry', ['-m', fixture('passing'), '--names', 'Databse'], /no check named 'Databse' \(known: Process, Database, Cache\)/],
      ['a module that does not exist', ['-m', 'build/spec/cli/fixtures/missing.js'], /^pulsecheck: module not found: .*build\/spec\/cli\/fixtures\/missing\.js\n$/],
      ['a module that throws on import', ['-m', fixture('throws')], /threw while loading: Error: PULSECHECK_FIXTURE_DATABASE_URL is not set/],
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
});
