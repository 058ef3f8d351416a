// The floor: what a user writes without a library (and what @godaddy/terminus leaves to the user):
// Promise.allSettled over the checks, no timeout, no cache, no single-flight.

/** The aggregation a @godaddy/terminus `healthChecks` function has to do by hand. */
export function aggregate(checks) {
  return async () => {
    const settled = await Promise.allSettled(checks.map(({ work }) => work()));
    const info = {};
    let healthy = true;
    settled.forEach((outcome, index) => {
      const { name } = checks[index];
      if (outcome.status === 'fulfilled') {
        info[name] = 'working';
      } else {
        healthy = false;
        info[name] = `unavailable: ${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)}`;
      }
    });
    return { healthy, info };
  };
}

export async function create({ checks }) {
  const run = aggregate(checks);
  return {
    run,
    async respond() {
      const { healthy, info } = await run();
      return { statusCode: healthy ? 200 : 503, body: JSON.stringify(info) };
    },
    async close() {},
  };
}
