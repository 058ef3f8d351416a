/**
 * Run as a child process by terminatePgBackendsSync: terminates every
 * PostgreSQL backend whose application_name is argv[3] (the spec's own), waits
 * until they are gone, and prints how many there were.
 */
import pg from 'pg';

const [url, applicationName] = process.argv.slice(2);
if (url === undefined || applicationName === undefined) throw new Error('usage: terminatePgBackendsChild <url> <application_name>');

const client = new pg.Client({ connectionString: url, application_name: 'pulsecheck-spec-admin' });
await client.connect();
try {
  const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [applicationName]);
  const pids = rows.map((row) => row.pid);
  for (const pid of pids) await client.query('SELECT pg_terminate_backend($1)', [pid]);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows: left } = await client.query<{ count: string }>('SELECT count(*) AS count FROM pg_stat_activity WHERE pid = ANY($1::int[])', [pids]);
    if (left[0]?.count === '0') break;
    if (Date.now() > deadline) throw new Error(`backends ${pids.join(', ')} still alive after 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  process.stdout.write(String(pids.length));
} finally {
  await client.end();
}
