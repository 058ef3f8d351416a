import { expect } from 'chai';
import { DEFAULT_HEALTH_ROUTES, HealthCheck, type CheckDefinition, type CheckTraits } from 'pulsecheck';
import { PostgresHealthCheck } from 'pulsecheck/postgres';
import { findProbeProblems } from '#lib/cli/verifyProbes/findProbeProblems.js';
import type { ContainerSpec, ProbeSpec, Workload } from '#lib/cli/verifyProbes/Workload.js';

class AppDatabaseCheck extends PostgresHealthCheck {}
class ClockCheck extends HealthCheck {
  check(): void {}
}

function definition(name: string, target: CheckDefinition['target'], tags: string[], timeoutMs?: number): CheckDefinition {
  return { target, name, critical: true, timeoutMs, tags, description: undefined, cacheTtlMs: undefined };
}

const liveness: ProbeSpec = { probe: 'liveness', field: 'livenessProbe', line: 7, handler: 'httpGet', path: '/health/live', port: 8080, command: undefined, timeoutSeconds: 1, periodSeconds: 10, failureThreshold: 3, initialDelaySeconds: 0 };
const container: ContainerSpec = { name: 'app', line: 3, probes: [liveness], drain: { ms: 0, sources: [] }, ports: [] };
const workload: Workload = { kind: 'Deployment', name: 'api', line: 1, terminationGracePeriodSeconds: 30, containers: [container] };

describe('findProbeProblems', () => {
  it("flags a bundled dependency check on the liveness probe, even tagged 'live' and subclassed", () => {
    const definitions = [definition('Clock', ClockCheck, ['live'], 500), definition('Db', AppDatabaseCheck, ['live'], 300)];
    const problems = findProbeProblems(workload, container, { definitions, routes: DEFAULT_HEALTH_ROUTES, defaultTimeoutMs: 800 });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.deep.include({ line: 7 });
    expect(problems[0]?.message).to.include("('Db' is a PostgresHealthCheck)");
  });

  it("flags a user's check whose class declares traits.externalDependency, naming that class", () => {
    class PaymentsGatewayHealthCheck extends HealthCheck {
      static override readonly traits: CheckTraits = { componentType: 'component', externalDependency: true };
      check(): void {}
    }
    class EuPaymentsCheck extends PaymentsGatewayHealthCheck {}
    const problems = findProbeProblems(workload, container, { definitions: [definition('Payments', EuPaymentsCheck, ['live'], 300)], routes: DEFAULT_HEALTH_ROUTES, defaultTimeoutMs: 800 });
    expect(problems.map((problem) => problem.message)).to.have.length(1);
    expect(problems[0]?.message).to.include("('Payments' is a PaymentsGatewayHealthCheck)");
  });

  it('does not recognise a check by its class name: a live in-process check that happens to be called PostgresHealthCheck is fine', () => {
    const PostgresHealthCheck = class extends HealthCheck {
      check(): void {}
    };
    Object.defineProperty(PostgresHealthCheck, 'name', { value: 'PostgresHealthCheck' });
    const problems = findProbeProblems(workload, container, { definitions: [definition('Clock', PostgresHealthCheck, ['live'], 300)], routes: DEFAULT_HEALTH_ROUTES, defaultTimeoutMs: 800 });
    expect(problems).to.deep.equal([]);
  });

  it('has nothing to say about in-process live checks that fit the timeout', () => {
    const problems = findProbeProblems(workload, container, { definitions: [definition('Clock', ClockCheck, ['live'], 750)], routes: DEFAULT_HEALTH_ROUTES, defaultTimeoutMs: 800 });
    expect(problems).to.deep.equal([]);
  });

  it('gives a check without its own timeout the default timeout', () => {
    const target = { definitions: [definition('Clock', ClockCheck, ['live'])], routes: DEFAULT_HEALTH_ROUTES };
    expect(findProbeProblems(workload, container, { ...target, defaultTimeoutMs: 750 })).to.deep.equal([]);
    expect(findProbeProblems(workload, container, { ...target, defaultTimeoutMs: 751 })[0]?.message).to.include("check 'Clock' (timeout 751 ms) plus the 250 ms backstop: 1001 ms");
  });
});
