import { expect } from 'chai';
import sinon from 'sinon';
import { defaultLoadTimeoutMs, runCli } from '#lib/cli/runCli.js';

describe('runCli', () => {
  describe('having a module that never yields its service, and no timeout flag', () => {
    let clock: sinon.SinonFakeTimers;

    beforeEach(() => {
      clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    });

    afterEach(() => {
      clock.restore();
    });

    it('gives up after the default load timeout of 10 s, with exit code 2', async () => {
      expect(defaultLoadTimeoutMs).to.equal(10_000);
      let settled = false;
      const outcome = runCli(['-m', 'build/spec/cli/fixtures/pending.js'], process.cwd()).finally(() => {
        settled = true;
      });
      await clock.tickAsync(9_999);
      expect(settled).to.equal(false);
      await clock.tickAsync(1);
      const { exitCode, stdout, stderr } = await outcome;
      expect(exitCode).to.equal(2);
      expect(stdout).to.equal('');
      expect(stderr).to.match(/^pulsecheck: loading build\/spec\/cli\/fixtures\/pending\.js did not finish within 10000 ms/);
    });
  });

  describe('having --timeout-ms at the largest value a timer can hold', () => {
    it('still waits for the checks (its grace period never pushes a timer past the limit, which Node fires after 1 ms)', async () => {
      const { exitCode, stderr } = await runCli(['-m', 'build/spec/cli/fixtures/slowPassing.js', '--timeout-ms', '2147483647'], process.cwd());
      expect(stderr).to.equal('');
      expect(exitCode).to.equal(0);
    });
  });
});
