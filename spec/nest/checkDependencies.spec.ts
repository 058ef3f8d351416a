import 'reflect-metadata';
import { expect } from 'chai';
import { inject, injectable, LazyServiceIdentifier, multiInject, optional, unmanaged } from 'inversify';
import { HealthCheck } from 'pulsecheck';
import { PG_POOL, PostgresHealthCheck } from 'pulsecheck/postgres';
import { checkDependencies } from '#lib/nest/checkDependencies.js';

const TOKEN = Symbol('Token');
const MANY = Symbol('Many');
class Client {}

describe('checkDependencies(classes)', () => {
  describe('having check classes decorated in every way inversify 8 records (read through @inversifyjs/core\'s getClassMetadata)', () => {
    @injectable()
    class Everything extends HealthCheck {
      @inject('config') declare readonly config: unknown;

      constructor(
        @inject(TOKEN) readonly token: unknown,
        readonly client: Client,
        @inject(new LazyServiceIdentifier(() => 'lazy')) @optional() readonly lazy: unknown,
        @multiInject(MANY) readonly many: unknown[],
        @unmanaged() readonly plain: number = 1,
      ) {
        super();
      }

      check(): void {}
    }

    it('should list each injected parameter and property, with its token, optionality and multiplicity, leaving unmanaged ones out', () => {
      const found = checkDependencies([Everything]).map(({ check, ...rest }) => ({ check: check.name, ...rest }));
      expect(found).to.deep.equal([
        { check: 'Everything', where: 'constructor parameter #0', token: TOKEN, optional: false, multiple: false },
        { check: 'Everything', where: 'constructor parameter #1', token: Client, optional: false, multiple: false },
        { check: 'Everything', where: 'constructor parameter #2', token: 'lazy', optional: true, multiple: false },
        { check: 'Everything', where: 'constructor parameter #3', token: MANY, optional: false, multiple: true },
        { check: 'Everything', where: "property 'config'", token: 'config', optional: false, multiple: false },
      ]);
    });
  });

  it('should find PG_POOL for the bundled PostgreSQL check', () => {
    expect(checkDependencies([PostgresHealthCheck]).map((dependency) => dependency.token)).to.deep.equal([PG_POOL]);
  });

  it('should find nothing for a class without injection metadata', () => {
    class Plain extends HealthCheck {
      check(): void {}
    }
    expect(checkDependencies([Plain])).to.deep.equal([]);
  });
});
