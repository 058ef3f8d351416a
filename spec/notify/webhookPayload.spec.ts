import { expect } from 'chai';
import { WEBHOOK_PAYLOAD_LIMITS } from 'pulsecheck';
import { webhookPayload } from '#lib/notify/webhookPayload.js';
import { failed, notification } from './changes.js';

/** 300 failing checks, each with a long output: the reproduced 154 KB Teams message. */
const outage = notification(...Array.from({ length: 300 }, (_, index) => failed(`Check${String(index).padStart(3, '0')}`, `unavailable: ${'connection refused by upstream '.repeat(15)}`)));

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

interface Teams {
  attachments: { content: { body: { text: string }[] } }[];
}
interface Slack {
  text: string;
  blocks: { text: { text: string } }[];
}
interface Json {
  title: string;
  changes: { name: string }[];
  omittedChanges?: number;
}

describe('webhookPayload', () => {
  it('keeps a Teams message under what Teams accepts, and says how many lines were cut', () => {
    const payload = webhookPayload('teams', outage, 'orders-api') as Teams;
    expect(bytes(payload)).to.be.at.most(WEBHOOK_PAYLOAD_LIMITS.teamsBytes);
    const body = payload.attachments[0]?.content.body ?? [];
    const shown = body.length - 2; // the title, and the "and N more" line
    expect(body[0]?.text).to.equal('orders-api: health 300 failed');
    expect(body.at(-1)?.text).to.equal(`… and ${300 - shown} more`);
    expect(shown).to.be.greaterThan(10);
  });

  it('keeps Slack\'s section within 3,000 characters, ending with how many lines were cut instead of dropping them silently', () => {
    const payload = webhookPayload('slack', outage, undefined) as Slack;
    const text = payload.blocks[0]?.text.text ?? '';
    expect(text.length).to.be.at.most(WEBHOOK_PAYLOAD_LIMITS.slackSectionChars);
    const lines = text.split('\n');
    const shown = lines.length - 2;
    expect(lines[0]).to.equal('*health 300 failed*');
    expect(lines.at(-1)).to.equal(`_… and ${300 - shown} more_`);
    expect(lines.slice(1, -1).every((line) => line.startsWith('FAILED Check'))).to.equal(true);
  });

  it('bounds the json payload too, with the count of the changes left out', () => {
    const huge = notification(...Array.from({ length: 2_000 }, (_, index) => failed(`Check${index}`, `unavailable: ${'x'.repeat(400)}`)));
    const payload = webhookPayload('json', huge, undefined) as Json;
    expect(bytes(payload)).to.be.at.most(WEBHOOK_PAYLOAD_LIMITS.jsonBytes);
    expect(payload.title).to.equal('health 2000 failed');
    expect(payload.changes.length + (payload.omittedChanges ?? 0)).to.equal(2_000);
    expect(payload.omittedChanges).to.be.greaterThan(0);
  });

  it('cuts nothing, and says nothing of cutting, when everything fits', () => {
    const small = notification(failed('Api'), failed('Db'));
    expect((webhookPayload('json', small, undefined) as Json).omittedChanges).to.equal(undefined);
    expect((webhookPayload('slack', small, undefined) as Slack).blocks[0]?.text.text).to.not.include('more');
    expect((webhookPayload('teams', small, undefined) as Teams).attachments[0]?.content.body).to.have.length(3);
  });

  it('bounds one very long line in every format', () => {
    const long = notification(failed('Api', `unavailable: ${'y'.repeat(400)}\n`.repeat(20)));
    const slack = (webhookPayload('slack', long, undefined) as Slack).blocks[0]?.text.text ?? '';
    expect(slack.length).to.be.at.most(WEBHOOK_PAYLOAD_LIMITS.lineChars + 50);
    const teams = webhookPayload('teams', long, undefined) as Teams;
    expect(teams.attachments[0]?.content.body[1]?.text.length).to.be.at.most(WEBHOOK_PAYLOAD_LIMITS.lineChars);
  });
});
