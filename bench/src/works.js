// The work every library's checks do, defined once so that each library does exactly the same:
// a check is `{ name, work(signal) }`, and `work` resolves when the dependency is fine and rejects otherwise.
import { setTimeout as sleep } from 'node:timers/promises';

/** A trivial async check that passes. */
export async function passWork() {}

/** A trivial async check that fails the way a refused dependency call does: with an Error. */
export async function failWork() {
  throw new Error('connect ECONNREFUSED 127.0.0.1:1');
}

/** `n` trivial checks; with `half`, every second one fails. */
export function trivialChecks(n, mode) {
  return Array.from({ length: n }, (_, index) => ({
    name: `check${index}`,
    work: mode === 'half' && index % 2 === 1 ? failWork : passWork,
  }));
}

/** `n` checks that each take `ms` milliseconds (a timer: no CPU work). */
export function sleepingChecks(n, ms) {
  const work = () => sleep(ms);
  return Array.from({ length: n }, (_, index) => ({ name: `slow${index}`, work }));
}

/**
 * The three dependency checks over real clients, each call counted at the client:
 * PostgreSQL `SELECT 1` through a pg Pool, Redis PING through ioredis, AMQP open + close a channel.
 *
 * @param clients - from `openClients()`
 * @param counts - an object whose `pg`, `redis`, `amqp` fields are incremented per dependency call
 */
export function dependencyChecks(clients, counts) {
  return [
    {
      name: 'postgres',
      async work() {
        counts.pg += 1;
        await clients.pool.query('SELECT 1');
      },
    },
    {
      name: 'redis',
      async work() {
        counts.redis += 1;
        const answer = await clients.redis.ping();
        if (answer !== 'PONG') throw new Error(`PING answered ${String(answer)}`);
      },
    },
    {
      name: 'rabbitmq',
      async work() {
        counts.amqp += 1;
        const channel = await clients.amqp.createChannel();
        await channel.close();
      },
    },
  ];
}

/** Fresh per-dependency call counters. */
export function newCounts() {
  return { pg: 0, redis: 0, amqp: 0 };
}
