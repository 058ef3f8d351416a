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

  describe('with { color: true }', () => {
    const mixed = (): HealthReport =>
      report(
        [
          result('Process', { durationMs: 0.04 }),
          result('Database', { status: 'fail', durationMs: 801.5, output: 'timeout: did not finish within 800 ms' }),
          result('Cache', { status: 'warn', critical: false, output: 'warning: slow' }),
        ],
        'fail',
      );
    // eslint-disable-next-line no-control-regex -- removing SGR sequences is the point
    const strip = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

    it('colours the symbols and status words green, yellow and red, and marks warnings with ⚠', () => {
      const lines = formatText(mixed(), { color: true }).split('\n');
      expect(lines[0]).to.equal('\u001b[32m✔\u001b[0m Process               \u001b[32mpass\u001b[0m  \u001b[2m  0.0 ms\u001b[0m  working');
      expect(lines[1]).to.include('\u001b[31m✖\u001b[0m Database').and.include('\u001b[31mfail\u001b[0m');
      expect(lines[2]).to.include('\u001b[33m⚠\u001b[0m Cache (non-critical)').and.include('\u001b[33mwarn\u001b[0m');
      expect(lines[3]).to.equal('\u001b[1m\u001b[31mfail\u001b[0m: 3 checks (1 pass, 1 warn, 1 fail) in 12.3 ms');
    });

    it('keeps the columns and words of the plain text: only the colours and the warning symbol differ', () => {
      const plain = formatText(mixed());
      expect(strip(formatText(mixed(), { color: true }))).to.equal(plain.replace('! Cache', '⚠ Cache'));
    });

    it('writes no escape sequence without colour', () => {
      expect(formatText(mixed(), { color: false })).not.to.include('\u001b');
      expect(formatText(mixed())).not.to.include('\u001b');
    });

    it('still escapes what the report holds: its colours are the only escape sequences', () => {
      const text = formatText(report([result('Evil\u001b[2J', { status: 'fail', output: 'unavailable: \u001b[31mred\u009b1m' })], 'fail'), { color: true });
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(strip(text)).not.to.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(strip(text)).to.include('Evil\\u001b[2J').and.include('unavailable: \\u001b[31mred\\u009b1m');
    });
  });
});
