// Starts a bench server in a child process and talks to it over IPC: `server.js` for one library (startServer), or
// any script that speaks the same protocol (startChild): it sends { type: 'ready', port } once listening, answers each
// { type, id, ... } with a message carrying that id, and exits after answering { type: 'close' }.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./server.js', import.meta.url));

/**
 * @param spec - { lib, role, pgPort?, timeoutMs?, cacheTtlMs? }
 * @returns { port, url, pid, request(type, extra), close(), stats() }
 */
export function startServer(spec, { startTimeoutMs = 20_000 } = {}) {
  return startChild(script, {
    label: `server ${spec.lib}`,
    execArgv: ['--expose-gc'],
    env: { BENCH_SERVER_SPEC: JSON.stringify(spec) },
    startTimeoutMs,
  });
}

/**
 * @param childScript - The server script to fork.
 * @param options - { label (for errors), env (added to process.env), execArgv?, startTimeoutMs? }
 * @returns { port, url, pid, request(type, extra), close(), stats() }
 */
export function startChild(childScript, { label, env, execArgv = [], startTimeoutMs = 20_000 }) {
  const child = fork(childScript, [], {
    execArgv,
    env: { ...process.env, ...env },
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
    for (const waiter of pending.values()) waiter.reject(new Error(`${label} exited: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    pending.clear();
  });

  function request(type, extra = {}, timeoutMs = 60_000) {
    const id = (nextId += 1);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${label}: no answer to '${type}' within ${timeoutMs} ms`));
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
      reject(new Error(`${label} did not start within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    child.once('message', (message) => {
      clearTimeout(timer);
      if (message.type !== 'ready') {
        reject(new Error(`${label}: unexpected first message ${JSON.stringify(message)}`));
        return;
      }
      resolve({ port: message.port, url: `http://127.0.0.1:${message.port}/health`, pid: child.pid, request, close, stats: async () => (await request('stats')).stats });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code} before listening: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
    });
  });
}
