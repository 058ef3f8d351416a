/**
 * Loaded by mocha before every spec (see .mocharc.json): makes an unhandled
 * rejection anywhere in the suite fail it, instead of passing unnoticed.
 */
import 'reflect-metadata';

const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => {
  unhandled.push(reason);
});

export const mochaHooks = {
  afterEach(this: Mocha.Context): void {
    if (unhandled.length > 0) {
      const reasons = unhandled.splice(0).map((reason) => (reason instanceof Error ? reason.stack ?? reason.message : String(reason)));
      throw new Error(`unhandled promise rejection(s) during this test:\n${reasons.join('\n')}`);
    }
  },
};
