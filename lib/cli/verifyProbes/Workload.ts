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

/** @internal One container of a workload. */
export interface ContainerSpec {
  readonly name: string;
  readonly line: number;
  readonly probes: readonly ProbeSpec[];
  readonly drain: DrainDelay;
}

/** @internal A Deployment or StatefulSet, as far as verify-probes reads it. */
export interface Workload {
  readonly kind: string;
  readonly name: string;
  readonly line: number;
  readonly terminationGracePeriodSeconds: number;
  readonly containers: readonly ContainerSpec[];
}
