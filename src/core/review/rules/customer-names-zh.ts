/**
 * Named customers in Chinese copy: organisation names (2-8 characters before 银行, 证券, 集团, 医院...),
 * registered company names (…有限公司), well-known enterprises, quoted brands, customer lists
 * ("A、B等56家企业"), a named company's team or role ("开立医疗的HR"), the site of a practice write-up
 * ("在小米的应用实践") or of production use ("已在锐天生产环境运行"), the subject of a case title
 * ("了解X如何借助 Y") and the heading of a case card (a name alone on the first line, then a result).
 * Generic words (各大银行, 手机银行), anonymised ones (某银行), the vendor's own name, the product's
 * maker ("腾讯…研发的", "由…开发") and pedigree or integration mentions (来自华为, 支持腾讯云) do not
 * count.
 */

import { caseTitleNamesZh } from './case-titles-zh.ts';
import { storyCustomersZh } from './customer-stories-zh.ts';
import { ROLES_ZH, SEGMENTS_ZH } from './lexicons.ts';
import { CUSTOMER_NOUNS_ZH, KNOWN_PRODUCTS_ZH, ORG_SUFFIXES_ZH, WELL_KNOWN_ZH } from './proof-lexicons.ts';
import { alt, compile, lexiconSource } from './regex-source.ts';
import { signedCompanies, signingNameZh } from './signature.ts';
import { isGenericZh, NOT_A_NAME_ZH, RESULT_LATER_ZH, zhNameBefore } from './zh-name-reading.ts';

const WELL_KNOWN_RE = compile(alt(WELL_KNOWN_ZH), 'g');
const WELL_KNOWN_NAMES_ZH: ReadonlySet<string> = new Set(WELL_KNOWN_ZH);
const ORG_SUFFIX_RE = compile(alt(ORG_SUFFIXES_ZH), 'g');
/** The end of a registered company name. */
const REGISTERED_ZH = /(?:股份)?有限(?:责任)?公司/g;
/** A registered name's end a few characters ahead: the name read so far is only its head. */
const REGISTERED_AHEAD_ZH = compile(`^[\\u4e00-\\u9fa5]{0,8}${REGISTERED_ZH.source}`);
/** A team or a role after "的": "开立医疗的HR", "某某的 CIO". */
const ROLE_OF_ZH =
  /的\s?(?=(?:HR|IT|CIO|CTO|CFO|CEO|COO|财务|运维|研发|技术|信息|IT部门|团队|工程师|采购)(?![A-Za-z])(?!手段|能力|优势|实力|方案|路线|架构|体系|水平|创新|支持|服务|积累|沉淀|难题|问题|壁垒|门槛)(?!\s?(?:系统|软件|平台|工具|产品|解决方案|SaaS)))/g;
/**
 * A quoted brand named as a customer: after a noun of organisation ("零售品牌“X”"), or as the one
 * who adopted something ("“X”上线后", "“X”的CIO"). Quoted slogans and concepts ("“三地五中心”") are not.
 */
