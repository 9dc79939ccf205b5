/** `tips on [HH:MM] [time zone]` / `tips off` (每日 开/关): the chat's daily tip subscription. */
import { noticeEvent } from '../../reply/replies.ts';
import { detectLang } from '../../retrieval/tokenize.ts';
import { isTimeZone } from '../../tips/local-time.ts';
import { TEXT, tipsOnText } from '../text.ts';
import type { Command, CommandRunner, CommandSpec } from './types.ts';

const ON = new Set(['on', '开', '开启', '订阅']);
const OFF = new Set(['off', '关', '关闭', '退订', '取消']);

export const tipsCommand: CommandSpec = {
  key: 'tips',
  words: ['tips', '每日'],
  help: {
    en: '• `tips on [HH:MM] [time zone]` / `tips off`: a daily tip in this chat',
    zh: '• `tips on [HH:MM] [时区]` / `tips off`：在本群开启/关闭每日一招',
  },
  parse: ({ rest }) => parseTips(rest),
};

function parseTips(rest: string): Command {
  const [first, ...args] = rest.split(/\s+/).filter(Boolean);
  const sw = first?.toLowerCase();
  if (sw && OFF.has(sw)) return { name: 'tips_off' };
  if (!sw || !ON.has(sw)) return { name: 'invalid', message: 'tips_usage' };
  let time: string | undefined;
  let timezone: string | undefined;
  for (const arg of args) {
    const t = /^(\d{1,2})[:：](\d{2})$/.exec(arg);
    if (t) {
      const h = Number(t[1]);
      const m = Number(t[2]);
      if (h > 23 || m > 59) return { name: 'invalid', message: 'tips_time' };
      time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    } else if (isTimeZone(arg)) timezone = arg;
    else return { name: 'invalid', message: 'tips_usage' };
  }
  return { name: 'tips_on', time, timezone };
}

export const runTipsOn: CommandRunner<Extract<Command, { name: 'tips_on' }>> = async function* (cmd, ctx) {
  const { services, chat, msg } = ctx;
  // The language of the command without its time-zone argument: `每日 开 07:00 America/Los_Angeles`
  // is Chinese even though the zone's name has more Latin letters than the command has Chinese ones.
  const lang = cmd.timezone ? detectLang(msg.text.replace(cmd.timezone, ' ')) : ctx.lang;
  const existing = await services.store.subscription(chat);
  const sub = await services.store.upsertSubscription(
    {
      ...chat,
      time: cmd.time ?? existing?.time ?? '09:00',
      timezone: cmd.timezone ?? existing?.timezone ?? services.defaultTimezone,
      enabled: true,
      createdBy: msg.userId,
      lang,
    },
    services.now(),
  );
  ctx.log.info({ event_type: 'tips_on', time: sub.time, timezone: sub.timezone }, 'tips subscribed');
  yield noticeEvent(tipsOnText(lang, sub.time, sub.timezone), lang, ctx.ref);
};

export const runTipsOff: CommandRunner<Extract<Command, { name: 'tips_off' }>> = async function* (_cmd, ctx) {
  const { services, chat, lang } = ctx;
  const existing = await services.store.subscription(chat);
  if (existing?.enabled)
    await services.store.upsertSubscription({ ...existing, enabled: false }, services.now());
  yield noticeEvent((existing?.enabled ? TEXT.tipsOff : TEXT.tipsNotOn)[lang], lang, ctx.ref);
};

export const runInvalid: CommandRunner<Extract<Command, { name: 'invalid' }>> = async function* (_cmd, ctx) {
  yield noticeEvent(TEXT.tipsUsage[ctx.lang], ctx.lang, ctx.ref);
};
