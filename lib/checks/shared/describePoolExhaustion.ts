/**
 * @internal Why a pool cannot give a check a connection without queueing
 * behind the application, or `undefined` when it can: every connection
 * allowed (`max`) is open and none is idle beyond those already promised to
 * waiters. A checkout then would add a waiter to the application's queue that
 * a timed-out check cannot take back, so the pool checks (PostgreSQL, MySQL)
 * report this as a warning instead of checking out. Without a positive `max`
 * (an unlimited or unknown pool) it is `undefined`.
 */
export function describePoolExhaustion(
  database: string,
  unit: string,
  counts: { readonly max: number | undefined; readonly total: number; readonly idle: number; readonly waiting: number },
): string | undefined {
  const { max, total, idle, waiting } = counts;
  if (typeof max !== 'number' || !(max > 0)) return undefined;
  if (total < max || idle > waiting) return undefined;
  return `${database} connection pool exhausted: ${total - idle} of ${max} ${unit} in use, ${waiting} waiting; the database was not probed, so as not to queue behind the application`;
}