const QUOTED_BRAND_ZH =
  /(?:品牌|客户|企业|公司|集团|商家|厂商|连锁|零售商|银行|医院|平台|门店|药店|超市|工厂|学校)[“「"]([^”」"，。、]{2,12})[”」"]|[“「"]([^”」"，。、]{2,12})[”」"](?=\s?(?:上线|导入|引入|采用|使用|部署|借助|选择|选用|接入|用|的(?:CIO|CTO|CEO|IT|信息|技术|财务|运营)))/g;
/** The end of a customer list: "等56家", "等31家医院", "等数百家客户", "等知名企业", "等世界主流汽车主机厂". */
const LIST_END_ZH = compile(
  String.raw`等\s?(?:都|均)?(?:已经|已)?(?:全面|陆续|相继)?(?:升级|采用|上线|接入|迁移|部署)|等\s?[\d,两三四五六七八九十百千万数几多上近余成]{1,8}\s?[多余]?家|等\s?[\d,两三四五六七八九十百千万数几多上近余成]{0,8}\s?[多余]?[家个所位]?(?:世界|全球|国内|国际|行业)?(?:知名|头部|大型|主流|领先)?(?:汽车|金融|制造|能源|医疗|零售|物流)?${alt(CUSTOMER_NOUNS_ZH)}`,
  'g',
);
/**
 * A name that adopts a Latin-named or well-known Chinese product: "政采云借力 APISIX", "某某集团携手 TiDB",
 * "广医三院最终选择了 SmartX", "海正动保借助飞书".
 */
const ADOPTS_ZH = compile(
  `(?:如何|是如何|怎样|怎么|成功|全面|正式|最终|最后)?(?:借力|借助|携手|牵手|选用|采用|引入|部署|凭借|依托|依靠|升级到|升级至|升级|接入|使用|选择了)\\s?(?=[A-Za-z]|${lexiconSource(KNOWN_PRODUCTS_ZH)})`,
  'g',
);
/** Words in what is read before an adoption verb that make it no name ("用户可以选择 MySQL", "一键上线 Foo"). */
const NOT_AN_ADOPTER_ZH = /可以|能够|即可|一键|轻松|快速|您|你|用户|开发者|推荐|建议|欢迎|立即|马上|免费|请/;
/**
 * "Foo 助力明途科技实现…", "帮助万达更好地实现…", "酷学院携手菊乐食品搭建…": the one a product helps to achieve
 * something, or builds it with; not a general or counted object ("助力企业实现…", "帮助数万家企业…", "帮助您…",
 * "携手合作伙伴打造…").
 */
const HELPS_ZH =
  /(?:助力|赋能|帮助|支撑|携手|牵手)\s?([^\s，。；、！？,;：:“”]{2,10}?)(?:更好地|快速|全面|成功|顺利|共同|数智化|数字化|智能化|信息化)?(?:实现|完成|打造|构建|建设|搭建|提升|降低|落地|推进|迈向|加速|上线|转型|升级)/g;
const NOT_HELPED_NAME_ZH =
  /^(?:[您你我某各多众全每这那其该本]|[数几上千万百\d]{1,4}[家个多余名位款])|企业|客户|用户|行业|团队|开发者|伙伴|商家|机构|组织|个人|大家/;
/**
 * "明途科技 CTO 张伟表示": a company's officer speaking (the name is read leftwards from the role); a
 * customer when what is said is about a product or its adoption, not the seller's own plans.
 */
const ROLE_SAYS_ZH =
  /\s?(?:CTO|CIO|CEO|CFO|COO|CISO|IT负责人|技术负责人|技术总监|信息中心主任|运维负责人|副总裁|总经理|董事长|创始人)\s?[\u4e00-\u9fa5]{2,3}\s?(?:表示|说|认为|介绍|指出|坦言)/g;
const ABOUT_A_PRODUCT_ZH = /[A-Za-z]{3,}|上线|引入|选择|采用|借助|部署|迁移|替换/;
/** The seller's own people on their product or plans ("我们的产品…", "我们将…"). */
const SELLER_SAYS_ZH = /我们的(?:产品|平台|系统|方案|技术|团队)|我们(?:将|会|致力|始终|一直)|我司|本公司/;
/** How a Chinese company name ends ("…科技", "…物流", "…乳业"): what a name read from a loose form must have. */
const COMPANY_ENDS_ZH = `${alt(ORG_SUFFIXES_ZH)}|科技|网络|软件|信息|技术|物流|乳业|食品|制造|电子|电器|汽车|医疗|药业|能源|电力|地产|实业|工业|机械|精密|纺织|五金|超市|商城|百货|餐饮|酒店|航运|快递|钢铁|化工|水务|建材|水泥|新材|重工|燃气|环保|矿业|家居|服饰|光电|生物|医药|传媒|物业|建工|电气|电缆|汽配|零部件|酒业|粮油|日化|陶瓷|港务|热电|光伏|锂电|模具|轮胎|仪器|装备|供水|制管|管业|港口|港务局|有限公司|公司`;
const COMPANY_END_ZH = compile(`(?:${COMPANY_ENDS_ZH})$`);

/**
 * A company by its trade ending ("永鑫五金", "东岳化工") at the start of a clause, which goes on to use a
 * product, to speak through one of its people, or to a result: "永鑫五金做了…改造，每年电费少 186 万元",
 * "青禾乳业用慧眼质检把漏检率降到…", "东岳化工的安全员…". The name is read lazily up to its ending.
 */
const CLAUSE_COMPANY_ZH = compile(
  `(?:^|[。；！？\\n：:，,“"—])\\s?([\\u4e00-\\u9fa5]{2,8}?(?:${COMPANY_ENDS_ZH}))`,
  'g',
);
/** Right after such a name: it adopts a product. */
const COMPANY_ADOPTS_ZH =
  /^\s?(?:已经|已|也|正在|全面|决定|最终|最后)?(?:用(?!户|于|来)|使用|采用|上线|引入|部署|借助|接入|选用|迁移)/;
/**
 * "德马科技通过飞书搭建研发智能平台": building something through a product, for a company not at the very
 * start of the copy (there it is the seller telling how it works: "青禾科技通过自研算法实现…").
 */
const COMPANY_VIA_ZH =
  /^\s?通过(?![^，。；！？]{0,4}?(?:自研|自主|自有|自身|自己|我们|本公司))(?=[^，。；！？]{1,16}?(?:搭建|打造|构建|实现))/;
/** Right after such a name: one of its people or teams ("东岳化工的安全员"). */
const COMPANY_PEOPLE_ZH =
  /^的\s?[\u4e00-\u9fa5]{0,6}(?:员|部|团队|负责人|总监|经理|主管|部长|厂长|科长|主任|工程师)/;
/** A result later in its sentence, in the ways a customer's case tells it ("电费少 186 万元", "14 个月收回全部投资"). */
const CASE_RESULT_ZH = /(?:少|省|降到|降至|缩短到|缩短至)了?\s?\d|\d\s?个?月(?:内)?(?:就)?收回/;
/** What follows a company's name where its clause goes on ("永鑫五金做了…", "…，每年…"). */
const NAME_THEN_CLAUSE_ZH = /^\s?(?:做了|完成|实现|通过|借助|把|将|在|从|自|于|去年|今年|上线|[，,])/;
/** The seller's own figures in the sentence: a company growing its revenue is no customer's case. */
const OWN_FIGURES_ZH = /营收|收入|估值|融资|员工人数|客户数/;
/** A customer named on a case card's field: "客户：滨江电力。挑战：…". */
const CUSTOMER_FIELD_ZH =
  /(?:^|[\n。；])\s?(?:客户|客户名称|服务客户)[：:]\s?([\u4e00-\u9fa5A-Za-z0-9]{2,14})(?=[。，；,;\s]|$)/g;

/**
 * A result attributed in brackets: "空驶率下降27%（顺远物流）", "（客户：杭州联华超市，2023 年数据）",
 * "（浙江美亚纺织，2023）".
 */
const BRACKET_SOURCE_ZH = /[（(](客户[:：]|客户[:：]\s)?([\u4e00-\u9fa5A-Za-z]{2,14})(?=[，,)）])/g;
/** What may close such a bracket after the name: nothing, or the year of the data ("，2023 年数据"). */
const BRACKET_CLOSE_ZH = /^(?:[)）]|[，,]\s?\d{4}\s?年?(?:数据)?[)）])/;
/** A case card's label, then the customer's name: "客户案例｜明途科技". */
const CASE_LABEL_ZH =
  /(?:^|\n)(?:客户案例|用户案例|成功案例|客户故事|标杆案例)\s?[｜|:：—–-]\s?([\u4e00-\u9fa5A-Za-z0-9]{2,12})/g;
