/**
 * Module resolution hooks (registered by blockYaml.ts) that make the `yaml`
 * package unresolvable, as if it were not installed.
 */
interface ResolveContext {
  readonly parentURL?: string | undefined;
}

type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string }>;

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve): Promise<{ url: string }> {
  if (/^yaml(\/|$)/.test(specifier)) {
    const error = new Error(`Cannot find package '${specifier}' (blocked by the spec: yaml not installed)`);
    Object.assign(error, { code: 'ERR_MODULE_NOT_FOUND' });
    throw error;
  }
  return nextResolve(specifier, context);
}
