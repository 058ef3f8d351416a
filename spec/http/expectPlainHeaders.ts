import { expect } from 'chai';

/**
 * Asserts the one shape of every HealthResponse's headers: every header is an own, enumerable, writable string data property of a plain object, under a name that is not a lower-case copy of another. */
export function expectPlainHeaders(headers: Record<string, string>): void {
  expect(Object.getPrototypeOf(headers)).to.equal(Object.prototype);
  const names = Reflect.ownKeys(headers);
  expect(names.every((name) => typeof name === 'string')).to.equal(true);
  for (const name of names as string[]) {
    const descriptor = Object.getOwnPropertyDescriptor(headers, name);
    expect(descriptor, name).to.include({ enumerable: true, writable: true, configurable: true });
    expect(descriptor?.value, name).to.be.a('string');
  }
  const lower = (names as string[]).map((name) => name.toLowerCase());
  expect(new Set(lower).size, 'each header once, whatever its case').to.equal(lower.length);
  for (const name of names as string[]) expect(name.charAt(0), name).to.equal(name.charAt(0).toUpperCase());
  expect(headers['content-type'], 'no lower-case alias').to.equal(undefined);
  expect('content-type' in headers, 'no inherited alias either').to.equal(false);
}

