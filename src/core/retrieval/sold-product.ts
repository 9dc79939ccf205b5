/**
 * The product a question is selling. "How do I convince a CFO to buy our data platform?" asks about the
 * CFO; "our data platform" only says what is sold, and as plain words it would match entries about data
 * platforms or MarTech. The curated lookup reads such questions without that phrase; the team's own
 * passages (which may well be about the product) still see the whole question.
 */
import { CATEGORY_NOUNS_EN, CATEGORY_NOUNS_ZH } from '../review/rules/lexicons.ts';
import { alt, compile } from '../review/rules/regex-source.ts';

/** "buy our data platform", "pitch my HR software", "sell the company's app to". */
const SOLD_EN = compile(
  String.raw`\b(?:buy|buying|purchase|sell|selling|market|marketing|promote|promoting|pitch|pitching|adopt|choose|try|demo|position|positioning)\s(?:our|my)\s(?:[\w-]+\s){0,3}?${alt(CATEGORY_NOUNS_EN)}\b`,
  'gi',
);
/** "买我们的数据平台", "推广我司的 SaaS 软件". */
const SOLD_ZH = compile(
  `(?:买|购买|采购|推广|卖|销售|推销|选择|选用|采用|试用|了解)(?:我们|我司|我们公司|公司)的?[^，。？！,?!]{0,10}${alt(CATEGORY_NOUNS_ZH)}`,
  'g',
);

/** The question without the phrase that names the product being sold; the verb is kept. */
export function withoutSoldProduct(query: string): string {
  return query
    .replace(SOLD_EN, (m) => m.split(/\s/)[0] ?? '')
    .replace(
      SOLD_ZH,
      (m) => /^(?:购买|采购|推广|销售|推销|选择|选用|采用|试用|了解)/.exec(m)?.[0] ?? m[0] ?? '',
    );
}
