/**
 * A small validator of the Prometheus text format 0.0.4 and of OpenMetrics
 * 1.0.0 text, strict about the rules our output must follow: metadata before
 * samples, every sample in a declared family, each family contiguous and
 * declared once, valid metric and label names, label values escaped with
 * `\\`, `\"` and `\n` only, unique label sets, numeric values, and for
 * OpenMetrics exactly one `# EOF`, as the last line. Throws an Error naming
 * the offending line; returns the parsed families otherwise.
 */
export type Flavor = 'openmetrics' | 'prometheus';

export interface ParsedSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface ParsedFamily {
  readonly name: string;
  type: string | undefined;
  help: string | undefined;
  unit: string | undefined;
  readonly samples: ParsedSample[];
}

const metricName = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const number = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?Inf|NaN)$/;
const types = new Set(['counter', 'gauge', 'histogram', 'gaugehistogram', 'stateset', 'info', 'summary', 'unknown', 'untyped']);

export function parseExposition(text: string, flavor: Flavor): Map<string, ParsedFamily> {
  if (!text.endsWith('\n')) throw new Error('the exposition does not end with a line feed');
  const lines = text.slice(0, -1).split('\n');
  const families = new Map<string, ParsedFamily>();
  let current: ParsedFamily | undefined;
  let eofSeen = false;

  const fail = (index: number, problem: string): never => {
    throw new Error(`line ${index + 1} (${JSON.stringify(lines[index])}): ${problem}`);
  };
  const open = (index: number, name: string): ParsedFamily => {
    if (!metricName.test(name)) fail(index, `invalid metric name ${name}`);
    if (current?.name === name) return current;
    if (families.has(name)) fail(index, `family ${name} appears twice (families must be contiguous)`);
    current = { name, type: undefined, help: undefined, unit: undefined, samples: [] };
    families.set(name, current);
    return current;
  };

  lines.forEach((line, index) => {
    if (eofSeen) fail(index, 'content after # EOF');
    if (line === '') fail(index, 'empty line');
    if (line === '# EOF') {
      if (flavor === 'prometheus') fail(index, '# EOF in the Prometheus 0.0.4 format');
      eofSeen = true;
      return;
    }
    if (line.startsWith('#')) {
      const match = /^# (HELP|TYPE|UNIT) (\S+)(?: (.*))?$/.exec(line);
      if (match === null) return fail(index, 'a comment that is not HELP, TYPE or UNIT');
      const [, keyword = '', name = '', rest = ''] = match;
      const family = open(index, name);
      if (family.samples.length > 0) fail(index, `${keyword} after the samples of ${name}`);
      if (keyword === 'HELP') {
        if (family.help !== undefined) fail(index, 'HELP repeated');
        const escapes = flavor === 'openmetrics' ? /\\[^\\n"]/ : /\\[^\\n]/;
        if (escapes.test(rest.replaceAll('\\\\', ''))) fail(index, 'invalid escape in HELP');
        family.help = rest;
      } else if (keyword === 'TYPE') {
        if (family.type !== undefined) fail(index, 'TYPE repeated');
        if (!types.has(rest)) fail(index, `unknown type ${rest}`);
        if (flavor === 'openmetrics' && rest === 'untyped') fail(index, 'untyped is not an OpenMetrics type');
        family.type = rest;
      } else {
        if (flavor === 'prometheus') fail(index, '# UNIT in the Prometheus 0.0.4 format');
        if (!name.endsWith(`_${rest}`)) fail(index, `UNIT ${rest} is not a suffix of ${name}`);
        family.unit = rest;
      }
      return;
    }
    const sample = parseSample(line, (problem) => fail(index, problem));
    if (current === undefined || current.type === undefined) return fail(index, `sample ${sample.name} before any TYPE`);
    if (sample.name !== current.name) {
      if (families.has(sample.name)) fail(index, `sample of ${sample.name} outside its family block`);
      fail(index, `sample ${sample.name} belongs to no declared family`);
    }
    const key = JSON.stringify(Object.entries(sample.labels).sort(([a], [b]) => a.localeCompare(b)));
    if (current.samples.some((other) => JSON.stringify(Object.entries(other.labels).sort(([a], [b]) => a.localeCompare(b))) === key)) {
      fail(index, 'duplicate label set');
    }
    current.samples.push(sample);
  });

  if (flavor === 'openmetrics' && !eofSeen) throw new Error('no # EOF at the end of the OpenMetrics exposition');
  return families;
}

function parseSample(line: string, fail: (problem: string) => never): ParsedSample {
  const nameMatch = /^[^{ ]+/.exec(line);
  const name = nameMatch?.[0] ?? '';
  if (!metricName.test(name)) fail(`invalid metric name ${name}`);
  let position = name.length;
  const labels: Record<string, string> = {};
  if (line[position] === '{') {
    position += 1;
    while (line[position] !== '}') {
      const labelMatch = /^([^=]+)="/.exec(line.slice(position));
      if (labelMatch === null) fail('malformed label');
      const label = labelMatch?.[1] ?? '';
      if (!labelName.test(label)) fail(`invalid label name ${label}`);
      if (Object.hasOwn(labels, label)) fail(`label ${label} repeated`);
      position += (labelMatch?.[0].length ?? 0);
      let value = '';
      for (;;) {
        const character = line[position];
        if (character === undefined) fail('unterminated label value');
        if (character === '"') break;
        if (character === '\\') {
          const next = line[position + 1];
          if (next === '\\') value += '\\';
          else if (next === '"') value += '"';
          else if (next === 'n') value += '\n';
          else fail(`invalid escape \\${String(next)} in a label value`);
          position += 2;
        } else {
          value += character;
          position += 1;
        }
      }
      labels[label] = value;
      position += 1;
      if (line[position] === ',') position += 1;
      else if (line[position] !== '}') fail('labels not separated by a comma');
    }
    position += 1;
  }
  const rest = line.slice(position);
  const valueMatch = /^ (\S+)$/.exec(rest);
  if (valueMatch === null) fail(`expected one space and a value, got ${JSON.stringify(rest)}`);
  const text = valueMatch?.[1] ?? '';
  if (!number.test(text)) fail(`invalid value ${text}`);
  const value = text.endsWith('Inf') ? (text.startsWith('-') ? -Infinity : Infinity) : Number(text);
  return { name, labels, value };
}
