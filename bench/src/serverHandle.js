// Starts `server.js` for one library in a child process (with --expose-gc) and talks to it over IPC.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./server.js', import.meta.url));

/**
 * @param spec - { lib, role, pgPort?, timeoutMs?, cacheTtlMs? }
 * @returns { port, url, pid, request(type, extra), close() }
 */
export function startServer(spec, { startTimeoutMs = 20_000 } = {}) {
  const child = fork(script, [], {
    execArgv: ['--expose-gc'],
    env: { ...process.env, BENCH_SERVER_SPEC: JSON.stringify(spec) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr += chunk;
  });
  let nextId = 0;
  const pending = new Map();
  child.on('message', (message) => {
    const waiter = pending.get(message.id);
    if (waiter !== undefined) {
      pending.delete(message.id);
      waiter.resolve(message);
    }
  });
  child.on('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error(`server ${spec.lib} exited: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    pending.clear();
  });

  function request(type, extra = {}, timeoutMs = 60_000) {
    const id = (nextId += 1);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`server ${spec.lib}: no answer to '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      child.send({ type, id, ...extra });
    });
  }

  async function close() {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await request('close', {}, 10_000);
    } catch {
      child.kill('SIGKILL');
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server ${spec.lib} did not start within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    child.once('message', (message) => {
      clearTimeout(timer);
      if (message.type !== 'ready') {
        reject(new Error(`server ${spec.lib}: unexpected first message ${JSON.stringify(message)}`));
        return;
      }
      resolve({ port: message.port, url: `http://127.0.0.1:${message.port}/health`, pid: child.pid, request, close, stats: async () => (await request('stats')).stats });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server ${spec.lib} exited with ${code} before listening: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
    });
  });
}
