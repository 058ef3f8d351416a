// @adonisjs/health: HealthChecks().register([...]).run(), one BaseCheck subclass per check.
// It has no timeout and does not catch a throwing check (run() would reject), so each check catches
// its own error and returns Result.failed(), as its docs show.
import { BaseCheck, HealthChecks, Result } from '@adonisjs/health';


class WorkCheck extends BaseCheck {
  #work;

  constructor(name, work) {
    super();
    this.name = name;
    this.#work = work;
  }

  async run() {
    try {
      await this.#work();
      return Result.ok('working');
    } catch (error) {
      return Result.failed(error instanceof Error ? error.message : String(error), error);
    }
  }
}

/**
 * @param spec - `checks` ({ name, work }[]), `cacheTtlMs` (0 = off; Adonis caches in whole seconds or a duration string)
 */
export async function create({ checks, cacheTtlMs = 0 }) {
  const instances = checks.map(({ name, work }) => {
    const check = new WorkCheck(name, work);
    return cacheTtlMs > 0 ? check.cacheFor(`${cacheTtlMs}ms`) : check;
  });
  const healthChecks = new HealthChecks().register(instances);
  return {
    run: () => healthChecks.run(),
    async respond() {
      const report = await healthChecks.run();
      return { statusCode: report.isHealthy ? 200 : 503, body: JSON.stringify(report) };
    },
    async close() {},
  };
}
