import { expect } from 'chai';
import type { CheckResult, HealthReport } from 'pulsecheck';
import { formatText } from '#lib/cli/formatText.js';

function result(name: string, overrides: Partial<CheckResult> = {}): CheckResult {
  return { name, status: 'pass', critical: true, tags: [], durationMs: 1.25, output: 'working', errors: [], observations: {}, ...overrides };
}

function report(checks: CheckResult[], status: HealthReport['status'] = 'pass'): HealthReport {
  return { status, httpStatus: status === 'fail' ? 503 : 200, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 12.34, checks };
}

describe('formatText', () => {
  it('writes one aligned line per check with its symbol, then a summary', () => {
    const text = formatText(
      report(
        [
          result('Process', { durationMs: 0.04 }),
          result('Database', { status: 'fail', durationMs: 801.5, output: 'timeout: did not finish within 800 ms' }),
          result('Cache', { status: 'warn', critical: false, output: 'warning: slow' }),
        ],
        'fail',
      ),
    );
    expect(text).to.equal(
      [
        '✔ Process               pass    0.0 ms  working',
        '✖ Database              fail  801.5 ms  timeout: did not finish within 800 ms',
        '! Cache (non-critical)  warn    1.3 ms  warning: slow',
        'fail: 3 checks (1 pass, 1 warn, 1 fail) in 12.3 ms',
        '',
      ].join('\n'),
    );
  });

  it('indents the further error lines of a check under its output', () => {
    const text = formatText(report([result('Db', { status: 'fail', output: 'unavailable: refused\nwarning: slow' })], 'fail'));
    const lines = text.split('\n');
    expect(lines[0]).to.equal('✖ Db  fail  1.3 ms  unavailable: refused');
    expect(lines[1]).to.equal(`${' '.repeat('✖ Db  fail  1.3 ms  '.length)}warning: slow`);
  });

  it('keeps a name or message with line breaks or escape sequences on its own line, showing them as visible escapes', () => {
    const text = formatText(report([result('Evil\n✔ Fake', { status: 'fail', output: 'unavailable: a\rb\u001b[2Jc\u009b1m\u202e' })], 'fail'));
    expect(text.split('\n')).to.have.length(3);
    expect(text).not.to.include('\r');
    expect(text).not.to.include('\u001b');
    expect(text).not.to.include('\u009b');
    expect(text).not.to.include('\u202e');
    expect(text.split('\n')[0]).to.equal('✖ Evil\\u000a✔ Fake  fail  1.3 ms  unavailable: a\\u000db\\u001b[2Jc\\u009b1m\\u202e');
  });

  it('says when a result was reused, and how old it is', () => {
    expect(formatText(report([result('Db', { cached: true, ageMs: 1499.6 })]))).to.include('working (cached, 1500 ms old)');
  });

  it('says so when no check was selected', () => {
    expect(formatText(report([]))).to.equal('(no check selected)\npass: 0 checks (0 pass, 0 warn, 0 fail) in 12.3 ms\n');
  });

  it('uses the singular for one check', () => {
    expect(formatText(report([result('Db')]))).to.match(/^pass: 1 check \(/m);
  });
});
