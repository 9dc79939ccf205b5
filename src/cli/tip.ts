import type { CoachServices } from '../app.ts';
import { tipOf, tipRotation } from '../core/tips/tip.ts';
import { parseFlags, UsageError } from './args.ts';
import type { Io } from './context.ts';

export const TIP_USAGE = 'usage: coach tip [--json] [--lang en|zh] [--date YYYY-MM-DD]';

/** `coach tip`: today's tip (a different entry each day, the same all day). */
export async function tipCommand(
  argv: string[],
  services: () => CoachServices,
  io: Io,
  now = new Date(),
): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    json: { type: 'boolean' },
    lang: { type: 'string' },
    date: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const lang = values.lang ?? 'en';
  if (lang !== 'en' && lang !== 'zh') throw new UsageError('--lang must be en or zh');
  const date = typeof values.date === 'string' ? values.date : now.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date must look like 2026-11-23');
  const s = services();
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  const rotation = tipRotation(s.kb, 'cli');
  const pick = rotation[day % rotation.length];
  if (!pick) throw new Error('the knowledge base is empty');
  const tip = tipOf(s.kb, pick, lang);
  if (values.json)
    io.out(`${JSON.stringify({ id: tip.id, title: tip.title, text: tip.text, source: tip.source })}\n`);
  else io.out(`💡 ${tip.title}\n\n${tip.text}\n\n— ${tip.source} [${tip.id}]\n`);
  return 0;
}
