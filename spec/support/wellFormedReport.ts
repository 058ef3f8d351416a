/**
 * The invariants every HealthReport keeps, whatever its checks did: asserted
 * by the property-based specs.
 */
import { expect } from 'chai';
import type { HealthReport } from 'pulsecheck';

const kinds = ['unavailable', 'unexpected result', 'warning', 'timeout', 'unknown error'];

/** Asserts that `report` is frozen and consistent, with one result per name of `names`, in that order. */
export function expectWellFormedReport(report: HealthReport, names: readonly string[]): void {
  expect(Object.isFrozen(report), 'report frozen').to.equal(true);
  expect(Object.isFrozen(report.checks), 'checks frozen').to.equal(true);
  expect(report.checks.map((check) => check.name)).to.deep.equal(names);
  let expected: 'pass' | 'warn' | 'fail' = 'pass';
  for (const check of report.checks) {
    expect(Object.isFrozen(check), `${check.name} frozen`).to.equal(true);
    expect(Object.isFrozen(check.errors), `${check.name} errors frozen`).to.equal(true);
    expect(['pass', 'warn', 'fail']).to.include(check.status);
    expect(check.durationMs).to.be.a('number').and.satisfy(Number.isFinite).and.at.least(0);
    expect(check.output).to.be.a('string').and.not.equal('');
    for (const error of check.errors) {
      expect(Object.isFrozen(error)).to.equal(true);
      expect(kinds, `${check.name}: ${error.message}`).to.include(error.kind);
      expect(error.message).to.be.a('string');
      expect(error.message).not.to.match(/[\r\n]/);
    }
    const statusFromErrors = check.errors.length === 0 ? 'pass' : check.errors.some((error) => error.kind !== 'warning') ? 'fail' : 'warn';
    expect(check.status, `${check.name}: ${check.output}`).to.equal(statusFromErrors);
    expect(check.output === 'working').to.equal(check.errors.length === 0);
    if (check.status === 'fail' && check.critical) expected = 'fail';
    else if (check.status !== 'pass' && expected === 'pass') expected = 'warn';
  }
  expect(report.status).to.equal(expected);
  expect(report.httpStatus).to.equal(report.status === 'fail' ? 503 : 200);
  expect(Number.isNaN(Date.parse(report.startedAt))).to.equal(false);
  expect(report.durationMs).to.be.a('number').and.at.least(0);
}
