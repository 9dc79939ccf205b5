import { describe, expect, it } from 'vitest';
import { renderCards, requestBytes } from '../src/adapters/feishu/cards.ts';
import { renderReply as renderSlack } from '../src/adapters/slack/blocks.ts';
import { renderReply as renderTerminal } from '../src/adapters/terminal/render.ts';
import { historyReply } from '../src/core/reply/replies.ts';
import { trendBars } from '../src/core/reply/trend.ts';
import type { StoredReview } from '../src/core/store/types.ts';
import { slackLimitViolations } from './fakes/slack-limits.ts';

const review = (day: number, overall: number): StoredReview => ({
  userKey: 'slack:T1:U1',
  at: new Date(Date.UTC(2025, 2, day, 8)),
  overall,
  scores: { clarity: Math.round(overall / 20) },
  mode: 'offline',
  excerpt: `draft ${day}`,
  lang: 'en',
});

// `reviews` returns newest first.
const reviews = [review(9, 82), review(5, 67), review(1, 41)];

describe('history score trend', () => {
  it('keeps the overall scores oldest first, labelled by order and date', () => {
    const reply = historyReply(reviews, 'en', 'ref');
    expect(reply.trend?.points).toEqual([
      { label: '1 · 03-01', overall: 41 },
      { label: '2 · 03-05', overall: 67 },
      { label: '3 · 03-09', overall: 82 },
    ]);
    expect(historyReply([review(1, 41)], 'en', 'ref').trend).toBeUndefined();
  });

  it('draws bars as long as the scores', () => {
    const lines = trendBars({
      title: '',
      points: [
        { label: 'a', overall: 50 },
        { label: 'b', overall: 100 },
      ],
    }).split('\n');
    expect(lines[0]).toBe(`a  ${'█'.repeat(10)}${'░'.repeat(10)}  50`);
    expect(lines[1]).toBe(`b  ${'█'.repeat(20)}  100`);
  });

  it('is a chart element in the Feishu card, and text bars within the limits in Slack and the terminal', () => {
    const reply = historyReply(reviews, 'zh', 'ref');
    const [card] = renderCards(reply);
    const chart = card?.elements.find((e) => e.tag === 'chart') as unknown as {
      chart_spec: { data: { values: unknown[] } };
    };
    expect(chart.chart_spec.data.values).toEqual([
      { review: '1 · 03-01', score: 41 },
      { review: '2 · 03-05', score: 67 },
      { review: '3 · 03-09', score: 82 },
    ]);
    expect(requestBytes(card ?? {})).toBeLessThan(30_000);
    const messages = renderSlack(reply);
    const text = JSON.stringify(messages);
    expect(text).toContain('█'.repeat(16));
    for (const m of messages) expect(slackLimitViolations('chat.postMessage', { ...m })).toEqual([]);
    expect(renderTerminal(reply)).toContain(`3 · 03-09  ${'█'.repeat(16)}`);
  });
});
