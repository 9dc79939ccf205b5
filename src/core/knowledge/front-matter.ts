/**
 * Front matter, YAML only. gray-matter would evaluate `---js` / `---javascript` front matter with `eval`
 * (and run CoffeeScript); a knowledge file is data, so every engine but YAML refuses, and a file that asks
 * for one is a validation error naming the engine.
 */
import matter from 'gray-matter';
import { CoachError } from '../errors.ts';

/** An engine that refuses to parse, for every front-matter language but YAML. */
function refuse(language: string) {
  return {
    parse(): never {
      throw new CoachError(
        'knowledge_invalid',
        `only YAML front matter is accepted (this file asks for the "${language}" engine)`,
      );
    },
    stringify(): never {
      throw new CoachError('knowledge_invalid', 'only YAML front matter is supported');
    },
  };
}

const ENGINES = Object.fromEntries(
  ['javascript', 'js', 'json', 'coffee', 'coffeescript', 'cson', 'toml'].map((l) => [l, refuse(l)]),
);

/** Parses `---` YAML front matter and the content after it; throws on any other front-matter language. */
export function parseFrontMatter(text: string): { data: Record<string, unknown>; content: string } {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, { engines: ENGINES, language: 'yaml' });
  } catch (err) {
    if (err instanceof CoachError) throw err;
    const message = (err as Error).message.split('\n')[0] ?? '';
    if (message.includes('is not registered')) {
      throw new CoachError('knowledge_invalid', `only YAML front matter is accepted (${message})`);
    }
    throw new CoachError('knowledge_invalid', `front matter is not valid YAML (${message})`, { cause: err });
  }
  return { data: parsed.data as Record<string, unknown>, content: parsed.content };
}
