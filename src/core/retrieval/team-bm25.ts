/**
 * A compact BM25 index for the team's passages, built for tens of thousands of them: postings in typed
 * arrays (passage slot, term count in the title and in the body), a scope number per slot so that a
 * chat's passages are skipped for every other chat while scoring, and the best results picked with a
 * small heap instead of sorting every match. Same scoring as the curated index (MiniSearch's BM25, per
 * field, with boosts), same terms (the caller tokenizes).
 */

/** BM25 constants (MiniSearch's defaults). */
const K1 = 1.2;
const B = 0.7;
const D = 0.5;
/** Field boosts: a term in the heading path counts twice. */
const TITLE_BOOST = 2;
const BODY_BOOST = 1;

/** The postings of one term. */
interface Postings {
  slots: Int32Array;
  title: Uint16Array;
  body: Uint16Array;
  length: number;
  /** Live passages holding the term (dead slots are dropped on the next compaction). */
  live: number;
}

/** One scored passage. */
export interface Bm25Hit {
  slot: number;
  score: number;
  /** The query's terms it contains. */
  terms: string[];
}

/** See the module comment. */
export interface Bm25Index {
  /** Live passages. */
  readonly size: number;
  /** Adds a passage's terms; returns its slot. `scope` 0 is team-wide. */
  add(title: string[], body: string[], scope: number): number;
  /** Removes a passage; `title` and `body` are the terms it was added with. */
  remove(slot: number, title: string[], body: string[]): void;
  /** Live passages holding `term`. */
  frequency(term: string): number;
  /**
   * The best `limit` passages for `terms` (each counted once), among those of scope 0 or `scope`, best
   * first.
   */
  search(terms: string[], scope: number, limit: number): Bm25Hit[];
}