/** Words that open a story's title before its customer's name ("了解三诺生物如何借助 Sealos…"). */
const TITLE_OPENER_ZH = /^(?:了解|看看|揭秘|解读|详解|听听)/;
/** The site where a product runs in production: "已在锐天生产环境稳定运行", "在某某的核心系统上线". */
const RUNS_AT_ZH =
  /在\s?([^\s，。；、！？,;]{2,10}?)的?(?:生产环境|核心系统|核心业务|生产系统|私有云|数据中心|机房|生产集群)/g;
/** A case write-up built on one customer's project: "以大地保险超A系统国产化升级项目为实践样本". */
const CASE_PROJECT_ZH = compile(
  `以\\s?([\\u4e00-\\u9fa5]{2,8}?(?:${COMPANY_ENDS_ZH}))[^，。；！？,;]{0,16}?项目为(?:例|样本|实践样本|案例|对象)`,
  'g',
);
/** A (Latin-named) product serving as a named organisation's core system: "Kylin 作为汽车之家的核心 OLAP 引擎". */
const CORE_OF_ZH =
  /(?<![A-Za-z0-9.+-])[A-Za-z][A-Za-z0-9.+-]{0,30}\s?(?:作为|成为)\s?([\u4e00-\u9fa5][\u4e00-\u9fa5A-Za-z]{1,7}?)的\s?(?:核心|主要|底层|统一|主力)/g;
/** After a name, words that make it the seller ("OceanBase 是…", "XX集团创立于…"; not "X 将 openGauss 应用在…"). */
const VENDOR_AFTER_ZH =
  /^\s?(?:是|作为|致力|推出|发布|提供|支持|具有|具备|可以|能够|将(?!\s?[A-Za-z])|自|旨在|创立|成立|始于|总部|由|历经|完全自主|自主研发|开源|团队|以其|凭借(?!\s?[A-Za-z])|秉承|始终|一直以来)/;
/** After a name, a tender it won: "…有限公司以4269.98万元成为该项目中标最大的家具供应商", "…集团中标…". */
const WON_ZH = '(?:中标|成为[^，。；]{0,12}?中标)';
const WINS_AFTER_ZH = compile(`^\\s?(?:成功|再次|顺利)?${WON_ZH}|^\\s?以[^，。；]{1,16}?${WON_ZH}`);
/** Before a name, words that make it the product being used ("导入钉钉", "迁移至 OceanBase"). */
const VENDOR_BEFORE_ZH =
  /(?:用|使用|采用|导入|上线|引入|部署|迁移至|迁移到|切换到|切换至|选择|基于|依托|替换为|升级到)\s?$/;
const LATIN_NAME_ZH = /[A-Za-z][A-Za-z0-9.+-]*/g;
/**
 * A product adopted by its (Latin) name, not an acronym: "决定采用 Koupleless", "迁移至 TiDB",
 * "将openGauss应用在…"; not "基于 AI".
 */
