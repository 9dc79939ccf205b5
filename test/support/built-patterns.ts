/**
 * Every RegExp the review modules build at run time (rule patterns, lexicons compiled by the engine,
 * finders' own regexes), recorded by a RegExp subclass while the modules load and review two drafts.
 * Call it before anything else imports the review modules: the imports are dynamic so they run after
 * the patch, and a module loaded earlier would not be recorded.
 */
export interface BuiltPattern {
  source: string;
  flags: string;
}

export async function builtReviewPatterns(): Promise<BuiltPattern[]> {
  const built = new Map<string, BuiltPattern>();
  const Original = globalThis.RegExp;
  class Recording extends Original {
    constructor(pattern: string | RegExp, flags?: string) {
      super(pattern, flags);
      built.set(`${this.source}/${this.flags}`, { source: this.source, flags: this.flags });
    }
  }
  globalThis.RegExp = Recording as RegExpConstructor;
  try {
    const { reviewOffline } = await import('../../src/core/review/offline-critic.ts');
    reviewOffline('Teams at Acme cut costs 30% in 4 days. Trusted by Globex and Initech. Free trial!');
    reviewOffline('已服务28家券商，误报率降低47%，等保三级。招商银行的应用实践。');
  } finally {
    globalThis.RegExp = Original;
  }
  return [...built.values()];
}
