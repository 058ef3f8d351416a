/**
 * Spec-side helpers for pulsecheck/grpc: a real @grpc/grpc-js server on a
 * loopback port, and a real client of `grpc.health.v1.Health` loaded from
 * the published health.proto (not from the descriptor pulsecheck ships).
 */
import { credentials, loadPackageDefinition, Server, ServerCredentials, type Client, type ClientReadableStream, type GrpcObject, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';
import type { HealthService } from 'pulsecheck';
import { addGrpcHealthService, type GrpcHealthServiceHandle, type GrpcHealthServiceOptions } from 'pulsecheck/grpc';

const protoPath = fileURLToPath(new URL('../../../spec/grpc/fixtures/health.proto', import.meta.url));
const loaded = loadPackageDefinition(loadSync(protoPath, { enums: String, defaults: true })) as { grpc: { health: { v1: GrpcObject } } };
const Health = loaded.grpc.health.v1.Health as ServiceClientConstructor;

/** The `grpc.health.v1.Health` service definition, from the published health.proto (for hand-written servers). */
export const healthServiceFromProto = Health.service;

/** A started server with the health service. */
export interface HealthServer {
  readonly server: Server;
  readonly port: number;
  readonly handle: GrpcHealthServiceHandle;
  close(): Promise<void>;
}

/** Binds `server` on a free loopback port. */
export async function bind(server: Server, serverCredentials = ServerCredentials.createInsecure()): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', serverCredentials, (error, port) => {
      if (error !== null) reject(error);
      else resolve(port);
    });
  });
}

/** A grpc-js server on 127.0.0.1 serving `service`'s health. */
export async function startHealthServer(service: HealthService, options?: GrpcHealthServiceOptions): Promise<HealthServer> {
  const server = new Server();
  const handle = addGrpcHealthService(server, service, options);
  const port = await bind(server);
  return {
    server,
    port,
    handle,
    close: async () => {
      handle.close();
      await new Promise<void>((resolve) => {
        server.tryShutdown(() => {
          resolve();
        });
      });
    },
  };
}

/** What a Check call answered: a status, or the gRPC error code's name. */
export type CheckAnswer = { status: string } | { code: number; details: string };

type HealthClient = Client & {
  Check(request: { service: string }, options: { deadline?: number }, callback: (error: ServiceError | null, response?: { status: string }) => void): void;
  Watch(request: { service: string }): ClientReadableStream<{ status: string }>;
};

/** A Watch stream as the spec sees it. */
export interface WatchStream {
  /** Every status received so far. */
  readonly statuses: string[];
  /** Resolves with the first status received from now on at index `index` (waits for it). */
  nth(index: number, timeoutMs?: number): Promise<string>;
  /** Whether the server ended the stream. */
  readonly ended: boolean;
  cancel(): void;
}

/** A real health client on `port`. */
export class HealthClientFixture {
  readonly #client: HealthClient;

  constructor(port: number) {
    this.#client = new Health(`127.0.0.1:${port}`, credentials.createInsecure()) as unknown as HealthClient;
  }

  /** Calls Check for `service`, with a deadline `deadlineMs` from now when given. */
  async check(service: string, deadlineMs?: number): Promise<CheckAnswer> {
    return new Promise<CheckAnswer>((resolve) => {
      this.#client.Check({ service }, deadlineMs === undefined ? {} : { deadline: Date.now() + deadlineMs }, (error, response) => {
        if (error !== null) resolve({ code: error.code, details: error.details });
        else resolve({ status: response?.status ?? 'none' });
      });
    });
  }

  /** Opens a Watch stream for `service`. */
  watch(service: string): WatchStream {
    const call = this.#client.Watch({ service });
    const statuses: string[] = [];
    const waiting: (() => void)[] = [];
    let ended = false;
    call.on('data', (response: { status: string }) => {
      statuses.push(response.status);
      for (const wake of waiting.splice(0)) wake();
    });
    call.on('error', () => {
      ended = true;
      for (const wake of waiting.splice(0)) wake();
    });
    call.on('end', () => {
      ended = true;
      for (const wake of waiting.splice(0)) wake();
    });
    return {
      statuses,
      get ended() {
        return ended;
      },
      nth: async (index, timeoutMs = 5_000) => {
        const deadline = performance.now() + timeoutMs;
        while (statuses.length <= index) {
          if (ended) throw new Error(`Watch ended after ${JSON.stringify(statuses)}`);
          const left = deadline - performance.now();
          if (left <= 0) throw new Error(`Watch: no status #${index} within ${timeoutMs} ms (got ${JSON.stringify(statuses)})`);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, left);
            waiting.push(() => {
              clearTimeout(timer);
              resolve();
            });
          });
        }
        return statuses[index] as string;
      },
      cancel: () => {
        call.cancel();
      },
    };
  }

  close(): void {
    this.#client.close();
  }
}
