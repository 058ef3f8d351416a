import { loadPackageDefinition, type GrpcObject, type ServiceClientConstructor, type ServiceDefinition } from '@grpc/grpc-js';
import { fromJSON } from '@grpc/proto-loader';

/**
 * @internal `grpc/health/v1/health.proto` (the gRPC Health Checking Protocol,
 * https://github.com/grpc/grpc/blob/master/doc/health-checking.md) as a
 * protobuf.js JSON descriptor: shipped in `dist` as code, so neither the
 * user nor the package runs a build step or reads a `.proto` file at run time.
 */
export const HEALTH_PROTO_DESCRIPTOR: Parameters<typeof fromJSON>[0] = {
  nested: {
    grpc: {
      nested: {
        health: {
          nested: {
            v1: {
              nested: {
                HealthCheckRequest: { fields: { service: { type: 'string', id: 1 } } },
                HealthCheckResponse: {
                  fields: { status: { type: 'ServingStatus', id: 1 } },
                  nested: { ServingStatus: { values: { UNKNOWN: 0, SERVING: 1, NOT_SERVING: 2, SERVICE_UNKNOWN: 3 } } },
                },
                Health: {
                  methods: {
                    Check: { requestType: 'HealthCheckRequest', responseType: 'HealthCheckResponse', comment: '' },
                    Watch: { requestType: 'HealthCheckRequest', responseType: 'HealthCheckResponse', responseStream: true, comment: '' },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** @internal A `ServingStatus` of the protocol, as the loaded descriptor encodes and decodes it (enums as strings). */
export type ServingStatus = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';

/** @internal A `HealthCheckRequest`, decoded. */
export interface HealthCheckRequest {
  readonly service: string;
}

/** @internal A `HealthCheckResponse`, decoded. */
export interface HealthCheckResponse {
  readonly status: ServingStatus;
}

let loaded: ServiceClientConstructor | undefined;

/**
 * @internal The `grpc.health.v1.Health` client constructor (its `service`
 * property is the server-side definition), loaded once from
 * {@link HEALTH_PROTO_DESCRIPTOR}.
 */
export function healthClientConstructor(): ServiceClientConstructor {
  if (loaded === undefined) {
    const definition = fromJSON(HEALTH_PROTO_DESCRIPTOR, { enums: String, defaults: true });
    const grpc = loadPackageDefinition(definition) as { grpc: { health: { v1: GrpcObject } } };
    loaded = grpc.grpc.health.v1.Health as ServiceClientConstructor;
  }
  return loaded;
}

/** @internal The server-side definition of `grpc.health.v1.Health`. */
export function healthServiceDefinition(): ServiceDefinition {
  return healthClientConstructor().service;
}
