/**
 * Server-side views and actions on RabbitMQ through `rabbitmqctl` (when the
 * broker runs on this machine and the tool is usable; the management plugin
 * is not assumed). Connections are found by their `connection_name` client
 * property, so a spec only ever touches its own.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

let available: Promise<boolean> | undefined;

/** Whether `rabbitmqctl` can talk to the broker here. */
export function rabbitmqctlAvailable(): Promise<boolean> {
  available ??= run('rabbitmqctl', ['-q', 'list_connections', 'name'], { timeout: 20_000 }).then(
    () => true,
    () => false,
  );
  return available;
}

/** The broker's view of the connection named `connectionName`: its process id (for close_connection) and channel count. */
export async function findConnection(connectionName: string): Promise<{ pid: string; channels: number } | undefined> {
  // The tab-separated listing prints pids in the form close_connection accepts (the JSON one does not).
  const { stdout } = await run('rabbitmqctl', ['-q', '--no-table-headers', 'list_connections', 'pid', 'channels', 'client_properties'], { timeout: 20_000 });
  const marker = `{"connection_name","${connectionName}"}`;
  const line = stdout.split('\n').find((candidate) => candidate.includes(marker));
  if (line === undefined) return undefined;
  const [pid = '', channels = ''] = line.split('\t');
  return { pid, channels: Number(channels) };
}

/** Closes the connection named `connectionName` from the broker's side (the client sees CONNECTION_FORCED). */
export async function closeConnection(connectionName: string, reason: string): Promise<void> {
  const found = await findConnection(connectionName);
  if (found === undefined) throw new Error(`rabbitmqctl: no connection named ${connectionName}`);
  await run('rabbitmqctl', ['-q', 'close_connection', found.pid, reason], { timeout: 20_000 });
}
