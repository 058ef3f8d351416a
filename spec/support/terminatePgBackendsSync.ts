/**
 * Terminates the spec's own PostgreSQL backends (found by application_name)
 * *synchronously*: the child process does the work while this process's event
 * loop is blocked, so a pool cannot notice the dead connections before the
 * spec runs its check. (Any await in between would let pg read the
 * termination notice and quietly drop its idle client first.)
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./terminatePgBackendsChild.js', import.meta.url));

/** Returns how many backends were terminated. */
export function terminatePgBackendsSync(url: string, applicationName: string): number {
  const output = execFileSync(process.execPath, [child, url, applicationName], { encoding: 'utf8', timeout: 20_000 });
  return Number(output.trim());
}
