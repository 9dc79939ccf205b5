import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoachError } from './errors.ts';

/** The project's `prompts/` folder, wherever the process was started from. */
export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

/** A prompt file split into its system and user templates. */
export interface PromptTemplate {
  name: string;
  system: string;
  user: string;
  /** A marker that occurs only in the system prompt: seeing it in model output means a leak. */
  canary?: string;
}

/** Reads `prompts/<name>.md`: a `# system` and a `# user` section with `{{placeholders}}`. */
export function loadPrompt(name: string, dir = PROMPTS_DIR): PromptTemplate {
  let text: string;
  try {
    text = readFileSync(join(dir, `${name}.md`), 'utf8');
  } catch (err) {
    throw new CoachError('internal', `Prompt file prompts/${name}.md is missing`, { cause: err });
  }
  const { system, user } = promptSections(withoutComments(text));
  if (!system || !user)
    throw new CoachError('internal', `prompts/${name}.md needs a "# system" and a "# user" section`);
  const canary = /marker: ([a-z0-9-]+)/.exec(system)?.[1];
  return { name, system, user, canary };
}

/** The text without `<!-- … -->` comments (read in one pass). */
function withoutComments(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('<!--', at);
    if (open < 0) return out + text.slice(at);
    out += text.slice(at, open);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return out;
    at = close + 3;
  }
}

/** The `# system` and `# user` sections of a prompt file (each heading on a line of its own). */
function promptSections(body: string): { system?: string; user?: string } {
  const lines = body.split('\n');
  const sys = lines.findIndex((l) => l.trim() === '# system');
  const usr = lines.findIndex((l, i) => i > sys && l.trim() === '# user');
  if (sys < 0 || usr < 0) return {};
  return {
    system:
      lines
        .slice(sys + 1, usr)
        .join('\n')
        .trim() || undefined,
    user:
      lines
        .slice(usr + 1)
        .join('\n')
        .trim() || undefined,
  };
}

/**
 * Fills `{{name}}` placeholders. Values are user or knowledge text, so the data delimiters are
 * neutralised inside them: a user cannot close the DATA block and write instructions after it.
 */
export function fillPrompt(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new CoachError('internal', `Prompt placeholder ${whole} has no value`);
    return neutralise(value);
  });
}

/**
 * Invisible characters (zero-width spaces and joiners, word joiner, BOM, soft hyphen, Mongolian vowel
 * separator, bidirectional controls) that could hide a marker from the patterns below but not from a
 * model: removed from untrusted text first.
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Breaks the data markers and placeholder braces inside untrusted text. */
export function neutralise(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/<<<\s*DATA/gi, '‹‹‹DATA')
    .replace(/DATA\s*>>>/gi, 'DATA›››')
    .replace(/\{\{/g, '{ {')
    .replace(/\}\}/g, '} }');
}
