/**
 * Slack's documented limits on what an app sends (Block Kit reference, chat.postMessage / chat.update /
 * views.open docs), checked by the fake Slack on every request so that every test also proves Coach
 * stays within them.
 */

type Json = Record<string, unknown>;

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response_url']);

/** Problems with one request; empty when it is within Slack's limits. */
export function slackLimitViolations(method: string, body: Json, previousBlockIds: string[] = []): string[] {
  const out: string[] = [];
  const where = (what: string) => `${method}: ${what}`;
  if (MESSAGE_METHODS.has(method)) {
    const text = typeof body.text === 'string' ? body.text : '';
    if (text.length > 40_000) out.push(where(`text of ${text.length} chars (> 40,000)`));
    const blocks = Array.isArray(body.blocks) ? (body.blocks as Json[]) : [];
    if (blocks.length > 50) out.push(where(`${blocks.length} blocks (> 50)`));
    if (blocks.length > 0 && !text.trim()) out.push(where('blocks without a text fallback'));
    out.push(...blockViolations(blocks).map(where));
    if (method === 'chat.update') {
      const reused = blockIds(blocks).filter((id) => previousBlockIds.includes(id));
      if (reused.length > 0) out.push(where(`update re-sends block_id ${reused.join(', ')}`));
    }
  }
  if (method === 'views.open' || method === 'views.update') {
    const view = (body.view ?? {}) as Json;
    const title = ((view.title ?? {}) as Json).text;
    if (typeof title === 'string' && title.length > 24)
      out.push(where(`title of ${title.length} chars (> 24)`));
    for (const k of ['submit', 'close']) {
      const t = ((view[k] ?? {}) as Json).text;
      if (typeof t === 'string' && t.length > 24) out.push(where(`${k} of ${t.length} chars (> 24)`));
    }
    const meta = view.private_metadata;
    if (typeof meta === 'string' && meta.length > 3_000) out.push(where('private_metadata over 3,000 chars'));
    const blocks = Array.isArray(view.blocks) ? (view.blocks as Json[]) : [];
    if (blocks.length > 100) out.push(where(`${blocks.length} blocks in a view (> 100)`));
    for (const b of blocks) {
      const el = (b.element ?? {}) as Json;
      const label = ((b.label ?? {}) as Json).text;
      if (typeof label === 'string' && label.length > 2_000) out.push(where('input label over 2,000 chars'));
      const ph = ((el.placeholder ?? {}) as Json).text;
      if (typeof ph === 'string' && ph.length > 150)
        out.push(where(`placeholder of ${ph.length} chars (> 150)`));
      if (typeof el.max_length === 'number' && el.max_length > 3_000)
        out.push(where('max_length over 3,000'));
      if (typeof el.initial_value === 'string' && el.initial_value.length > 3_000)
        out.push(where('initial_value over 3,000'));
    }
  }
  return out;
}

/** The block ids of a message's blocks. */
export function blockIds(blocks: Json[]): string[] {
  return blocks.flatMap((b) => (typeof b.block_id === 'string' ? [b.block_id] : []));
}

function blockViolations(blocks: Json[]): string[] {
  const out: string[] = [];
  const ids = blockIds(blocks);
  if (new Set(ids).size !== ids.length) out.push('duplicate block_id in one message');
  for (const id of ids) if (id.length > 255) out.push('block_id over 255 chars');
  for (const [i, b] of blocks.entries()) {
    const at = `block ${i} (${String(b.type)})`;
    const text = b.text as Json | undefined;
    if (b.type === 'section') {
      const t = typeof text?.text === 'string' ? text.text : '';
      if (t.length > 3_000) out.push(`${at}: text of ${t.length} chars (> 3,000)`);
      if (!t) out.push(`${at}: empty section text`);
    }
    if (b.type === 'header' && typeof text?.text === 'string' && text.text.length > 150)
      out.push(`${at}: header over 150`);
    const elements = Array.isArray(b.elements) ? (b.elements as Json[]) : [];
    if (b.type === 'context') {
      if (elements.length > 10) out.push(`${at}: ${elements.length} elements (> 10)`);
      for (const e of elements) {
        if (typeof e.text === 'string' && e.text.length > 3_000) out.push(`${at}: element text over 3,000`);
      }
    }
    if (b.type === 'actions') {
      if (elements.length > 25) out.push(`${at}: ${elements.length} elements (> 25)`);
      for (const e of elements) {
        const label = ((e.text ?? {}) as Json).text;
        if (typeof label === 'string' && label.length > 75) out.push(`${at}: button text over 75`);
        if (typeof e.value === 'string' && e.value.length > 2_000) out.push(`${at}: button value over 2,000`);
        if (typeof e.action_id === 'string' && e.action_id.length > 255)
          out.push(`${at}: action_id over 255`);
      }
    }
  }
  return out;
}
