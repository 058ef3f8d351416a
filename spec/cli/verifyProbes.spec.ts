import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

const manifest = (name: string): string => `spec/cli/fixtures/manifests/${name}.yaml`;
const healthModule = 'build/spec/cli/fixtures/manifests/health.js';

/** Runs `pulsecheck verify-probes` from the built bin, as a child process. */
function verify(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli/pulsecheck.js', 'verify-probes', ...args], { timeout: 15_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The `file:line: message` lines of a report. */
function problems(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('  '))
    .map((line) => line.trim());
}

describe('pulsecheck verify-probes (the bin)', function () {
  this.timeout(20_000);

  describe('having a manifest whose probes fit the checks', () => {
    it('verifies every container with a probe, in every Deployment and StatefulSet, and exits 0', async () => {
      const { code, stdout, stderr } = await verify(manifest('good'), '--module', healthModule);
      expect(stderr).to.equal('');
      expect(stdout.trimEnd().split('\n')).to.deep.equal([
        '✔ Deployment/api container app: livenessProbe, readinessProbe, startupProbe fit the checks',
        '✔ StatefulSet/worker container worker: readinessProbe fit the checks',
        'verify-probes: 2 container(s) OK',
      ]);
      expect(code).to.equal(0);
    });

    it("reads the module's exported routes instead of the default ones", async () => {
      const custom = await verify(manifest('custom-routes'), '--module', 'build/spec/cli/fixtures/manifests/customRoutes.js');
      expect(custom.stdout).to.include('verify-probes: 1 container(s) OK');
      expect(custom.code).to.equal(0);
      const defaults = await verify(manifest('custom-routes'), '--module', healthModule);
      expect(defaults.code).to.equal(1);
      expect(problems(defaults.stdout).filter((line) => line.includes('is not a health route'))).to.have.length(2);
    });
  });

  describe('having grpc: probes (pulsecheck/grpc)', () => {
    it('reads port and service: an unknown service name, and liveness on "" (every check), are problems', async () => {
      const { code, stdout, stderr } = await verify(manifest('grpc'), '--module', healthModule);
      expect(stderr).to.equal('');
      expect(problems(stdout)).to.deep.equal([
        `spec/cli/fixtures/manifests/grpc.yaml:14: livenessProbe grpc service "" runs checks of external dependencies ('Database' is not tagged 'live', 'Migrations' is not tagged 'live'): a dependency outage would restart every pod; point it at service "liveness" and tag only in-process checks 'live'`,
        `spec/cli/fixtures/manifests/grpc.yaml:18: readinessProbe grpc service "ready" is not a name addGrpcHealthService answers (built in: "", "liveness", "readiness", "startup")`,
      ]);
      expect(code).to.equal(1);
    });
  });

  describe('having a manifest that breaks one rule', () => {
    const cases: readonly (readonly [string, RegExp])[] = [
      ['bad-path', /^spec\/cli\/fixtures\/manifests\/bad-path\.yaml:13: readinessProbe GET \/healthz is not a health route \(served: \/health, \/health\/live, \/health\/ready, \/health\/startup\)$/],
      ['bad-timeout', /^spec\/cli\/fixtures\/manifests\/bad-timeout\.yaml:13: readinessProbe timeoutSeconds 1 s is shorter than check 'Database' \(timeout 2000 ms\) plus the 250 ms backstop: 2250 ms; set timeoutSeconds: 3/],
      ['bad-liveness', /:10: livenessProbe GET \/health runs checks of external dependencies \('Database' is not tagged 'live', 'Migrations' is not tagged 'live'\)/],
      ['bad-startup', /:10: startupProbe window 6 s \(initialDelaySeconds \+ periodSeconds × failureThreshold\) is shorter than startup check 'Migrations' \(timeout 8000 ms\)$/],
      ['bad-drain', /:9: drain delay 0 s \(no preStop sleep, no DRAIN_MS-like env\) is shorter than the readiness probe's detection time 10 s \(periodSeconds 5 × failureThreshold 2\)/],
      ['bad-grace', /:10: drain delay 25 s \(preStop sleep 25 s\) is not shorter than terminationGracePeriodSeconds 20 s/],
    ];
    for (const [name, expected] of cases) {
      it(`reports ${name} with the file and line of the probe, and exits 1`, async () => {
        const { code, stdout, stderr } = await verify(manifest(name), '--module', healthModule);
        expect(stderr).to.equal('');
        expect(problems(stdout)).to.have.length(1);
        expect(problems(stdout)[0]).to.match(expected);
        expect(stdout).to.include('✖ Deployment/api container app:');
        expect(stdout.trimEnd().split('\n').at(-1)).to.equal('verify-probes: 1 problem(s) in 1 container(s)');
        expect(code).to.equal(1);
      });
    }
  });

  describe('having ports, exec probes, sidecars and workers (issue 24)', () => {
    it('reports a numeric port the container does not declare, and a named port it does not have', async () => {
      const { code, stdout } = await verify(manifest('bad-port'), '--module', healthModule);
      expect(problems(stdout)).to.deep.equal([
        "spec/cli/fixtures/manifests/bad-port.yaml:15: livenessProbe httpGet port 'htpp' is not a named port of container app (declared: 8080 (http))",
        'spec/cli/fixtures/manifests/bad-port.yaml:17: readinessProbe httpGet port 8081 is not a containerPort of container app (declared: 8080 (http))',
      ]);
      expect(code).to.equal(1);
    });

    it('checks exec probes that run pulsecheck: the probe they select, and --timeout-ms against timeoutSeconds', async () => {
      const { code, stdout } = await verify(manifest('bad-exec'), '--module', healthModule);
      const found = problems(stdout);
      expect(found).to.include('spec/cli/fixtures/manifests/bad-exec.yaml:11: livenessProbe runs exec pulsecheck with --probe readiness: give it --probe liveness');
      expect(found.some((line) => line.startsWith('spec/cli/fixtures/manifests/bad-exec.yaml:11: livenessProbe exec pulsecheck runs checks of external dependencies'))).to.equal(true);
      expect(found).to.include(
        'spec/cli/fixtures/manifests/bad-exec.yaml:15: readinessProbe timeoutSeconds 1 s is shorter than exec pulsecheck --timeout-ms 2000 (timeout 2000 ms) plus the 250 ms backstop: 2250 ms; set timeoutSeconds: 3 or lower the timeout',
      );
      expect(found.some((line) => line.includes('drain')), 'no ports: a worker, no drain rule').to.equal(false);
      expect(code).to.equal(1);
    });

    it('reads a List (kubectl get -o yaml), skips the istio-proxy sidecar, and applies no drain rule to a worker without ports', async () => {
      const { code, stdout, stderr } = await verify(manifest('list'), '--module', healthModule);
      expect(stderr).to.equal('');
      expect(stdout.trimEnd().split('\n')).to.deep.equal([
        '✔ Deployment/api container app: readinessProbe fit the checks',
        '✔ StatefulSet/worker container worker: readinessProbe fit the checks',
        'verify-probes: 2 container(s) OK',
      ]);
      expect(code).to.equal(0);
    });

    it('loads the module openapi and postman accept: the example service\'s checks, whose clients come from a container', async () => {
      const { code, stderr } = await verify(manifest('good'), '--module', 'build/examples/service/checks.js');
      expect(stderr).to.not.include('No bindings');
      expect(stderr).to.equal('');
      expect(code).to.not.equal(2);
    });

    it('refuses a manifest larger than it can parse in bounded memory, exit 2', async () => {
      const directory = mkdtempSync(join(tmpdir(), 'pulsecheck-big-'));
      try {
        const file = join(directory, 'big.yaml');
        writeFileSync(file, `# ${'x'.repeat(9 * 2 ** 20)}\n`);
        const { code, stderr } = await verify(file, '--module', healthModule);
        expect(stderr).to.match(/is 9\.0 MiB; verify-probes reads at most 8 MiB/);
        expect(code).to.equal(2);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  });

  describe('when the input is not usable', () => {
    it('names the file and line of a YAML syntax error, and exits 2', async () => {
      const { code, stdout, stderr } = await verify(manifest('invalid-yaml'), '--module', healthModule);
      expect(stdout).to.equal('');
      expect(stderr).to.match(/^pulsecheck: spec\/cli\/fixtures\/manifests\/invalid-yaml\.yaml:\d+: not valid YAML: /);
      expect(code).to.equal(2);
    });

    it('names the file and line of a malformed probe field, and exits 2', async () => {
      const { code, stderr } = await verify(manifest('bad-field'), '--module', healthModule);
      expect(stderr).to.equal("pulsecheck: spec/cli/fixtures/manifests/bad-field.yaml:13: periodSeconds must be a non-negative number, got 'ten'\n");
      expect(code).to.equal(2);
    });

    it('exits 2 for a missing manifest, a missing --module, or two manifests', async () => {
      const missing = await verify('spec/cli/fixtures/manifests/none.yaml', '--module', healthModule);
      expect(missing.stderr).to.equal('pulsecheck: cannot read manifest spec/cli/fixtures/manifests/none.yaml: ENOENT\n');
      expect(missing.code).to.equal(2);
      const noModule = await verify(manifest('good'));
      expect(noModule.stderr).to.include('verify-probes: missing --module <path>');
      expect(noModule.code).to.equal(2);
      const two = await verify(manifest('good'), manifest('bad-path'), '-m', healthModule);
      expect(two.stderr).to.include('verify-probes needs exactly one manifest file');
      expect(two.code).to.equal(2);
    });

    it('exits 2 when the manifest has no Deployment or StatefulSet', async () => {
      const { code, stderr } = await verify('spec/cli/fixtures/manifests/health.ts', '--module', healthModule);
      expect(stderr).to.match(/not valid YAML|no Deployment or StatefulSet found/);
      expect(code).to.equal(2);
    });

    it('prints its own help with --help', async () => {
      const { code, stdout } = await verify('--help');
      expect(stdout).to.include('Usage: pulsecheck verify-probes <manifest.yaml> --module <path>');
      expect(code).to.equal(0);
    });
  });
});
