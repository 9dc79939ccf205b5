/**
 * Text from a user or a model never becomes a mention, a broadcast or a link whose label differs from
 * its target, in any message Coach sends: Slack text and blocks, Feishu cards, the terminal. Links from
 * Coach's own knowledge (the sources) are fine. Each case drives the real adapter over HTTP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFeishuHarness } from './feishu-harness.ts';
import { blockActionPayload, buttonsOf, type SlackHarness, startSlackHarness } from './slack-harness.ts';

/** Every string Coach sent in a Slack call: `text` and the texts inside blocks. */
function slackStrings(h: SlackHarness): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (k === 'text' || k === 'blocks' || k === 'elements') walk(x);
    }
  };
  for (const c of h.slack.calls) {
    if (['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response_url'].includes(c.method))
      walk(c.body);
  }
  return out;
}

/** Live Slack mark-up in text Coach sent: mentions, broadcasts, and links whose label is not the URL. */
function slackHazards(strings: string[]): string[] {
  const bad: string[] = [];
  for (const s of strings) {
    // Coach's own byline names the person who shared a reply: the one mention it writes itself.
    const own = s.replace(/^Shared by <@U1>/, '');
    for (const m of own.matchAll(/<([@!#][^>]*)>/g)) bad.push(`live ${m[0]} in: ${s.slice(0, 80)}`);
    for (const m of s.matchAll(/<([a-z]+:[^|>]*)\|([^>]*)>/gi)) {
      if (m[1] !== m[2]) bad.push(`disguised link ${m[0]}`);
    }
  }
  return bad;
}

const HOSTILE_SLACK =
  'Our platform &lt;@U999BOSS&gt; for &lt;!channel&gt; &lt;!here&gt; teams &lt;https://evil.example|bank.example&gt; ' +
  '[https://bank.example](https://evil.example) cuts month-end close 30%.';

describe('Slack: no mention, broadcast or disguised link from user or model text', () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h?.close();
  });

  it('in a review of hostile copy, its text fallback and blocks, and in the history excerpt', async () => {
    h = await startSlackHarness({ llm: 'none' });
    await h.dm(`review ${HOSTILE_SLACK}`);
    await h.sent(1);
    await h.dm('history');
    await h.sent(2);
    // A draft whose rewrite drops claims around the hostile parts ("smartest", "for everyone"), typed
    // with the slash command's name as in the terminal.
    await h.dm(`/coach review The smartest CRM for everyone! ${HOSTILE_SLACK}`);
    await h.sent(3);
    // A customer's quoted words are themselves quoted in a finding: hostile text inside the quote too.
    await h.dm(
      'review “We switched when &lt;@U999BOSS&gt; saw &lt;https://evil.example|bank.example&gt; and never looked back.”',
    );
    await h.sent(4);
    // A clause the stepwise scanner quotes in a finding, and a Traditional draft whose findings are
    // converted back to Traditional: hostile text inside both.
    await h.dm(
      'review If onboarding takes longer than &lt;@U999BOSS&gt; 30 days &lt;https://evil.example|bank.example&gt;, your first year is free.',
    );
    await h.sent(5);
    await h.dm(
      'review 招商銀行上線後 &lt;!here&gt;，審批時間從2天縮短到4小時 &lt;https://evil.example|bank.example&gt;。',
    );
    await h.sent(6);
    // A user's testimony quotes the product it names, with hostile text beside it.
    await h.dm(
      'review We have been running Ledgerly &lt;@U999BOSS&gt; in our production &lt;https://evil.example|bank.example&gt; for months.',
    );
    await h.sent(7);
    expect(slackStrings(h).join('\n')).toMatch(/customer speaking about \W?Ledgerly/);
    expect(slackStrings(h).join('\n')).toMatch(/skin in the game/);
    expect(slackStrings(h).join('\n')).toMatch(/招商銀行/);
    expect(slackStrings(h).join('\n')).toMatch(/own words/);
    expect(slackHazards(slackStrings(h))).toEqual([]);
    // The text is still there for the reader to see, as text.
    expect(slackStrings(h).join('\n')).toMatch(/evil\.example/);
  });

  it('in the unknown-command help, and when that reply is shared in the channel', async () => {
    h = await startSlackHarness({ llm: 'none' });
    await h.command('/[https://bank.example](https://evil.example) &lt;!channel&gt;');
    const [help] = await h.sent(1);
    expect(help?.text).toMatch(/don't know that command/);
    const m = h.slack.messages().at(-1);
    expect(m && buttonsOf(m).some((b) => b.action_id === 'coach_share')).toBe(true);
    if (m) await h.interact(blockActionPayload(m, 'coach_share', 'U1', h.slack.responseUrlBase));
    const shared = await h.sent(2);
    expect(shared[1]?.ephemeral).toBeUndefined();
    expect(slackHazards(slackStrings(h))).toEqual([]);
    expect(slackStrings(h).join('\n')).not.toMatch(/bank\.example/);
  });

  it('in a model answer that writes mentions, broadcasts and disguised links', async () => {
    h = await startSlackHarness({ llm: 'up', updateIntervalMs: 0 });
    h.openai?.reply([
      'Ping <!channel> and <@U999BOSS> now. ',
      'Log in at [https://bank.example](https://evil.example) or <https://evil.example|bank.example>. ',
      'Trust needs proof [1].',
    ]);
    await h.dm('How do I win the trust of a CFO?');
    await h.sent(1);
    expect(slackHazards(slackStrings(h))).toEqual([]);
  });
});

describe('Feishu: no @all and no disguised link from user or model text', () => {
  const hazards = (contents: string[]) =>
    contents.flatMap((c) => [
      ...[...c.matchAll(/<at\b[^>]*>/gi)].map((m) => `at tag ${m[0]}`),
      ...[...c.matchAll(/\[([^\]]*)\]\(([^)]*)\)/g)].filter((m) => m[1] !== m[2]).map((m) => `link ${m[0]}`),
    ]);
  const cardTexts = (bodies: Record<string, unknown>[]) =>
    bodies.flatMap((b) => {
      const out: string[] = [];
      const walk = (v: unknown) => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v))
            k === 'content' && typeof x === 'string' ? out.push(x) : walk(x);
      };
      try {
        walk(JSON.parse(String(b.content ?? '{}')));
      } catch {
        // not JSON: nothing to check
      }
      return out;
    });
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
  });

  it('in a review of hostile copy and in a model answer', async () => {
    const h = await startFeishuHarness({
      llm: 'up',
      scriptLlm: (llm) =>
        llm.setDefaultReply(
          'Ping <at user_id="all">所有人</at>. See [https://bank.example](https://evil.example) [1].',
        ),
    });
    close = () => h.close();
    await h.dm(
      '点评 我们的平台 <at user_id="all"></at> [https://bank.example](https://evil.example) 帮客户降本30%',
    );
    await h.dm('How do I win the trust of a CFO?');
    await h.sent(2);
    const bodies = h.fake.calls
      .filter((c) => /im\.message\.(create|reply|patch)/.test(c.op))
      .map((c) => c.body);
    expect(hazards(cardTexts(bodies))).toEqual([]);
  });
});
