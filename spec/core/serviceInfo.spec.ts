import { expect } from 'chai';
import { Container } from 'inversify';
import { HealthCheckRegistry, HealthService, healthModule, type ServiceInfo } from 'pulsecheck';
import { checkClass, serviceFor } from './fixtures.js';

const info: ServiceInfo = {
  version: '2',
  releaseId: '2.4.1',
  serviceId: 'billing-api',
  description: 'Invoices and payments',
  notes: ['read-only during the monthly close'],
  links: { about: 'https://wiki.example.com/billing-api', 'http://api.x.io/rel/thresholds': 'http://api.x.io/about/billing/thresholds' },
};

function registryWithOneCheck(): HealthCheckRegistry {
  const registry = new HealthCheckRegistry();
  checkClass(registry, 'Clock', () => {});
  return registry;
}

describe('the serviceInfo option', () => {
  describe('given to healthModule()', () => {
    it('is carried by every report as `service`, equal to what was given, its fields in the draft order', async () => {
      const service = serviceFor(registryWithOneCheck(), { serviceInfo: info });
      const report = await service.run();
      expect(report.service).to.deep.equal(info);
      expect(Object.keys(report.service ?? {})).to.deep.equal(['version', 'releaseId', 'notes', 'serviceId', 'description', 'links']);
      expect((await service.run()).service).to.equal(report.service);
    });

    it('is a frozen copy: changing the given notes or links later changes no report', async () => {
      const notes = ['first'];
      const links: Record<string, string> = { about: 'https://example.com/about' };
      const service = serviceFor(registryWithOneCheck(), { serviceInfo: { notes, links } });
      notes.push('second');
      links.self = 'https://example.com/health';
      const report = await service.run();
      expect(report.service).to.deep.equal({ notes: ['first'], links: { about: 'https://example.com/about' } });
      expect(Object.isFrozen(report.service)).to.equal(true);
      expect(Object.isFrozen(report.service?.notes)).to.equal(true);
      expect(Object.isFrozen(report.service?.links)).to.equal(true);
    });

    it('is redacted like every output: a token in a link or a note becomes ***, and the link stays a URI', async () => {
      const service = serviceFor(registryWithOneCheck(), {
        serviceInfo: { notes: ['rotate api_key=sk_live_51Hx9aZ2eZvKYlo2C0dE4fGhIjK'], links: { status: 'https://status.example.com/health?token=abc123def456' } },
      });
      const report = await service.run();
      expect(report.service?.links).to.deep.equal({ status: 'https://status.example.com/health?token=***' });
      expect(report.service?.notes?.[0]).not.to.include('sk_live_51Hx9aZ2eZvKYlo2C0dE4fGhIjK');
    });

    it('leaves `service` out of the report when not given', async () => {
      const report = await serviceFor(registryWithOneCheck()).run();
      expect(report).not.to.have.property('service');
    });

    it('is carried by the reports of a service that shuts down, and of a latched startup', async () => {
      const service = serviceFor(registryWithOneCheck(), { serviceInfo: { version: '3' } });
      expect((await service.run({ probe: 'startup' })).service).to.deep.equal({ version: '3' });
      expect((await service.run({ probe: 'startup' })).service).to.deep.equal({ version: '3' });
      service.beginShutdown();
      expect((await service.run({ probe: 'readiness' })).service).to.deep.equal({ version: '3' });
    });
  });

  it('is accepted by the HealthService constructor', async () => {
    const report = await new HealthService([], { serviceInfo: { serviceId: 'svc-1' } }).run();
    expect(report.service).to.deep.equal({ serviceId: 'svc-1' });
  });

  describe('when malformed', () => {
    const load = (serviceInfo: unknown): void => {
      new Container().load(healthModule({ serviceInfo } as never));
    };

    it('refuses an unknown field, listing the draft\'s field names', () => {
      expect(() => { load({ verison: '1' }); }).to.throw(TypeError, "healthModule: unknown option 'serviceInfo.verison' (expected one of: version, releaseId, serviceId, description, notes, links)");
    });

    it('refuses a value that is not an object', () => {
      expect(() => { load('1.2.3'); }).to.throw(TypeError, /^healthModule: serviceInfo must be an object of the health\+json service fields.*got '1\.2\.3'/);
      expect(() => { load([]); }).to.throw(TypeError, /serviceInfo must be an object/);
    });

    it('refuses an empty or over-long version, releaseId or serviceId, and a description over 2,000 characters', () => {
      expect(() => { load({ version: '' }); }).to.throw(TypeError, 'healthModule: serviceInfo.version must be a non-empty string of at most 200 characters');
      expect(() => { load({ releaseId: 'x'.repeat(201) }); }).to.throw(TypeError, 'healthModule: serviceInfo.releaseId must be a non-empty string of at most 200 characters');
      expect(() => { load({ serviceId: 42 }); }).to.throw(TypeError, /serviceInfo\.serviceId must be a non-empty string/);
      expect(() => { load({ description: 'x'.repeat(2_001) }); }).to.throw(TypeError, /serviceInfo\.description must be a non-empty string of at most 2000 characters/);
      expect(() => { load({ description: 'x'.repeat(2_000) }); }).not.to.throw();
    });

    it('refuses notes that are not an array of strings, or more than 50', () => {
      expect(() => { load({ notes: 'one note' }); }).to.throw(TypeError, 'healthModule: serviceInfo.notes must be an array of at most 50 non-empty strings of at most 2000 characters each');
      expect(() => { load({ notes: ['ok', 3] }); }).to.throw(TypeError, /serviceInfo\.notes must be an array/);
      expect(() => { load({ notes: Array.from({ length: 51 }, () => 'n') }); }).to.throw(TypeError, /serviceInfo\.notes/);
    });

    it('refuses a link that is not an absolute http(s) URI, naming the link', () => {
      for (const uri of ['/relative/path', 'ftp://example.com/x', 'javascript:alert(1)', 'https://example.com/a b', 'https://example.com/%zz', 'https://', 42]) {
        expect(() => { load({ links: { about: uri } }); }, String(uri)).to.throw(TypeError, /^healthModule: serviceInfo\.links\.about must be an absolute http: or https: URI of at most 2048 characters, without a user name or password$/);
      }
    });

    it('refuses a link with a user name or password', () => {
      expect(() => { load({ links: { self: 'https://ops:hunter2@status.example.com/health' } }); }).to.throw(TypeError, /serviceInfo\.links\.self must be .* without a user name or password/);
      expect(() => { load({ links: { self: 'https://ops@status.example.com/health' } }); }).to.throw(TypeError, /serviceInfo\.links\.self/);
    });

    it('refuses links that are not an object, a relation that is not a name or URI, and more than 50 links', () => {
      expect(() => { load({ links: ['https://example.com'] }); }).to.throw(TypeError, /^healthModule: serviceInfo\.links must be an object of at most 50 link relations/);
      expect(() => { load({ links: { 'has space': 'https://example.com' } }); }).to.throw(TypeError, "healthModule: serviceInfo.links has the key 'has space', which is not a link relation: a name or URI of at most 200 characters (URI characters only)");
      const many = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`rel${index}`, 'https://example.com/']));
      expect(() => { load({ links: many }); }).to.throw(TypeError, 'healthModule: serviceInfo.links must hold at most 50 links, got 51');
    });

    it('accepts the links of the draft\'s example, an IPv6 host, a port, a query and a fragment', () => {
      expect(() => { load({
          links: {
            about: 'http://api.example.com/about/authz',
            'http://api.x.io/rel/thresholds': 'http://api.x.io/about/authz/thresholds',
            self: 'https://[::1]:8443/health?probe=ready#top',
          },
        }); },
      ).not.to.throw();
    });

    it('names the function the user called: the HealthService constructor', () => {
      expect(() => new HealthService([], { serviceInfo: { version: '' } })).to.throw(TypeError, 'HealthService: serviceInfo.version must be a non-empty string of at most 200 characters');
    });
  });
});
