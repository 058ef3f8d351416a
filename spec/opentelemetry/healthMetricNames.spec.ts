import { expect } from 'chai';
import { ATTR_HW_STATE, METRIC_HW_STATUS } from '@opentelemetry/semantic-conventions/incubating';
import { HEALTH_METRIC_NAMES } from 'pulsecheck/opentelemetry';
import { conventionNamePattern, namingProblems, prometheusName, registeredNames } from './namingRules.js';

const metricNames = [HEALTH_METRIC_NAMES.status, HEALTH_METRIC_NAMES.duration];
const attributeNames = [HEALTH_METRIC_NAMES.name, HEALTH_METRIC_NAMES.critical, HEALTH_METRIC_NAMES.state, `${HEALTH_METRIC_NAMES.tag}.ready`];

describe('HEALTH_METRIC_NAMES', () => {
  it('uses a naming rule that every name of @opentelemetry/semantic-conventions follows', () => {
    expect(registeredNames.length).to.be.greaterThan(1000);
    expect(registeredNames.filter((name) => !conventionNamePattern.test(name))).to.deep.equal([]);
  });

  it('follows that rule and names no attribute like a metric or a metric namespace (it had health.check.status as both)', () => {
    expect(namingProblems(metricNames, attributeNames)).to.deep.equal([]);
    expect(namingProblems(['health.check.status'], ['health.check.status', 'health.check'])).to.have.length(2);
  });

  it('carries the status gauge\'s state as hw.status carries hw.state', () => {
    expect([METRIC_HW_STATUS, ATTR_HW_STATE]).to.deep.equal(['hw.status', 'hw.state']);
    expect(HEALTH_METRIC_NAMES.state).to.equal(HEALTH_METRIC_NAMES.status.replace(/\.status$/, '.state'));
  });

  it('takes no name the conventions register for something else', () => {
    const registered = new Set(registeredNames);
    expect([...metricNames, ...attributeNames].filter((name) => registered.has(name))).to.deep.equal([]);
  });

  it('maps to distinct Prometheus names, no label named like a metric', () => {
    const metrics = metricNames.map(prometheusName);
    const labels = attributeNames.map(prometheusName);
    expect(metrics).to.deep.equal(['health_check_status', 'health_check_duration']);
    expect(labels).to.deep.equal(['health_check_name', 'health_check_critical', 'health_check_state', 'health_check_tag_ready']);
    expect(new Set([...metrics, ...labels]).size).to.equal(metrics.length + labels.length);
  });
});
