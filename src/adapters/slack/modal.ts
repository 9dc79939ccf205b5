import type { App, types } from '@slack/bolt';
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

/** Reviews `copy` through the engine and shows the result to the user only, with a button to post it. */
async function reviewForUser(
  rt: SlackRuntime,
  opts: {
    workspace: string;
    userId: string;
    messageId: string;
    copy: string;
    reviewContext?: string;
    meta: ModalMeta | undefined;
    respond?: EphemeralTarget['respond'];
  },
): Promise<void> {
  const channel = opts.meta?.channel ?? opts.userId;
  const msg: IncomingMessage = {
    platform: 'slack',
    workspace: opts.workspace,
    chatId: channel,
    messageId: opts.messageId,
    userId: opts.userId,
    text: `review ${opts.copy}`,
    direct: false,
    addressed: true,
    ...(opts.reviewContext ? { reviewContext: opts.reviewContext } : {}),
  };
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
  const result = await deliverReply(rt.engine.handle(msg), sink, {
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
    await ack();
    const reviewContext = [audience && `Audience: ${audience}`, context && `Product: ${context}`]
      .filter(Boolean)
      .join('\n');
    rt.background('review_modal_submit', { user: body.user.id }, () =>
      reviewForUser(rt, {
        workspace: body.team?.id ?? body.enterprise?.id ?? 'unknown',
        userId: body.user.id,
        messageId: `view:${view.id}`,
        copy,
        ...(reviewContext ? { reviewContext } : {}),
        meta: parseMeta(view.private_metadata),
      }),
    );
  });

  app.shortcut(REVIEW_SHORTCUT, async ({ ack, shortcut, respond }) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    const copy = slackToPlain(capText(shortcut.message.text ?? '', MAX_INBOUND_CHARS));
    const channel = shortcut.channel.id;
    const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
    rt.background('review_shortcut', { channel, user: shortcut.user.id }, async () => {
      if (!copy) {
        await respond({ response_type: 'ephemeral', text: 'That message has no text for me to review.' });
        return;
      }
      await reviewForUser(rt, {
        workspace: shortcut.team?.id ?? shortcut.user.team_id ?? 'unknown',
        userId: shortcut.user.id,
        messageId: `shortcut:${shortcut.trigger_id}`,
        copy,
        meta: { channel, threadTs },
        respond,
      });
    });
  });
}
