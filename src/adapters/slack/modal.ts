import type { App, types } from '@slack/bolt';
import type { Ticket } from '../../core/chat/engine.ts';
import type { IncomingMessage } from '../../core/chat/types.ts';
import { capText, MAX_INBOUND_CHARS } from '../../core/text-limits.ts';
import { deliverReply } from '../delivery/deliver.ts';
import { type EphemeralTarget, respondTo } from './ephemeral.ts';
import type { SlackRuntime } from './runtime.ts';
import { ephemeralSink } from './sinks.ts';
import { slackToPlain } from './text.ts';

/** callback_id of the review modal. */
export const REVIEW_MODAL = 'coach_review_modal';
/** callback_id of the message shortcut "Review with Coach" (see slack-manifest.json). */
export const REVIEW_SHORTCUT = 'coach_review_message';

/** Where the review made in the modal goes; kept in the view's `private_metadata`. */
export interface ModalMeta {
  channel: string;
  threadTs?: string;
  responseUrl?: string;
}

const MAX_COPY = 3000;

/** The review modal: the copy (multiline, required), the audience and the product context (optional). */
export function reviewModalView(meta: ModalMeta, copy = ''): types.View {
  const input = (
    block_id: string,
    label: string,
    placeholder: string,
    opts: { multiline?: boolean; optional?: boolean; initial?: string; max?: number },
  ) => ({
    type: 'input' as const,
    block_id,
    optional: opts.optional ?? false,
    label: { type: 'plain_text' as const, text: label },
    element: {
      type: 'plain_text_input' as const,
      action_id: block_id,
      multiline: opts.multiline ?? false,
      max_length: opts.max ?? 500,
      placeholder: { type: 'plain_text' as const, text: placeholder },
      ...(opts.initial ? { initial_value: opts.initial.slice(0, opts.max ?? 500) } : {}),
    },
  });
  return {
    type: 'modal',
    callback_id: REVIEW_MODAL,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: 'Review with Coach' },
    submit: { type: 'plain_text', text: 'Review' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      input('copy', 'Copy to review', 'Tagline, value proposition or landing-page claim…', {
        multiline: true,
        initial: copy,
        max: MAX_COPY,
      }),
      input('audience', 'Audience (optional)', 'e.g. CFOs of mid-size manufacturers', { optional: true }),
      input('context', 'Product context (optional)', 'What the product does, the proof you have…', {
        multiline: true,
        optional: true,
      }),
    ],
  };
}

/** Opens the review modal with the trigger of a command or shortcut (valid for 3 s). */
export async function openReviewModal(rt: SlackRuntime, triggerId: string, meta: ModalMeta): Promise<void> {
  await rt.client.views.open({ trigger_id: triggerId, view: reviewModalView(meta) });
}

/** Reads the modal's values from a `view_submission`. */
export function modalValues(view: {
  state?: { values?: Record<string, Record<string, { value?: string | null }>> };
}) {
  const value = (block: string) => (view.state?.values?.[block]?.[block]?.value ?? '').trim();
  return { copy: value('copy'), audience: value('audience'), context: value('context') };
}

function parseMeta(raw: string | undefined): ModalMeta | undefined {
  try {
    const v = JSON.parse(raw ?? '') as Partial<ModalMeta>;
    return typeof v.channel === 'string' ? (v as ModalMeta) : undefined;
  } catch {
    return undefined; // a modal without our metadata: the review goes to the user's DM
  }
}

/** What a review from the modal or the shortcut is about, and where its private reply goes. */
interface ReviewRequest {
  workspace: string;
  userId: string;
  messageId: string;
  copy: string;
  reviewContext?: string;
  meta: ModalMeta | undefined;
  respond?: EphemeralTarget['respond'];
  /** The payload's `response_url`, kept with the work so a replica taking it over can answer. */
  responseUrl?: string;
}

