import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TIMEOUT_MS, probeResponseBudgetMs } from 'pulsecheck';

/** The first ```yaml block after `marker` in the Kubernetes guide. */
function guideYaml(marker: string): string {
  const guide = readFileSync('docs/guides/kubernetes.md', 'utf8');
  const at = guide.indexOf(marker);
  expect(at, `the guide still has '${marker}'`).to.be.greaterThan(-1);
  const block = /```yaml\n([\s\S]*?)```/.exec(guide.slice(at));
  if (block?.[1] === undefined) throw new Error('no yaml block after the marker');
  return block[1];
}

function verify(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli/pulsecheck.js', 'verify-probes', ...args], { timeout: 15_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

describe('the timing budget of a probe (Kubernetes guide, README, verify-probes)', function () {
  this.timeout(20_000);

  it('fits the default check timeout, backstop included, in a 1 s probe', () => {
    expect(probeResponseBudgetMs(DEFAULT_TIMEOUT_MS)).to.be.at.most(1000);
  });

  it("says in the README and the guide the default timeout and budget the code has", () => {
    const readme = readFileSync('README.md', 'utf8');
    const guide = readFileSync('docs/guides/kubernetes.md', 'utf8');
    expect(readme).to.include(`(${DEFAULT_TIMEOUT_MS} ms by default: with the 250 ms backstop, ${probeResponseBudgetMs(DEFAULT_TIMEOUT_MS)} ms`);
    expect(guide).to.include(`The default check timeout is ${DEFAULT_TIMEOUT_MS} ms`);
    expect(guide).to.include(`${probeResponseBudgetMs(DEFAULT_TIMEOUT_MS)} ms, so it answers within`);
  });

  it("accepts the guide's own pod spec (timeoutSeconds: 1) for checks on the default timeout", async () => {
    const probes = guideYaml('And the pod spec that matches')
      .split('\n')
      .map((line) => `          ${line}`)
      .join('\n');
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: app
          ports:
            - containerPort: 8080
          env:
            - name: DRAIN_MS
              value: "10000"
${probes}
`;
    expect(manifest).to.include('timeoutSeconds: 1');
    const directory = mkdtempSync(join(tmpdir(), 'pulsecheck-guide-'));
    try {
      const file = join(directory, 'guide.yaml');
      writeFileSync(file, manifest);
      const { code, stdout, stderr } = await verify(file, '--module', 'build/spec/cli/fixtures/manifests/defaults.js');
      expect(stderr).to.equal('');
      expect(stdout).to.include('verify-probes: 1 container(s) OK');
      expect(code).to.equal(0);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
