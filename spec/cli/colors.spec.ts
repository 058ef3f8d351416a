import { expect } from 'chai';
import { execFile } from 'node:child_process';

const fixture = (name: string): string => `build/spec/cli/fixtures/${name}.js`;

/** The environment of the test run without the colour switches, so that only what a case sets counts. */
function plainEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.NODE_DISABLE_COLORS;
  return env;
}

/** Runs the built bin with stdout into a pipe (never a terminal), with `env` added. */
function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli/pulsecheck.js', ...args], { timeout: 15_000, env: { ...plainEnv(), ...env } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

// eslint-disable-next-line no-control-regex -- finding escape sequences is the point
const sgr = /\u001b\[[0-9;]*m/g;

describe('pulsecheck (the bin) colours', function () {
  this.timeout(20_000);

  it('writes no escape sequence when piped', async () => {
    const { code, stdout } = await cli({}, '-m', fixture('warning'));
    expect(code).to.equal(0);
    expect(stdout).to.match(/^! /m);
    expect(stdout).not.to.include('\u001b');
  });

  it('writes none with NO_COLOR=1', async () => {
    const { stdout } = await cli({ NO_COLOR: '1' }, '-m', fixture('warning'));
    expect(stdout).to.match(/^! /m);
    expect(stdout).not.to.include('\u001b');
  });

  it('colours the text report with FORCE_COLOR=1, even into a pipe and with NO_COLOR set', async () => {
    for (const env of [{ FORCE_COLOR: '1' }, { FORCE_COLOR: '1', NO_COLOR: '1' }]) {
      const { code, stdout } = await cli(env, '-m', fixture('warning'));
      expect(code).to.equal(0);
      expect(stdout, JSON.stringify(env)).to.include('\u001b[33m⚠\u001b[0m');
      expect(stdout.replace(sgr, '')).to.match(/^⚠ \S+\s+warn\s/m);
    }
  });

  it('never colours --json or another format, whatever FORCE_COLOR says', async () => {
    for (const args of [['--json'], ['--format', 'health+json'], ['--format', 'prometheus']]) {
      const { stdout } = await cli({ FORCE_COLOR: '1' }, '-m', fixture('warning'), ...args);
      expect(stdout, args.join(' ')).not.to.include('\u001b');
    }
    const { stdout } = await cli({ FORCE_COLOR: '1' }, '-m', fixture('warning'), '--json');
    expect((JSON.parse(stdout) as { status: string }).status).to.equal('warn');
  });

  it('keeps escaping what the checks report when colouring: its own colours are the only escape sequences', async () => {
    const { stdout } = await cli({ FORCE_COLOR: '1' }, '-m', fixture('hostile'));
    expect(stdout).to.include('\u001b[31m✖\u001b[0m');
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(stdout.replace(sgr, '')).not.to.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(stdout).not.to.include('hunter2');
  });
});