function counts(terms: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Creates an empty index. */
export function createBm25Index(): Bm25Index {
  const postings = new Map<string, Postings>();
  let titleLen = new Uint16Array(1024);
  let bodyLen = new Uint16Array(1024);
  let scopes = new Int32Array(1024);
  let alive = new Uint8Array(1024);
  let slots = 0;
  let live = 0;
  let totalTitle = 0;
  let totalBody = 0;
  const free: number[] = [];
  /** Removed slots still listed in postings: free again after the next compaction. */
  const dead: number[] = [];
  // Scratch space of a search, reused.
  let scores = new Float64Array(1024);
  let masks = new Uint32Array(1024);

  const grow = () => {
    const size = titleLen.length * 2;
    const copy = <T extends Uint16Array | Int32Array | Uint8Array | Float64Array | Uint32Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    titleLen = copy(titleLen, (n) => new Uint16Array(n));
    bodyLen = copy(bodyLen, (n) => new Uint16Array(n));
    scopes = copy(scopes, (n) => new Int32Array(n));
    alive = copy(alive, (n) => new Uint8Array(n));
    scores = new Float64Array(size);
    masks = new Uint32Array(size);
  };

  const push = (p: Postings, slot: number, t: number, b: number) => {
    if (p.length === p.slots.length) {
      const size = p.slots.length * 2;
      const s = new Int32Array(size);
      s.set(p.slots);
      const ti = new Uint16Array(size);
      ti.set(p.title);
      const bo = new Uint16Array(size);
      bo.set(p.body);
      p.slots = s;
      p.title = ti;
      p.body = bo;
    }
    p.slots[p.length] = slot;
    p.title[p.length] = Math.min(t, 65_535);
    p.body[p.length] = Math.min(b, 65_535);
    p.length += 1;
    p.live += 1;
  };

  /** Drops dead slots from every posting list (after many removals). */
  const compact = () => {
    for (const [term, p] of postings) {
      let w = 0;
      for (let r = 0; r < p.length; r++) {
        const slot = p.slots[r] ?? 0;
        if (!alive[slot]) continue;
        p.slots[w] = slot;
        p.title[w] = p.title[r] ?? 0;
        p.body[w] = p.body[r] ?? 0;
        w += 1;
      }
      p.length = w;
      if (w === 0) postings.delete(term);
    }
    free.push(...dead.splice(0));
  };

  return {
    get size() {
      return live;
    },
    add(title, body, scope) {
      const slot = free.pop() ?? slots++;
      if (slot >= titleLen.length) grow();
      titleLen[slot] = Math.min(title.length, 65_535);
      bodyLen[slot] = Math.min(body.length, 65_535);
      scopes[slot] = scope;
      alive[slot] = 1;
      live += 1;
      totalTitle += titleLen[slot] ?? 0;
      totalBody += bodyLen[slot] ?? 0;
      const t = counts(title);
      const b = counts(body);
      for (const term of new Set([...t.keys(), ...b.keys()])) {
        let p = postings.get(term);
        if (!p) {
          p = {
            slots: new Int32Array(4),
            title: new Uint16Array(4),
            body: new Uint16Array(4),
            length: 0,
            live: 0,
          };
          postings.set(term, p);
        }
        push(p, slot, t.get(term) ?? 0, b.get(term) ?? 0);
      }
      return slot;
    },
    remove(slot, title, body) {
      if (!alive[slot]) return;
      alive[slot] = 0;
      live -= 1;
      totalTitle -= titleLen[slot] ?? 0;
      totalBody -= bodyLen[slot] ?? 0;
      for (const term of new Set([...title, ...body])) {
        const p = postings.get(term);
        if (p) p.live -= 1;
      }
      // A dead slot is reused only after a compaction has removed it from every posting list.
      dead.push(slot);
      if (dead.length > 1_000 && dead.length > live / 4) compact();
    },
    frequency: (term) => postings.get(term)?.live ?? 0,
    search(terms, scope, limit) {
      const n = live;
      if (n === 0) return [];
      const avgTitle = Math.max(1, totalTitle / n);
      const avgBody = Math.max(1, totalBody / n);
      const touched: number[] = [];
      const unique = [...new Set(terms)].slice(0, 32);
      unique.forEach((term, ti) => {
        const p = postings.get(term);
        if (!p) return;
        const df = p.live;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (let i = 0; i < p.length; i++) {
          const slot = p.slots[i] ?? 0;
          if (!alive[slot]) continue;
          const s = scopes[slot] ?? 0;
          if (s !== 0 && s !== scope) continue;
          const tt = p.title[i] ?? 0;
          const tb = p.body[i] ?? 0;
          let score = 0;
          if (tt > 0) score += TITLE_BOOST * field(tt, titleLen[slot] ?? 0, avgTitle);
          if (tb > 0) score += BODY_BOOST * field(tb, bodyLen[slot] ?? 0, avgBody);
          if ((masks[slot] ?? 0) === 0) touched.push(slot);
          scores[slot] = (scores[slot] ?? 0) + idf * score;
          masks[slot] = (masks[slot] ?? 0) | (1 << ti);
        }
      });
      const best = topK(touched, scores, limit);
      const hits = best.map((slot) => {
        const mask = masks[slot] ?? 0;
        const matched: string[] = [];
        for (let i = 0; i < unique.length; i++) if (mask & (1 << i)) matched.push(unique[i] ?? '');
        return { slot, score: scores[slot] ?? 0, terms: matched };
      });
      for (const slot of touched) {
        scores[slot] = 0;
        masks[slot] = 0;
      }
      return hits;
    },
  };
}

/** BM25 of one field (MiniSearch's variant, with its `d` lower bound). */
function field(tf: number, len: number, avg: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avg)) + D;
}

/** The `k` slots with the highest scores, best first (a min-heap of size k; ties by slot). */
function topK(slots: number[], scores: Float64Array, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) =>
    (scores[a] ?? 0) < (scores[b] ?? 0) || ((scores[a] ?? 0) === (scores[b] ?? 0) && a > b);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l] ?? 0, heap[m] ?? 0)) m = l;
      if (r < heap.length && less(heap[r] ?? 0, heap[m] ?? 0)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] ?? 0, heap[i] ?? 0];
      i = m;
    }
  };
  for (const s of slots) {
    if (heap.length < k) {
      heap.push(s);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!less(heap[i] ?? 0, heap[parent] ?? 0)) break;
        [heap[i], heap[parent]] = [heap[parent] ?? 0, heap[i] ?? 0];
        i = parent;
      }
    } else if (less(heap[0] ?? 0, s)) {
      heap[0] = s;
      down(0);
    }
  }
  return heap.sort((a, b) => (less(a, b) ? 1 : less(b, a) ? -1 : 0));
}
