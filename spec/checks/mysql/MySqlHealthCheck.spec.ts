import { EventEmitter } from 'node:events';
import { expect } from 'chai';
import { MySqlHealthCheck, type MySqlPoolConnectionLike, type MySqlPoolLike } from 'pulsecheck/mysql';
import { kinds, runCheck } from '../../support/runCheck.js';

/** A connection whose answer the spec scripts; records releases and destroys. */
class FakeConnection extends EventEmitter implements MySqlPoolConnectionLike {
  readonly calls: string[] = [];
  constructor(private readonly answer: (callback: (error: Error | null, rows: unknown) => void) => void) {
    super();
  }
  query(_sql: string, callback: (error: Error | null, rows: unknown) => void): void {
    this.answer(callback);
  }
  release(): void {
    this.calls.push('release');
  }
  destroy(): void {
    this.calls.push('destroy');
  }
}

function poolOf(connection: FakeConnection): MySqlPoolLike & { checkouts: number } {
  return {
    checkouts: 0,
    getConnection(callback) {
      this.checkouts += 1;
      setImmediate(() => { callback(null, connection); });
    },
  };
}

const rows = (row: unknown) => (callback: (error: Error | null, rows: unknown) => void) => setImmediate(() => { callback(null, [row]); });

describe('MySqlHealthCheck', () => {
  it('observes readOnly, and warns on a read-only server only with warnIfReadOnly', async () => {
    const connection = new FakeConnection(rows({ ok: 1, read_only: 1 }));
    const plain = await runCheck(new MySqlHealthCheck(poolOf(connection)));
    expect(plain.output).to.equal('working');
    expect(plain.observations.readOnly).to.deep.equal({ value: true });
    const primary = await runCheck(new MySqlHealthCheck(poolOf(connection), { warnIfReadOnly: true }));
    expect(primary.output).to.equal('warning: MySQL server is read-only (@@read_only = 1)');
    expect(primary.status).to.equal('warn');
    expect(connection.calls).to.deep.equal(['release', 'release']);
  });

  it('reports an unexpected answer, and still gives the connection back', async () => {
    const connection = new FakeConnection(rows({ ok: 2, read_only: 0 }));
    const result = await runCheck(new MySqlHealthCheck(poolOf(connection)));
    expect(result.output).to.equal('unexpected result: SELECT 1 AS ok, @@read_only AS read_only returned ok = 2 instead of 1');
    expect(connection.calls).to.deep.equal(['release']);
  });

  it('destroys (never releases) a connection whose query fails or hangs past the deadline', async () => {
    const failing = new FakeConnection((callback) => setImmediate(() => { callback(Object.assign(new Error('Lock wait timeout exceeded'), { code: 'ER_LOCK_WAIT_TIMEOUT', sqlState: 'HY000' }), undefined); }));
    expect((await runCheck(new MySqlHealthCheck(poolOf(failing)))).output).to.equal('unavailable: MySQL query failed: Lock wait timeout exceeded (ER_LOCK_WAIT_TIMEOUT)');
    expect(failing.calls).to.deep.equal(['destroy']);
    const hanging = new FakeConnection(() => undefined);
    const result = await runCheck(new MySqlHealthCheck(poolOf(hanging)), 30);
    expect(kinds(result)).to.deep.equal(['timeout']);
    expect(hanging.calls).to.deep.equal(['destroy']);
  });

  it('gives back a connection whose checkout completes after the deadline', async () => {
    const connection = new FakeConnection(rows({ ok: 1, read_only: 0 }));
    let late: (() => void) | undefined;
    const pool: MySqlPoolLike = {
      getConnection(callback) {
        late = () => { callback(null, connection); };
      },
    };
    expect(kinds(await runCheck(new MySqlHealthCheck(pool), 30))).to.deep.equal(['timeout']);
    late?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(connection.calls).to.deep.equal(['release']);
  });

  it('listens to the held connection\'s error event only while it holds it', async () => {
    const connection = new FakeConnection(rows({ ok: 1, read_only: 0 }));
    const check = new MySqlHealthCheck(poolOf(connection));
    for (let run = 0; run < 300; run += 1) await runCheck(check);
    expect(connection.listenerCount('error')).to.equal(0);
  });
});