const ADOPTED_PRODUCT_ZH =
  /(?:使用|采用|导入|引入|部署|迁移至|迁移到|切换到|切换至|选择了|替换为|升级到)\s?(?![A-Z]{1,3}(?![A-Za-z]))[A-Za-z][A-Za-z0-9.+-]{2,}|将\s?[A-Za-z][A-Za-z0-9.+-]{2,}(?:应用|部署|引入|用于)/;
/** After a name that opens the copy, words that make it a user: "小米集团的Nacos集群", "X 已全面采用…". */
const ADOPTER_AFTER_ZH =
  /^\s?(?:的\s?[A-Za-z]|基于\s?[A-Za-z]|(?:已经|已)?(?:全面)?(?:采用|上线|引入|升级|部署|使用|选用|接入|迁移))/;
/** Words that open a clause, read leftwards into a name ("因此工商银行" is 工商银行). */
const LEADING_CONNECTIVE_ZH =
  /^(?:因此|所以|同时|并且|而且|其中|目前|如今|此外|另外|以及|还有|随后|后来|最终|成功|支撑|助力|赋能|通过|借助|经过)/;
/** "<name>已经有 20 万人上线飞书": a headcount using a product names the company they work for. */
const HEADCOUNT_USES_ZH =
  /(?:已经|已)有\s?\d{1,6}\s?[万千]?\s?(?:人|名员工|位员工)\s?(?:上线|使用|用上|在用|用)/g;
/** Customers named in brackets after a noun of customer: "头部的 AIGC 企业（如零一万物）". */
const BRACKETED_ZH =
  /(?:企业|客户|公司|品牌|厂商|机构|银行|产品)\s?[（(](?:如|比如|例如|包括)\s?([^（）()]{2,30})[）)]/g;

/** A sentence in which the name serves others ("为客户部署", "帮助企业上线"). */
const SERVES_OTHERS_ZH = /为(?:客户|用户|企业|行业|各类|众多|全国|\d)|帮助|助力|服务了?(?:客户|企业)/;
/** Verbs of adopting a product, later in the sentence that opens with a name ("中国银行在…中部署了…"). */
const ADOPTS_LATER_ZH =
  /部署|采用|上线|引入|选用|迁移|替换|切换|升级|使用|(?:通过|借助)\s?(?:[A-Za-z]|[\u4e00-\u9fa5]{1,5}(?:云|平台|系统|软件))/;

/**
 * True when the sentence that a name opens goes on to adopt a product or report a result: "中国银行
 * 在自主创新过程中…部署了麒麟", "中华保险 核心系统…性能300%提升". The seller's own name opens its
 * copy too, but is followed by 是/推出/提供 (see `VENDOR_AFTER_ZH`).
 */
function adoptsLater(text: string, end: number): boolean {
  const sentence = text.slice(end, end + 80).split(/[。；！？\n]/)[0] ?? '';
  // "XX集团为客户部署了…" is a seller serving its customers.
  if (SERVES_OTHERS_ZH.test(sentence)) return false;
  return ADOPTS_LATER_ZH.test(sentence) || RESULT_LATER_ZH.test(sentence);
}

/** Latin names the Chinese copy uses for the seller or its product ("OceanBase 是…", "迁移至 TiDB"). */
export function vendorNamesZh(text: string): Set<string> {
  const vendors = new Set<string>();
  for (const m of text.matchAll(LATIN_NAME_ZH)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    const before = text.slice(Math.max(0, m.index - 5), m.index);
    if (VENDOR_AFTER_ZH.test(after) || VENDOR_BEFORE_ZH.test(before) || m.index === 0) vendors.add(m[0]);
  }
  return vendors;
}

/** A well-known name followed by one of its products ("腾讯云", "华为手机") names the product. */
const PRODUCT_AFTER_ZH =
  /^(?:云|会议|文档|地图|网盘|邮箱|浏览器|手机|系统|芯片|鸿蒙|生态|小程序|商城|开放平台|开发者|账号|登录)/;
/** Clauses that mention a company without making it a customer: pedigree, integrations, platforms. */
const NOT_CUSTOMER_CLAUSE_ZH =
  /来自|出身|曾就职|前员工|支持|兼容|适配|对接|集成|接入|部署在|部署于|运行在|运行于|基于|上架|入驻|投资|融资|领投|合作伙伴/;

/** True when the clause before `index` says the name is a pedigree, an integration or an investor. */
function notACustomer(text: string, index: number): boolean {
  const clause =
    text
      .slice(Math.max(0, index - 30), index)
      .split(/[，。；！？,;!?]/)
      .pop() ?? '';
  return NOT_CUSTOMER_CLAUSE_ZH.test(clause);
}

