import { expect } from 'chai';
import { HtmlSerializer } from 'pulsecheck';
import { serviceHeader } from '#lib/render/html/serviceHeader.js';
import { aReport, billingService, working } from '../fixtures.js';

const service = { ...billingService, links: { ...billingService.links, runbook: 'https://runbooks.example.com/billing?x=1&y=2' } };

describe('serviceHeader', () => {
  it('writes the description, the version, release and service id, each note and each link', () => {
    const html = serviceHeader(aReport([], { service }), 'full');
    expect(html).to.include('<p class="meta service-description">Invoices and payments</p>');
    expect(html).to.include('version <code>2</code> · release <code>2.4.1</code> · service <code>billing-api</code>');
    expect(html).to.include('<p class="meta service-note">read-only during the close</p>');
    expect(html).to.include('<a href="https://wiki.example.com/billing" rel="noopener noreferrer">about</a>');
    expect(html).to.include('<a href="https://runbooks.example.com/billing?x=1&amp;y=2" rel="noopener noreferrer">runbook</a>');
  });

  it('writes nothing below detail full, or for a report without a service', () => {
    expect(serviceHeader(aReport([], { service }), 'status')).to.equal('');
    expect(serviceHeader(aReport([], { service }), 'summary')).to.equal('');
    expect(serviceHeader(aReport([]), 'full')).to.equal('');
  });

  it('escapes every string, and links only http(s) targets (a report built by hand may carry javascript:)', () => {
    const hostile = { description: '<script>alert(1)</script>', version: '"><img src=x>', links: { '<b>rel</b>': 'javascript:alert(1)', ok: 'https://example.com/"onmouseover="x' } };
    const html = serviceHeader(aReport([], { service: hostile }), 'full');
    expect(html).not.to.match(/<script|<img|<b>|href="javascript/);
    expect(html).to.include('&lt;b&gt;rel&lt;/b&gt;: javascript:alert(1)');
    expect(html).to.include('href="https://example.com/&quot;onmouseover=&quot;x"');
  });

  it("is in the HtmlSerializer's header, after the counts, at detail full", () => {
    const page = new HtmlSerializer().serialize(aReport([working('db')], { service }));
    const header = page.slice(page.indexOf('<header'), page.indexOf('</header>'));
    expect(header).to.include('service-description');
    expect(header.indexOf('class="meta"')).to.be.lessThan(header.indexOf('service-description'));
    expect(new HtmlSerializer({ detail: 'status' }).serialize(aReport([working('db')], { service }))).not.to.include('billing-api');
  });
});
