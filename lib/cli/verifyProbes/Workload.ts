import type { Probe } from '../../core/Probe.js';

/** @internal One probe of a container, with the kubelet's defaults filled in. */
export interface ProbeSpec {
  readonly probe: Probe;
  /** `livenessProbe`, `readinessProbe` or `startupProbe`. */
  readonly field: string;
  /** The 1-based line of the probe in the manifest. */
  readonly line: number;
  /** `httpGet`, `exec`, `tcpSocket`, `grpc`, or `none`. */
  readonly handler: string;
  /** The httpGet path without its query, when the handler is httpGet. */
  readonly path: string | undefined;
  /** The grpc probe's `service` (`''` when left out, as the kubelet sends it), when the handler is grpc. */
  readonly grpcService?: string | undefined;
  /** The port of an httpGet, tcpSocket or grpc handler (a number or a port name), when given. */
  readonly port: number | string | undefined;
  /** The command of an exec handler, when it is one. */
  readonly command: readonly string[] | undefined;
  readonly timeoutSeconds: number;
  readonly periodSeconds: number;
  readonly failureThreshold: number;
  readonly initialDelaySeconds: number;
}

/** @internal What delays the end of serving after the pod is told to stop. */
export interface DrainDelay {
  readonly ms: number;
  /** Where each part came from, e.g. `preStop sleep 5 s`, `env DRAIN_MS=3000`. */
  readonly sources: readonly string[];
}

/** @internal One entry of a container's `ports`. */
export interface ContainerPort {
  readonly containerPort: number;
  readonly name: string | undefined;
}

/** @internal One container of a workload. */
export interface ContainerSpec {
  readonly name: string;
  readonly line: number;
  readonly probes: readonly ProbeSpec[];
  readonly drain: DrainDelay;
  /** The container's declared `ports`. */
  readonly ports: readonly ContainerPort[];
}

/** @internal A Deployment or StatefulSet, as far as verify-probes reads it. */
export interface Workload {
  readonly kind: string;
  readonly name: string;
  readonly line: number;
  readonly terminationGracePeriodSeconds: number;
  readonly containers: readonly ContainerSpec[];
}
