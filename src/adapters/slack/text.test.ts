import { describe, expect, it } from 'vitest';
import { renderReply } from './blocks.ts';
import { translateEvent } from './events.ts';
import { splitText } from './split.ts';
import { markdownToMrkdwn, mentions, slackToPlain } from './text.ts';

describe('slackToPlain', () => {
  it('strips mentions and broadcasts, unescapes entities and spells out links', () => {
    expect(slackToPlain('<@UCOACH> <!channel> is R&amp;D &lt;b&gt; worth it? <!here|here> <!everyone>')).toBe(
      'is R&D <b> worth it?',
    );
    expect(
      slackToPlain('see <https://x.io/a?b=1&amp;c=2|the guide> and <https://y.io> cc <@U2|bob> in <#C1|mkt>'),
    ).toBe('see the guide (https://x.io/a?b=1&c=2) and https://y.io cc @bob in #mkt');
    expect(slackToPlain('<!subteam^S1|@marketing> hi')).toBe('@marketing hi');
  });

  it('finds its own mention in either form', () => {
    expect(mentions('hey <@UCOACH>', 'UCOACH')).toBe(true);
    expect(mentions('hey <@UCOACH|coach>', 'UCOACH')).toBe(true);
    expect(mentions('hey <@U2>', 'UCOACH')).toBe(false);
  });
});

describe('markdownToMrkdwn', () => {
  it('converts around code spans, in quotes, and drops the marks it uses internally', () => {
    expect(markdownToMrkdwn('> *a* and **b**')).toBe('> _a_ and *b*');
    expect(markdownToMrkdwn('**a `<x>` b** then `**c**`')).toBe('*a `&lt;x&gt;` b* then `**c**`');
    expect(markdownToMrkdwn('x\u0001y\u0002z\u0003w `k`')).toBe('xyzw `k`');
    expect(markdownToMrkdwn('`a` # not a heading\n# heading')).toBe('`a` # not a heading\n*heading*');
  });

  it('converts bold, italics, headings, lists and links, and escapes the rest', () => {
    expect(
      markdownToMrkdwn('# Plan\n**Trust** first, *then* proof.\n- one\n* two\n[guide](https://x.io/a_b)'),
    ).toBe('*Plan*\n*Trust* first, _then_ proof.\n• one\n• two\nguide (https://x.io/a_b)');
    expect(markdownToMrkdwn('a < b & <!channel> `x<y`')).toBe('a &lt; b &amp; &lt;!channel&gt; `x&lt;y`');
  });

  it('never produces a mention, a broadcast or a link whose label hides its target', () => {
    // What slackToPlain gives for text a user typed as `&lt;@U9&gt;` (a mention written as text).
    expect(markdownToMrkdwn('ask <@U9BOSS> and <#C1> and <!here>')).toBe(
      'ask &lt;@U9BOSS&gt; and &lt;#C1&gt; and &lt;!here&gt;',
    );
    expect(markdownToMrkdwn('[https://bank.example](https://evil.example)')).toBe(
      'https://bank.example (https://evil.example)',
    );
    expect(markdownToMrkdwn('[https://x.io](https://x.io/)')).toBe('https://x.io/');
    expect(markdownToMrkdwn('<https://evil.example|bank.example>')).toBe(
      '&lt;https://evil.example|bank.example&gt;',
    );
    expect(markdownToMrkdwn('> quoted **line**')).toBe('> quoted *line*');
  });
});

describe('splitText', () => {
  it('cuts at paragraphs, then sentences, then spaces, never inside a word', () => {
    const text = `${'alpha beta. '.repeat(40)}\n\n${'gamma '.repeat(100)}`;
    const chunks = splitText(text, 200);
    expect(chunks.every((c) => c.length <= 200)).toBe(true);
    expect(chunks.join(' ').split(/\s+/)).toEqual(text.trim().split(/\s+/));
    expect(splitText('一二三四五六七八九十。'.repeat(30), 50).every((c) => c.length <= 50)).toBe(true);
  });
});

describe('renderReply', () => {
  it('keeps every message within Slack limits and always sets a text fallback', () => {
    const long = Array.from({ length: 4000 }, (_, i) => `w${i}`).join(' ');
    const messages = renderReply({
      kind: 'answer',
      lang: 'en',
      sections: Array.from({ length: 40 }, () => long),
      citations: [{ id: 'a', title: 'A', source: 'S' }],
      notes: ['offline'],
      buttons: [{ action: 'feedback_up', label: '👍', value: 'answer|r' }],
      ref: 'r',
    });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      expect(m.text.length).toBeGreaterThan(0);
      for (const b of m.blocks)
        if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(3000);
    }
    expect(messages.at(-1)?.blocks.at(-1)?.type).toBe('actions');
  });
});

describe('translateEvent', () => {
  it('takes the workspace of an org install from the event when authorizations have no team', () => {
    const t = translateEvent(
      { authorizations: [{ team_id: null, enterprise_id: 'E1' }] },
      { type: 'app_mention', user: 'W1', channel: 'C1', text: '<@UCOACH> hi', ts: '1.2', team: 'T9' },
      'UCOACH',
    );
    expect(t).toMatchObject({
      msg: { workspace: 'T9', messageId: '1.2', addressed: true },
      replyThreadTs: '1.2',
    });
    expect('msg' in t ? t.msg.eventId : 'skipped').toBeUndefined();
  });

  it('treats a thread reply as unaddressed unless it mentions Coach', () => {
    const ev = {
      type: 'message',
      user: 'U1',
      channel: 'C1',
      channel_type: 'channel',
      ts: '2.1',
      thread_ts: '1.1',
    };
    expect(translateEvent({}, { ...ev, text: 'more?' }, 'UCOACH')).toMatchObject({
      msg: { addressed: false, threadId: '1.1' },
    });
    expect(translateEvent({}, { ...ev, text: '<@UCOACH> more?' }, 'UCOACH')).toMatchObject({
      msg: { addressed: true },
    });
  });
});
