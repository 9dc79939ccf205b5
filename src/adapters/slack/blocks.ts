import type { types } from '@slack/bolt';
import { TEAM_DOC_LABEL } from '../../core/answer/citations.ts';
import { trendBars } from '../../core/reply/trend.ts';
import type { Button, RichReply } from '../../core/reply/types.ts';
import { splitText } from './split.ts';
import { escapeSlack, markdownToMrkdwn, mrkdwnToFallback } from './text.ts';

/** A Block Kit block. */
export type Block = types.KnownBlock;

/** One Slack message: Block Kit plus the `text` fallback (notifications, screen readers). */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's limits (section text, blocks per message, button value), and our own cap per message. */
export interface BlockLimits {
  sectionChars: number;
  blocksPerMessage: number;
  /** Total block text per message, so that no message is refused as `msg_too_long`. */
  messageChars: number;
}

/** The limits Slack documents, with a conservative total per message. */
export const SLACK_LIMITS: BlockLimits = { sectionChars: 3000, blocksPerMessage: 50, messageChars: 12_000 };

/** Smaller limits for a second attempt after Slack answered `msg_too_long`. */
export const SMALL_LIMITS: BlockLimits = { sectionChars: 1500, blocksPerMessage: 20, messageChars: 4_000 };

/** Action ids of Coach's buttons: `coach_feedback_up`, `coach_review_again`, `coach_share`… */
export const ACTION_PREFIX = 'coach_';

/** The share button under an ephemeral reply: posts it where the user can choose to show it. */
export interface ShareButton {
  /** Id of the stored reply (see `createShareStore`). */
  id: string;
  label?: string;
}

const FALLBACK_CHARS = 3000;
const CONTEXT_CHARS = 2900;

/** Options of `renderReply`. */
export interface RenderOptions {
  share?: ShareButton;
  /** Leave out the reply's own buttons (e.g. a reply shared by a user). */
  noButtons?: boolean;
  /** A context line on top (e.g. "Shared by @ana"). */
  byline?: string;
  limits?: BlockLimits;
}

/**
 * A RichReply → one or more Slack messages. Notes first (context), the title, the sections as mrkdwn
 * sections split at paragraph/sentence/word boundaries, then the sources (context) and the buttons in the
 * last message. Every message stays within Slack's limits and has a `text` fallback.
 */
export function renderReply(reply: RichReply, opts: RenderOptions = {}): SlackMessage[] {
  const limits = opts.limits ?? SLACK_LIMITS;
  const head: Block[] = [];
  if (opts.byline) head.push(context([opts.byline]));
  if (reply.notes.length > 0) head.push(context(reply.notes.map((n) => `_${escapeSlack(n)}_`)));
  if (reply.title) head.push(section(`*${escapeSlack(reply.title)}*`));
  const body: Block[] = [];
  for (const s of reply.sections) {
    for (const chunk of splitText(markdownToMrkdwn(s), limits.sectionChars)) body.push(section(chunk));
  }
  // Slack draws no charts: the score trend as text bars in a code block.
  if (reply.trend) {
    const bars = `*${escapeSlack(reply.trend.title)}*\n\`\`\`${trendBars(reply.trend)}\`\`\``;
    for (const chunk of splitText(bars, limits.sectionChars)) body.push(section(chunk));
  }
  const tail: Block[] = [];
  if (reply.citations.length > 0) tail.push(sourcesBlock(reply));
  const buttons = [
    ...(opts.noButtons ? [] : reply.buttons.map(toButton)),
    ...shareButtons(reply, opts.share),
  ];
  if (buttons.length > 0) tail.push({ type: 'actions', block_id: 'coach_actions', elements: buttons });

  const messages: Block[][] = [];
  let current: Block[] = [];
  let chars = 0;
  for (const block of [...head, ...body]) {
    const size = blockChars(block);
    if (
      current.length > 0 &&
      (current.length >= limits.blocksPerMessage || chars + size > limits.messageChars)
    ) {
      messages.push(current);
      current = [];
      chars = 0;
    }
    current.push(block);
    chars += size;
  }
  const tailChars = tail.reduce((n, b) => n + blockChars(b), 0);
  if (
    current.length > 0 &&
    (current.length + tail.length > limits.blocksPerMessage || chars + tailChars > limits.messageChars)
  ) {
    messages.push(current);
    current = [];
  }
  current.push(...tail);
  if (current.length > 0) messages.push(current);
  return messages.map((blocks) => ({ blocks, text: fallbackText(blocks) }));
}

