/**
 * Feishu / Lark document links Coach can learn from (no SDK here, so that recognising a link costs
 * nothing): a docx document (`/docx/<token>`), a wiki node (`/wiki/<token>`, read with the pages under
 * it), or a whole wiki space (`/wiki/space/<id>` or `/wiki/settings/<id>`), on feishu.cn, larksuite.com
 * or larkoffice.com hosts (tenant sub-domains included).
 */
import { CoachError } from '../../core/errors.ts';

/** A recognised link; `origin` is the host the user's links live on (for citations). */
export type FeishuDocLink =
  | { type: 'docx'; token: string; origin: string }
  | { type: 'wiki_node'; token: string; origin: string }
  | { type: 'wiki_space'; spaceId: string; origin: string };

const HOSTS = ['feishu.cn', 'feishu.net', 'larksuite.com', 'larkoffice.com'];
const TOKEN = /^[A-Za-z0-9]{8,64}$/;
const SPACE_ID = /^\d{6,30}$/;

/** True when the URL's host is a Feishu / Lark one. */
export function isFeishuHost(host: string): boolean {
  const h = host.toLowerCase();
  return HOSTS.some((d) => h === d || h.endsWith(`.${d}`));
}

/**
 * The document a link names, or undefined when it is not a Feishu / Lark link. A Feishu link to
 * something Coach cannot read (a sheet, an old-style doc) throws `input_invalid` saying so.
 */
export function parseFeishuLink(text: string): FeishuDocLink | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined; // not a URL at all: another provider's
  }
  if (!/^https?:$/.test(url.protocol) || !isFeishuHost(url.hostname)) return undefined;
  const origin = `${url.protocol}//${url.host}`;
  const parts = url.pathname.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (first === 'docx' && second && TOKEN.test(second)) return { type: 'docx', token: second, origin };
  if (first === 'wiki' && (second === 'space' || second === 'settings') && third && SPACE_ID.test(third)) {
    return { type: 'wiki_space', spaceId: third, origin };
  }
  if (first === 'wiki' && second && TOKEN.test(second)) return { type: 'wiki_node', token: second, origin };
  throw new CoachError(
    'input_invalid',
    `This Feishu/Lark link is not a docx document, a wiki page or a wiki space (${url.pathname.slice(0, 60)}); Coach reads those. Sheets, Base and old-style Docs are not read.`,
  );
}
