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

interface ListedConnection {
  readonly name: string;
  readonly channels: number;
  readonly client_properties: readonly (readonly unknown[])[];
}

/** The broker's view of the connection named `connectionName`: its broker-side name and channel count. */
export async function findConnection(connectionName: string): Promise<{ name: string; channels: number } | undefined> {
  const { stdout } = await run('rabbitmqctl', ['-q', 'list_connections', '--formatter', 'json', 'name', 'channels', 'client_properties'], { timeout: 20_000 });
  const listed = JSON.parse(stdout) as ListedConnection[];
  const found = listed.find((connection) =>
    connection.client_properties.some((property) => property[0] === 'connection_name' && property[2] === connectionName),
  );
  return found === undefined ? undefined : { name: found.name, channels: found.channels };
}

/** Closes the connection named `connectionName` from the broker's side (the client sees CONNECTION_FORCED). */
export async function closeConnection(connectionName: string, reason: string): Promise<void> {
  const found = await findConnection(connectionName);
  if (found === undefined) throw new Error(`rabbitmqctl: no connection named ${connectionName}`);
  await run('rabbitmqctl', ['-q', 'close_connection', found.name, reason], { timeout: 20_000 });
}
