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
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  const system = /^# system\s*$([\s\S]*?)^# user\s*$/m.exec(body)?.[1]?.trim();
  const user = /^# user\s*$([\s\S]*)$/m.exec(body)?.[1]?.trim();
  if (!system || !user)
    throw new CoachError('internal', `prompts/${name}.md needs a "# system" and a "# user" section`);
  const canary = /marker: ([a-z0-9-]+)/.exec(system)?.[1];
  return { name, system, user, canary };
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
