import { describe, expect, it } from 'vitest';
import { messageText, resolveMentions } from './content.ts';

const mentions = [
  { key: '@_user_1', name: 'Coach', openId: 'ou_coach' },
  { key: '@_user_2', name: 'Li Lei', openId: 'ou_li' },
];

describe('message content', () => {
  it('removes the bot mention and names other people', () => {
    expect(resolveMentions('@_user_1  ask @_user_2 about  pricing', mentions, 'ou_coach')).toBe(
      'ask @Li Lei about pricing',
    );
  });

  it('reads text, and post content with or without a locale wrapper', () => {
    expect(messageText('text', JSON.stringify({ text: '@_user_1 hi' }), mentions, 'ou_coach')).toBe('hi');
    const post = {
      title: 'Q',
      content: [
        [
          { tag: 'at', user_id: '@_user_1', user_name: 'Coach' },
          { tag: 'text', text: ' see ' },
          { tag: 'a', text: 'this', href: 'https://example.com' },
        ],
        [{ tag: 'img', image_key: 'x' }],
        [{ tag: 'code_block', language: 'GO', text: 'x := 1' }],
      ],
    };
    expect(messageText('post', JSON.stringify(post), mentions, 'ou_coach')).toBe('Q\nsee this\nx := 1');
    expect(messageText('post', JSON.stringify({ zh_cn: post }), mentions, 'ou_coach')).toBe(
      'Q\nsee this\nx := 1',
    );
  });

  it('gives undefined for other message types and unreadable content', () => {
    expect(messageText('image', JSON.stringify({ image_key: 'x' }), [])).toBeUndefined();
    expect(messageText('text', 'not json', [])).toBeUndefined();
    expect(messageText('text', JSON.stringify({ nope: 1 }), [])).toBeUndefined();
  });
});
