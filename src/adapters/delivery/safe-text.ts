/**
 * Output safety shared by every platform's renderer. Text that came from a user or a model (answers,
 * reviews, rewrites, history excerpts, echoed command words) must never become a mention, a broadcast or
 * a link whose label hides its target; the renderers escape their platform's mark-up, and these helpers
 * do the parts that are the same everywhere.
 */

/** Longest label and target a Markdown link is read with (longer text stays as it is). */
const LINK = /\[([^[\]\n]{1,500})\]\(([^()\s]{1,2000})\)/g;

/**
 * Markdown links `[label](target)` → `label (target)`, so the target is always in plain sight (the
 * platforms link the bare URL to itself); a link whose label is its target becomes the bare target.
 * Linear: a label cannot contain brackets, a target neither parentheses nor spaces.
 */
export function plainLinks(markdown: string): string {
  return markdown.replace(LINK, (_whole, label: string, target: string) =>
    sameTarget(label, target) ? target : `${label} (${target})`,
  );
}

function sameTarget(label: string, target: string): boolean {
  const bare = (s: string) =>
    s
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return bare(label) === bare(target);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Bidirectional overrides and isolates, which can make text read differently from what it is. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe for a terminal: control characters (ESC and the rest of C0 and C1, so no colour codes, OSC 8
 * links or OSC 52 clipboard writes) and bidirectional overrides removed; tabs and new lines kept.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, '').replace(BIDI, '');
}