/** The sources as a context block: "Sources: [1] title — source". */
function sourcesBlock(reply: RichReply): Block {
  const head = reply.lang === 'zh' ? '*来源：*' : '*Sources:*';
  // Team documents are marked as such, their link in plain sight (Slack links a bare URL to itself).
  const lines = reply.citations.map((c, i) =>
    c.team
      ? `[${c.n ?? i + 1}] 📄 ${escapeSlack(c.title)} — ${escapeSlack(c.source)} _(${TEAM_DOC_LABEL[reply.lang]})_`
      : `[${c.n ?? i + 1}] ${escapeSlack(c.title)} — ${escapeSlack(c.source)}`,
  );
  const elements: string[] = [];
  let current = head;
  for (const line of lines) {
    if (current.length + line.length + 1 > CONTEXT_CHARS && elements.length < 9) {
      elements.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  elements.push(current.slice(0, CONTEXT_CHARS));
  return context(elements);
}

function shareButtons(reply: RichReply, share: ShareButton | undefined): types.Button[] {
  if (!share) return [];
  const label = share.label ?? (reply.lang === 'zh' ? '分享到频道' : 'Share in channel');
  return [
    {
      type: 'button',
      action_id: `${ACTION_PREFIX}share`,
      text: { type: 'plain_text', text: label, emoji: true },
      value: share.id,
    },
  ];
}

function toButton(b: Button): types.Button {
  const button: types.Button = {
    type: 'button',
    action_id: `${ACTION_PREFIX}${b.action}`,
    text: { type: 'plain_text', text: b.label.slice(0, 75), emoji: true },
    value: b.value.slice(0, 2000),
  };
  if (b.style) button.style = b.style;
  return button;
}

/** A mrkdwn section block. */
export function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** A context block of mrkdwn lines (at most 10). */
export function context(lines: string[]): Block {
  return {
    type: 'context',
    elements: lines.slice(0, 10).map((text) => ({ type: 'mrkdwn', text: text.slice(0, CONTEXT_CHARS) })),
  };
}

function blockChars(block: Block): number {
  if (block.type === 'section') return block.text?.text.length ?? 0;
  if (block.type === 'context')
    return block.elements.reduce((n, e) => n + ('text' in e ? e.text.length : 0), 0);
  return 200;
}

/** Plain-text fallback of a message: the visible text of its sections and context blocks. */
export function fallbackText(blocks: Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.type === 'section' && b.text) parts.push(b.text.text);
    if (b.type === 'context') for (const e of b.elements) if ('text' in e) parts.push(e.text);
  }
  const text = mrkdwnToFallback(parts.join('\n'));
  return text.length > FALLBACK_CHARS ? `${text.slice(0, FALLBACK_CHARS - 1)}…` : text || ' ';
}

/** A short message with one mrkdwn section. */
export function textMessage(mrkdwn: string): SlackMessage {
  const blocks = [section(mrkdwn.slice(0, 3000))];
  return { blocks, text: fallbackText(blocks) };
}

/**
 * The blocks of a message after a 👍/👎: the feedback buttons are replaced by a thank-you line; other
 * buttons (e.g. "Review again") stay.
 */
export function withFeedbackAcknowledged(blocks: Block[], thanks: string): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.type !== 'actions') {
      out.push(b);
      continue;
    }
    const rest = b.elements.filter((e) => !('action_id' in e && /^coach_feedback_/.test(e.action_id ?? '')));
    if (rest.length > 0) out.push({ ...b, elements: rest });
    out.push(context([thanks]));
  }
  return out;
}
