/**
 * Module resolution hooks (registered by blockDrivers.ts) that make the
 * optional peer drivers unresolvable, as if they were not installed: any
 * import of `pg`, `pg-*`, `ioredis` or `amqplib` (or a path inside them) fails
 * with ERR_MODULE_NOT_FOUND. So do `@opentelemetry/*` (the optional peer of
 * `pulsecheck/opentelemetry`), `@grpc/*` (the optional peers of `pulsecheck/grpc`) and `yaml` (loaded by `verify-probes` only), so
 * that an entry point importing them would fail too.
 */
const blocked = /^(pg|pg-[\w-]+|ioredis|amqplib|mysql2|nats|mqtt|@opentelemetry\/[\w.-]+|@grpc\/[\w.-]+|yaml)(\/|$)/;

interface ResolveContext {
  readonly parentURL?: string | undefined;
}

type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string }>;

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve): Promise<{ url: string }> {
  if (blocked.test(specifier)) {
    const error = new Error(`Cannot find package '${specifier}' (blocked by the spec: optional peer dependency not installed)`);
    Object.assign(error, { code: 'ERR_MODULE_NOT_FOUND' });
    throw error;
  }
  return nextResolve(specifier, context);
}