/** "…研发的", "…打造的": the clause before names who built the product. */
const MADE_BY_ZH = /(?:研发|开发|打造|孵化|开源|推出)的|由[^，。；！？]{2,20}?(?:研发|开发|打造|推出|出品)/g;

/** The clauses (at most 24 characters before the verb) that say who made the product. */
function makerClauses(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MADE_BY_ZH)) {
    // "由X开发": the maker is inside the match.
    if (m[0].startsWith('由')) {
      out.push(m[0]);
      continue;
    }
    const clause =
      text
        .slice(Math.max(0, m.index - 24), m.index)
        .split(/[，。；！？,;!?]/)
        .pop() ?? '';
    // "招商银行采用了我们开发的系统": the customer adopts what we made.
    if (!/我们|我司|本公司|采用|使用|选用|引入|部署|选择|借助|携手|上线/.test(clause)) out.push(clause);
  }
  return out;
}

/** "从2017年起就使用了", "自2019年开始采用": adopting a product since a year, after the adopter's name. */
const SINCE_YEAR_ZH =
  /(?:从|自)\d{4}年(?:起|开始)就?(?:使用|采用|选用|引入|部署|上线)了\s?(?:[A-Za-z]|[\u4e00-\u9fa5]{2,6}的)/g;

/** Named customers in Chinese copy. */
export function namedCustomersZh(text: string): string[] {
  const vendors = vendorNamesZh(text);
  const makers = makerClauses(text);
  const found: string[] = [];
  const add = (name: string) => {
    const n = name
      .replace(/^[“「"]|[”」"]$/g, '')
      .trim()
      .replace(LEADING_CONNECTIVE_ZH, '')
      .replace(LEADING_CONNECTIVE_ZH, ''); // "成功支撑浙江移动" is 浙江移动
    if (n.length < 2 || found.includes(n)) return;
    // "腾讯大数据在2013年开始研发的": who built the product is its maker, not a customer.
    if (makers.some((c) => c.includes(n))) return;
    for (const v of vendors) if (n === v || n.startsWith(v) || n.endsWith(v)) return;
    found.push(n);
  };
  const adoptsProduct = ADOPTED_PRODUCT_ZH.test(text);
  const sellerAt = (index: number, length: number) => {
    const after = text.slice(index + length, index + length + 8);
    const before = text.slice(Math.max(0, index - 1), index);
    // The first name is taken to be the seller's, unless what follows makes it a user of a product, or
    // the copy goes on to adopt a product by another name ("南京某某科技有限公司…决定采用 Koupleless").
    return (
      VENDOR_AFTER_ZH.test(after) ||
      WINS_AFTER_ZH.test(text.slice(index + length, index + length + 30)) ||
      before === '某' ||
      (index === 0 && !ADOPTER_AFTER_ZH.test(after) && !adoptsLater(text, index + length) && !adoptsProduct)
    );
  };
  for (const m of text.matchAll(WELL_KNOWN_RE)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (!sellerAt(m.index, m[0].length) && !PRODUCT_AFTER_ZH.test(after) && !notACustomer(text, m.index))
      add(m[0]);
  }
  // A registered company name ("广州疆海科技有限公司") is a particular company: a customer unless it
  // is the seller.
  for (const m of text.matchAll(REGISTERED_ZH)) {
    const read = zhNameBefore(text, m.index);
    // 助 ends a name read leftwards ("帮助"), which leaves the 力 of "助力" in front.
    const head = read.startsWith('力') && text[m.index - read.length - 1] === '助' ? read.slice(1) : read;
    const start = m.index - head.length;
    // A registered name that opens the copy is the seller's, however long ("苏州惠诚酒店用品汇总有限公司专业生产…"
    // is read only in part leftwards).
    const opens =
      m.index <= 24 &&
      /^[\u4e00-\u9fa5（）()]+$/.test(text.slice(0, m.index)) &&
      !/助力|帮助|赋能|携手|为|与/.test(text.slice(0, m.index));
    if (
      head.length >= 2 &&
      !(opens && sellerAt(0, m.index + m[0].length)) &&
      !/^[某各该本我贵其这那]/.test(head) &&
      !sellerAt(start, head.length + m[0].length) &&
      !notACustomer(text, start) &&
      !signsPageTitle(text, start, m.index + m[0].length)
    )
      add(head + m[0]);
  }
  // "开立医疗的HR", "青松物流的 CIO": a team or role of a named company.
  for (const m of text.matchAll(ROLE_OF_ZH)) {
    const head = zhNameBefore(text, m.index);
    if (
      head.length >= 2 &&
      /\p{Script=Han}/u.test(head) &&
      !/^[某各该本我贵其这那每]|(?:企业|公司|行业|客户|用户|机构|单位|部门|团队|厂商|品牌|平台|系统|产品)$/.test(
        head,
      ) &&
      !SEGMENTS_ZH.includes(head) &&
      !NOT_A_NAME_ZH.test(head) &&
      !/\d/.test(head) &&
      !notACustomer(text, m.index - head.length)
    )
      add(head);
  }
  for (const m of text.matchAll(ORG_SUFFIX_RE)) {
    const head = zhNameBefore(text, m.index);
    const start = m.index - head.length;
    if (
      head.length >= 2 &&
      !isGenericZh(head) &&
      text[m.index + m[0].length] !== '端' && // 移动端 is the mobile side, not China Mobile
      // "国内最大的中高端润滑油产销集团": a description after 的, not a name.
      !(
        text[start - 1] === '的' &&
        /最|领先|知名|大型|头部|龙头|一流|专业/.test(text.slice(Math.max(0, start - 8), start))
      ) &&
      // "中国地产行业": an industry, not a company ("东方证券业务系统" is still 东方证券's).
      !/^(?:行业|领域|板块|市场|企业(?!家)|公司们)/.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 3),
      ) &&
      !sellerAt(start, head.length + m[0].length) &&
      !notACustomer(text, start)
    ) {
      add(head + m[0]);
    }
  }
  for (const m of text.matchAll(QUOTED_BRAND_ZH)) add(m[1] ?? m[2] ?? '');
  for (const m of text.matchAll(BRACKETED_ZH)) {
    for (const item of (m[1] ?? '').split(/[、，,和与及]/)) {
      const name = item.replace(/等$/, '').trim();
      if (name.length >= 2 && name.length <= 12 && !isGenericZh(name) && !/[某各多众]/.test(name)) add(name);
    }
  }
  for (const m of text.matchAll(LIST_END_ZH)) {
    for (const item of listItemsBefore(text, m.index)) add(item);
  }
  for (const m of text.matchAll(INCLUDES_ZH)) {
    for (const item of listItemsAfter(text, m.index + m[0].length)) add(item);
  }
  // "我们已是雪花啤酒、燕京、金威等重要合作伙伴": the companies whose supplier the seller is.
  for (const m of text.matchAll(PARTNER_OF_ZH))
    for (const item of listNames(listItems(m[1] ?? ''))) add(item);
  for (const m of text.matchAll(ADOPTS_ZH)) {
    const read = zhNameBefore(text, m.index);
    const start = m.index - read.length;
    const name = read.replace(TITLE_OPENER_ZH, '');
    if (
      /\p{Script=Han}/u.test(name) &&
      !isGenericZh(name) &&
      !NOT_AN_ADOPTER_ZH.test(name) &&
      !notACustomer(text, start)
    )
      add(name);
  }
  for (const m of text.matchAll(HELPS_ZH)) {
    const name = m[1] ?? '';
    if (
      /\p{Script=Han}/u.test(name) &&
      !isGenericZh(name) &&
      !NOT_HELPED_NAME_ZH.test(name) &&
      !SEGMENTS_ZH.includes(name) &&
      !NOT_A_NAME_ZH.test(name) &&
      // A company, not a department, a place or an event ("帮助财务部门实现", "助力双十一").
      (COMPANY_END_ZH.test(name) || WELL_KNOWN_NAMES_ZH.has(name)) &&
      // "万达集团…帮助万达更好地实现": one customer, already read by its full name.
      !found.some((f) => f.includes(name) || name.includes(f))
    )
      add(name);
  }
  for (const m of text.matchAll(ROLE_SAYS_ZH)) {
    const name = zhNameBefore(text, m.index);
    const end = m.index + m[0].length;
    const said = text.slice(end, end + 80);
    if (
      name.length >= 2 &&
      !isGenericZh(name) &&
      !/^[某各我本该]/.test(name) &&
      ABOUT_A_PRODUCT_ZH.test(said) &&
      !SELLER_SAYS_ZH.test(said)
    )
      add(name);
  }
  for (const m of text.matchAll(BRACKET_SOURCE_ZH)) {
    const name = m[2] ?? '';
    const end = m.index + m[0].length;
    if (!BRACKET_CLOSE_ZH.test(text.slice(end, end + 14))) continue;
    // Labelled ("客户：…"), or right after a result in numbers and four or more characters with Chinese
    // in them; not an alias after a name ("有限公司（荔枝FM）"), an acronym ("（CRM）") or a note ("（含税）").
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const afterResult = /(?:\d|[%％倍成天]|翻了?一番|减半)[。.]?\s?$/.test(before);
    if (
      (m[1] || afterResult) &&
      name.length >= 4 &&
      COMPANY_END_ZH.test(name) &&
      /\d|[一二两三四五六七八九十]成|翻了?一番|减半/.test(before) &&
      !/优化|推荐|中$|进行|完成|上线|计划|预计|估/.test(name) &&
      !isGenericZh(name) &&
      !NOT_A_NAME_ZH.test(name) &&
      !SEGMENTS_ZH.includes(name) &&
      !/^[某如含注约即单按以见详据非不]|数据|估算|测算|平均|同比|环比|以上|以下|左右|示例|样例|月|年|版|天|小时|分钟/.test(
        name,
      )
    )
      add(name);
  }
  for (const m of text.matchAll(CLAUSE_COMPANY_ZH)) {
    const name = m[1] ?? '';
    const end = m.index + m[0].length;
    const start = end - name.length;
    const after = text.slice(end, end + 60);
    const sentence = after.split(/[。；！？\n]/)[0] ?? '';
    // Its people speaking make the case its only where a product is taken up in the same sentence
    // ("东岳化工的安全员…；用上安巡之后"): "青禾科技的数据团队由 20 位博士组成" is the seller's team.
    const through = after.split(/[。！？\n]/)[0] ?? '';
    const acts =
      COMPANY_ADOPTS_ZH.test(after) ||
      (start > 0 && COMPANY_VIA_ZH.test(after)) ||
      (COMPANY_PEOPLE_ZH.test(after) && (ADOPTS_LATER_ZH.test(through) || /用上|用了/.test(through)));
    // The name ends where a clause goes on: not "宁波工业滤材制造商" read as "宁波工业".
    if (!acts && !NAME_THEN_CLAUSE_ZH.test(after)) continue;
    // Nor is it the head of a longer registered name ("苏州惠诚酒店用品汇总有限公司"), read as a whole above.
    if (REGISTERED_AHEAD_ZH.test(after)) continue;
    // One company read once: "小鹏" already found is "小鹏汽车".
    if (found.some((f) => f.includes(name) || name.includes(f))) continue;
    // At the very start of the copy a company is the seller unless it uses a product or speaks through
    // its people; elsewhere a result later in the sentence also makes the case its.
    const told = acts || (start > 0 && (RESULT_LATER_ZH.test(sentence) || CASE_RESULT_ZH.test(sentence)));
    if (
      told &&
      !isGenericZh(name) &&
      !/^[某各该本我贵其这那每如]/.test(name) &&
      !VENDOR_AFTER_ZH.test(after) &&
      !SERVES_OTHERS_ZH.test(sentence) &&
      !OWN_FIGURES_ZH.test(sentence) &&
      !notACustomer(text, start)
    )
      add(name);
  }
  for (const m of text.matchAll(CUSTOMER_FIELD_ZH)) {
    const name = m[1] ?? '';
    if (!/^[某各该本我贵其这那每]/.test(name) && !isGenericZh(name) && !SEGMENTS_ZH.includes(name)) add(name);
  }
  for (const m of text.matchAll(CASE_LABEL_ZH)) {
    const name = m[1] ?? '';
    if (!/^[某如我各]|如何|怎么|为什么|怎样/.test(name) && !isGenericZh(name) && COMPANY_END_ZH.test(name))
      add(name);
  }
  // A signature stands alone, so industry words inside it ("马上消费金融") do not make it generic.
  // Only a text that names another product or quotes someone is signed by a customer, not by its vendor.
  const signed = vendors.size > 0 || /[“”"「」]/.test(text) ? signingNameZh(text) : null;
  if (signed && !/^[某各多众该本我贵]/.test(signed) && !SEGMENTS_ZH.includes(signed)) add(signed);
  for (const m of text.matchAll(HEADCOUNT_USES_ZH)) {
    const name = zhNameBefore(text, m.index);
    if (/\p{Script=Han}/u.test(name) && !isGenericZh(name) && !notACustomer(text, m.index - name.length))
      add(name);
  }
  for (const m of text.matchAll(RUNS_AT_ZH)) {
    const name = (m[1] ?? '').trim();
    if (!isGenericZh(name) && !/[某各多众我贵本该其]|自己|自身|行业|领域|企业|客户|用户/.test(name))
      add(name);
  }
  for (const m of text.matchAll(CASE_PROJECT_ZH)) {
    const name = m[1] ?? '';
    if (!isGenericZh(name)) add(name);
  }
  // The form itself says the name is an organisation, so a name with a common word in it ("汽车之家") counts.
  for (const m of text.matchAll(CORE_OF_ZH)) {
    const name = m[1] ?? '';
    if (
      !NOT_A_NAME_ZH.test(name) &&
      !SEGMENTS_ZH.includes(name) &&
      !/^[某各多众我贵本该其这那]|企业|公司|行业|领域|客户|用户|团队|业务|系统|平台|产品/.test(name)
    )
      add(name);
  }
  // "三井住友从2017年起就使用了帆软的FR工具": a company using a product since a given year is its customer.
  for (const m of text.matchAll(SINCE_YEAR_ZH)) {
    const name = zhNameBefore(text, m.index);
    if (name.length >= 2 && !isGenericZh(name)) add(name);
  }
  // A Latin-named company opening a case title is read as the seller by `vendorNamesZh`: kept directly.
  const keep = (name: string) => {
    if (!found.includes(name)) found.push(name);
  };
  for (const t of [...caseTitleNamesZh(text), ...storyCustomersZh(text)]) {
    if (!t.direct) add(t.name);
    else keep(t.name);
  }
  // The company on a testimonial's signature line, unless it is the seller's own name.
  for (const name of signedCompanies(text, 'zh'))
    if (![...vendors].some((v) => name.startsWith(v))) keep(name);
  return found;
}

