import { expect } from 'chai';
import fc from 'fast-check';
import { HealthCheckRegistry, respond } from 'pulsecheck';
import { checkClass, serviceFor, type CheckBody } from '../core/fixtures.js';
import { checkSpec, makeBody, numRuns } from '../support/arbitraries.js';
import { recordProcessFailures } from '../support/processFailures.js';
import { expectWellFormedReport } from '../support/wellFormedReport.js';

const formats = ['json', 'html', 'health+json', 'openmetrics', 'prometheus'] as const;
const details = ['full', 'status', 'summary'] as const;
/** Formats whose status code is the report's (Prometheus scrapes may answer 200 whatever the status, issue 9 item 12). */
const statusFormats = new Set<string>(['json', 'html', 'health+json']);

describe('respond, property-based', function () {
  this.timeout(60_000);
  const failures = recordProcessFailures();

  it('answers every report run() produced, whatever its checks did, in every format and detail, with a consistent status, length and body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(checkSpec, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...formats),
        fc.constantFrom(...details),
        fc.constantFrom('GET', 'HEAD'),
        async (specs, format, detail, method) => {
          await failures.reset();
          const registry = new HealthCheckRegistry();
          const timers = new Set<NodeJS.Timeout>();
          const names = specs.map((spec, index) => {
            checkClass(registry, `check-${index}`, makeBody(spec.body, timers) as CheckBody, { timeoutMs: spec.timeoutMs, critical: spec.critical });
            return `check-${index}`;
          });
          const report = await serviceFor(registry).run();
          for (const timer of timers) clearTimeout(timer);
          expectWellFormedReport(report, names);
          const response = respond(report, { format, detail, method });
          if (statusFormats.has(format)) expect(response.statusCode).to.equal(report.httpStatus);
          else expect([report.httpStatus, 200]).to.include(response.statusCode);
          expect(response.body).to.be.a('string');
          const full = method === 'HEAD' ? respond(report, { format, detail }).body : response.body;
          if (method === 'HEAD') expect(response.body).to.equal('');
          expect(response.headers['Content-Length']).to.equal(String(Buffer.byteLength(full, 'utf8')));
          expect(response.headers['Content-Type']).to.be.a('string').and.not.equal('');
          if (format === 'json' || format === 'health+json') expect(() => JSON.parse(full) as unknown).not.to.throw();
          if (detail === 'full' && (format === 'json' || format === 'health+json')) {
            for (const check of report.checks) expect(full).to.include(JSON.stringify(check.name));
          }
          await failures.expectNone();
        },
      ),
      { numRuns: numRuns(40) },
    );
  });
});
