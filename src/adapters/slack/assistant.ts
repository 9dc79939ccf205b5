import type { App } from '@slack/bolt';
import * as bolt from '@slack/bolt';
import { SUGGESTED_PROMPTS } from '../../core/chat/commands/index.ts';
import type { SlackEventEnvelope, SlackMessageEvent } from './events.ts';
import { handleMessageEvent } from './messages.ts';
import type { SlackRuntime } from './runtime.ts';
import { describeSlackError } from './web-errors.ts';

/** The assistant panel's first words. */
export const ASSISTANT_GREETING =
  "Hi, I'm Coach, your B2B marketing coach. Ask me anything, or paste copy after `review` and I'll score it.";

/** The suggested prompts, generated from the command list (Slack shows at most four). */
export const ASSISTANT_PROMPTS = SUGGESTED_PROMPTS.slice(0, 4).map((p) => ({
  title: p.title.en,
  message: p.message.en,
}));

/**
 * Registers Bolt's `Assistant` (the assistant side panel) when the installed Bolt has it: a greeting and
 * suggested prompts when a thread starts; each user message gets a "thinking…" status and then the same
 * engine as a DM. Returns whether it was registered.
 */
export function registerAssistant(app: App, rt: SlackRuntime): boolean {
  const AssistantClass = (bolt as { Assistant?: typeof bolt.Assistant }).Assistant;
  if (typeof AssistantClass !== 'function' || typeof app.assistant !== 'function') return false;
  const assistant = new AssistantClass({
    threadStarted: async ({ event, setSuggestedPrompts }) => {
      const thread = event.assistant_thread;
      rt.background('assistant_thread_started', { channel: thread.channel_id }, async () => {
        await rt.client.chat.postMessage({
          channel: thread.channel_id,
          thread_ts: thread.thread_ts,
          text: ASSISTANT_GREETING,
        });
        await setSuggestedPrompts({ prompts: ASSISTANT_PROMPTS }).catch((err: unknown) => {
          rt.logger.warn({ event: 'slack_suggested_prompts_failed', ...describeSlackError(err) });
        });
      });
    },
    userMessage: async ({ message, body, setStatus }) => {
      handleMessageEvent(
        rt,
        body as SlackEventEnvelope,
        message as unknown as SlackMessageEvent,
        async (text) => {
          await setStatus(text.replace(/…$/, '').toLowerCase().concat('…'));
        },
      );
    },
  });
  app.assistant(assistant);
  return true;
}