/** People by their job ("数据库管理员、运维、开发等用户"): a list of roles names no customer. */
const ROLE_WORDS_ZH = compile(
  `${alt(ROLES_ZH)}|管理员|运维|开发|研发|测试|产品经理|设计师|员工|人员|用户|团队`,
);

/** "企业客户包括戴尔、谷歌、时代华纳和高通": the customers listed after the words that introduce them. */
const INCLUDES_ZH =
  /(?:(?:客户|用户|企业客户|客户群|合作客户|服务客户)(?:目前|已经|主要|还)?(?:包括|包含|涵盖|有)|(?:知名品牌|知名企业|大型企业)[，,]\s?(?:包括|如|比如))[：:]?\s?/g;

/** A list, then 等 and the seller's role for them: "已是A、B、C等重要合作伙伴", "成为A、B等企业的指定供应商". */
const PARTNER_OF_ZH = compile(
  '(?:已是|已成为|成为|是)([^。；！？]{4,120}?)等(?:众多|多家)?(?:企业|客户|公司|品牌|单位)?的?(?:重要|长期|核心|战略|主要|指定|优秀|优质)?(?:合作伙伴|供应商|服务商|合作单位)',
  'g',
);

/** The names listed from `start` to the sentence's end or 等 (all short names, at least two). */
function listItemsAfter(text: string, start: number): string[] {
  const tail = (text.slice(start, start + 120).split(/[。；！？;!?\n]|等|[和及]?其他/)[0] ?? '').trim();
  return listNames(listItems(tail));
}