/** The engine message of a review request (its reply goes to the channel in the metadata, or a DM). */
function reviewMessage(opts: ReviewRequest): IncomingMessage {
  const responseUrl = opts.responseUrl ?? opts.meta?.responseUrl;
  return {
    platform: 'slack',
    workspace: opts.workspace,
    chatId: opts.meta?.channel ?? opts.userId,
    messageId: opts.messageId,
    userId: opts.userId,
    text: `review ${opts.copy}`,
    direct: false,
    addressed: true,
    ...(opts.reviewContext ? { reviewContext: opts.reviewContext } : {}),
    ...(responseUrl ? { replyTo: { responseUrl } } : {}),
  };
}

/** Shows an accepted review to the user only, with a button to post it. */
async function deliverReview(rt: SlackRuntime, ticket: Ticket, opts: ReviewRequest): Promise<void> {
  const channel = ticket.msg.chatId;
  const threadTs = opts.meta?.threadTs;
  const label = threadTs ? 'Post in thread' : 'Share in channel';
  const respond = opts.respond ?? (opts.meta?.responseUrl ? respondTo(opts.meta.responseUrl) : undefined);
  const sink = ephemeralSink(
    rt,
    { channel, userId: opts.userId, ...(respond ? { respond } : {}) },
    (reply) => ({
      id: rt.shares.put({ reply, channel, userId: opts.userId, ...(threadTs ? { threadTs } : {}) }),
      label,
    }),
  );
  const result = await deliverReply(rt.engine.answer(ticket), sink, {
    ...rt.delivery,
    log: rt.logger.child({ channel, user: opts.userId }),
  });
  const reply = result.reply;
  rt.logger.info({
    event: 'slack_review_delivered',
    channel,
    overall: reply?.review?.overall,
    via: sink.via(),
    delivered: result.delivered,
  });
}

/** Accepts a review (recorded as work) before `ack`, then reviews in the background. */
async function acceptReview(
  rt: SlackRuntime,
  name: string,
  opts: ReviewRequest,
  ack: () => Promise<void>,
): Promise<void> {
  const ticket = await rt.engine.accept(reviewMessage(opts));
  await ack();
  if (ticket) rt.background(name, { user: opts.userId }, () => deliverReview(rt, ticket, opts));
}

/**
 * The modal's submission (empty copy → `response_action: 'errors'`, else acked and reviewed in the
 * background) and the message shortcut "Review with Coach" (reviews the message's text).
 */
export function registerReviewModal(app: App, rt: SlackRuntime): void {
  app.view(REVIEW_MODAL, async ({ ack, body, view }) => {
    const { copy, audience, context } = modalValues(view);
    if (!copy) {
      await ack({ response_action: 'errors', errors: { copy: 'Paste the copy you want reviewed.' } });
      return;
    }
    const reviewContext = [audience && `Audience: ${audience}`, context && `Product: ${context}`]
      .filter(Boolean)
      .join('\n');
    await acceptReview(
      rt,
      'review_modal_submit',
      {
        workspace: body.team?.id ?? body.enterprise?.id ?? 'unknown',
        userId: body.user.id,
        messageId: `view:${view.id}`,
        copy,
        ...(reviewContext ? { reviewContext } : {}),
        meta: parseMeta(view.private_metadata),
      },
      () => ack(),
    );
  });

  app.shortcut(REVIEW_SHORTCUT, async ({ ack, shortcut, respond }) => {
    if (shortcut.type !== 'message_action') {
      await ack();
      return;
    }
    const copy = slackToPlain(capText(shortcut.message.text ?? '', MAX_INBOUND_CHARS));
    const channel = shortcut.channel.id;
    const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
    if (!copy) {
      await ack();
      rt.background('review_shortcut', { channel, user: shortcut.user.id }, async () => {
        await respond({ response_type: 'ephemeral', text: 'That message has no text for me to review.' });
      });
      return;
    }
    await acceptReview(
      rt,
      'review_shortcut',
      {
        workspace: shortcut.team?.id ?? shortcut.user.team_id ?? 'unknown',
        userId: shortcut.user.id,
        messageId: `shortcut:${shortcut.trigger_id}`,
        copy,
        meta: { channel, threadTs },
        respond,
        ...(shortcut.response_url ? { responseUrl: shortcut.response_url } : {}),
      },
      () => ack(),
    );
  });
}
