/**
 * @internal The first line of what was thrown (`Name: message` for an
 * Error); total: a Proxy or an object without prototype is described, never
 * rethrown. The CLI redacts what it prints afterwards.
 */
export function describeFirstLine(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? `${String(error.name)}: ${String(error.message)}` : String(error);
  } catch {
    text = 'a thrown value that cannot be described';
  }
  return text.split('\n')[0] ?? text;
}