/** The items of a Chinese list: "A、B和C" → A, B, C. */
function listItems(list: string): string[] {
  return list
    .split(/[、，,]\s?|以及|和|及|与/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `items` when all are short names (not a sector, a role or a vague word), at least two; else none. */
function listNames(items: string[]): string[] {
  const names = items.filter(
    (s) =>
      s.length >= 2 &&
      // A Latin name may run longer ("Hanon Systems").
      s.length <= (/^[A-Za-z][A-Za-z0-9 .&/-]*$/.test(s) ? 24 : 12) &&
      // Not "某银行", "各大车企", "多家券商", "众多客户" (but "大众" is a carmaker).
      !/^[某各多众数几]|众多|[多数几十百千]家|等|行业|领域/.test(s) &&
      !SEGMENTS_ZH.includes(s) &&
      !ROLE_WORDS_ZH.test(s),
  );
  return names.length >= 2 && names.length === items.length ? names : [];
}

/**
 * Items of "A、B和C" that end at `end`, when all look like names (at least two). Split on list marks alone:
 * commas already ended the clause, and an empty item keeps the list from counting.
 */
function listItemsBefore(text: string, end: number): string[] {
  const head = text.slice(Math.max(0, end - 60), end);
  const tail = head.split(/[，。；：！？,;:!?]/).pop() ?? '';
  let rest = tail.replace(/^.*?(?:包括|例如|比如|如|有|为|帮助|服务|已在|在|给|让|使)了?/, '');
  // "公司与奥克斯、哇哈哈等企业…", "其与A、B等品牌…": the seller (a pronoun or a generic word) and the
  // connective before the list are not part of it; "华为与小米等企业" is a list of two.
  // Only 与 may open the list bare: 同 and 跟 start names too ("同仁堂", "跟谁学").
  const lead = /^([^、]{0,8}?)(与|同|跟)/.exec(rest);
  const seller = lead?.[1] ?? '';
  if (
    lead &&
    (seller === ''
      ? lead[2] === '与'
      : isGenericZh(seller) || /^(?:其|该|我们|我司|本公司|公司)/.test(seller))
  )
    rest = rest.slice(lead[0].length);
  const items = rest.split(/[、和与及]/).map((s) => s.trim());
  return listNames(items);
}

/**
 * The page's owner signing its title: a registered name that ends the text as its last part after a
 * separator ("客户案例 - 网易企业邮箱 - 免费申请试用 - 郑州胜途科技有限公司"), or before 版权所有, is the
 * publisher, not a customer.
 */
function signsPageTitle(text: string, start: number, end: number): boolean {
  const rest = text.slice(end).trim();
  // A copyright line names the publisher wherever it sits.
  if (/^(?:版权所有|©|\(c\))/i.test(rest)) return true;
  return /^[。.]?$/.test(rest) && /[-–—|｜_]\s?$/.test(text.slice(Math.max(0, start - 3), start));
}
