/**
 * Customers named by the shape of a Chinese case title or write-up: "助力天眼查实时平台建设", "给顺网科技带来",
 * a co-branded title ("TiDB x 中通科技 |"), "Teable 通过 Sealos …", "度言软件基于 Apache Doris …实践",
 * a case card's heading, a company's journey ("莉莉丝游戏云原生之路"), a labelled user ("用户—溢米教育投稿")
 * and the site of "在小米的应用实践". Used by customer-names-zh.ts.
 */
import { CATEGORY_NOUNS_ZH, SAVING_ZH } from './lexicons.ts';
import { KNOWN_PRODUCTS_ZH, ORG_SUFFIXES_ZH, WELL_KNOWN_ZH } from './proof-lexicons.ts';
import { compile, lexiconSource, termList } from './regex-source.ts';
import { isGenericZh, RESULT_LATER_ZH, zhNameBefore } from './zh-name-reading.ts';

/** A practice write-up or case: "在小米的应用实践", "上线案例". */
const PRACTICE_ZH = /的(?:应用|落地|最佳)?实践|(?:上线|落地|应用|建设)(?:案例|实践)/g;

/** "助力天眼查实时平台建设", "赋能青松物流": the name after the verb, read rightwards. */
const HELPS_ZH = /(?:助力|赋能|服务于)\s?/g;
/** Words that end a name read rightwards. */
const NAME_END_ZH =
  /实现|打造|建设|完成|构建|实时|提升|降低|数字化|智能化|平台|业务|系统|转型|迈向|开启|成功|全面|高效|投稿|分享|[，。；：、！？“”（）()《》【】「」,.;:!?|｜\s的在为与和及等]/;
/** "SOFAArk 用户—溢米教育投稿", "用户：小米": the user named after its label. */
const USER_LABEL_ZH = /用户\s?[—－:：]\s?/g;

/** "Terasek Supply 案例研究：…", "青松物流客户案例｜…": a case card labelled with its customer's name. */
const CASE_LABEL_ZH =
  /^\s?([A-Za-z][A-Za-z0-9&.' -]{1,40}?|[\u4e00-\u9fa5]{2,12}?)\s?(?:客户|成功)?案例(?:研究|分享|故事|解读)?\s?[：:｜|]/;

/** Words that say what kind of case it is, not whose ("成功案例", "最新案例", "经典案例分享", "标杆客户案例"). */
const CASE_KIND_ZH =
  /成功|经典|典型|优秀|最佳|行业|客户|项目|真实|精选|精品|热门|最新|近期|往期|本期|历史|推荐|全部|更多|部分|相关|应用|实施|落地|标杆|服务|合作|精彩/g;
/** A Latin label that is a kind of product or an acronym, not a customer ("AI 案例", "ERP客户案例", "SaaS 成功案例"). */
const LATIN_KIND = /^(?:[A-Z0-9]{1,5}s?|SaaS|PaaS|IaaS|Case|Cases|Demo|Top|Best|New)$/i;

function nameAfter(text: string, start: number): string {
  const rest = text.slice(start, start + 12);
  const end = rest.search(NAME_END_ZH);
  return (end < 0 ? rest.slice(0, 8) : rest.slice(0, end)).trim();
}

/** "给顺网科技带来的最大收益": the one the product brought a gain to. */
const BROUGHT_TO_ZH = /给([^\s，。；、！？]{2,10}?)带来/g;
/**
 * "上汽云 x JuiceFS：…", "TiDB x 中通科技 | …", "360 x TiDB｜…": a case title pairing a customer with the
 * product. The Latin-only side is the product; the other side is the customer.
 */
const COBRAND_ZH = /^([^\s，。；：:｜|]{2,12})(?:\s[x×]\s|×)([^\s，。；：:｜|]{2,12})\s?[｜|：:]/;
/**
 * "Teable 通过 Sealos 降低了 80% 的成本": a Latin-named company opening a case title with the product it
 * used; taken as the customer only in a case (a result in numbers, or 如何/案例/实践/了解 in the copy).
 */
const LATIN_VIA_ZH =
  /^([A-Za-z][A-Za-z0-9.+-]*)\s?(?:通过|借助|使用|采用|选用|用)\s?([A-Za-z][A-Za-z0-9.+-]*)/;
/** "度言软件基于 Apache Doris 实时数仓建设实践": a practice write-up of the company before 基于. */
const BASED_PRACTICE_ZH = /基于\s?(?=[A-Za-z])[^，。；！？]{0,30}?实践/g;

/**
 * "莉莉丝游戏云原生之路", "某某银行的数字化转型实践": a title of one company's journey to a way of running
 * IT. The company heads it.
 */
const JOURNEY_TITLE_ZH =
  /^([\p{Script=Han}A-Za-z0-9]{2,8}?)的?(?:云原生|数字化|智能化|国产化|信创|上云|出海|微服务|容器化|中台|DevOps|可观测性?)(?:转型|改造|建设)?(?:之路|实践|探索|历程)/u;

/** A blog title's opening words, not a company: "浅谈云原生实践", "一文读懂微服务实践", "聊聊中台建设之路". */
const BLOG_OPENER_ZH =
  /^(?:浅谈|浅析|一文|聊聊|谈谈|说说|漫谈|细说|再谈|初探|探索|深度|深入|详解|解析|揭秘|解读|图解|实战|如何|关于|我们|我的|从)/;

/**
 * The names a case title gives, in reading order. `direct` marks a Latin-named company opening the
 * title ("Teable 通过 Sealos"), which the vendor check would otherwise drop as the seller.
 */
export function caseTitleNamesZh(text: string): { name: string; direct: boolean }[] {
  const out: { name: string; direct: boolean }[] = [];
  // Only in a case ("｜效率数倍提升", a result, 实践/案例): a slogan also 赋能 someone ("赋能千行百业").
  const isCase = RESULT_LATER_ZH.test(text) || /[｜|]|实践|案例|如何|了解/.test(text);
  if (isCase)
    for (const m of text.matchAll(HELPS_ZH)) {
      const name = nameAfter(text, m.index + m[0].length);
      if (name.length >= 2 && name.length <= 8 && !isGenericZh(name) && !/^[某各多众超近逾]/.test(name))
        out.push({ name, direct: false });
    }
  for (const m of text.matchAll(USER_LABEL_ZH)) {
    const name = nameAfter(text, m.index + m[0].length);
    if (name.length >= 2 && name.length <= 8 && !isGenericZh(name)) out.push({ name, direct: false });
  }
  for (const m of text.matchAll(BROUGHT_TO_ZH)) {
    const name = (m[1] ?? '').trim();
    if (!isGenericZh(name)) out.push({ name, direct: false });
  }
  const co = COBRAND_ZH.exec(text);
  if (co?.[1] && co[2]) {
    const latin = (s: string) => /^[A-Za-z][A-Za-z0-9.+-]*$/.test(s);
    const customer = latin(co[1]) && !latin(co[2]) ? co[2] : co[1];
    // A company may be a number ("360"); generic words still do not name one.
    if (/^\d{2,4}$/.test(customer) || !isGenericZh(customer)) out.push({ name: customer, direct: false });
  }
  const via = LATIN_VIA_ZH.exec(text);
  if (via?.[1] && via[1] !== via[2] && isCase) out.push({ name: via[1], direct: true });
  for (const m of text.matchAll(BASED_PRACTICE_ZH)) {
    const name = zhNameBefore(text, m.index);
    if (/\p{Script=Han}/u.test(name) && !isGenericZh(name)) out.push({ name, direct: false });
  }
  const journey = JOURNEY_TITLE_ZH.exec(text.trim())?.[1];
  if (journey && /\p{Script=Han}/u.test(journey) && !isGenericZh(journey) && !BLOG_OPENER_ZH.test(journey))
    out.push({ name: journey, direct: false });
  const colon = colonCaseTitle(text);
  if (colon) out.push({ name: colon, direct: false });
  const label = CASE_LABEL_ZH.exec(text)?.[1]?.trim();
  const latinLabel = label !== undefined && /^[A-Za-z]/.test(label);
  if (
    label &&
    (latinLabel
      ? !LATIN_KIND.test(label)
      : !isGenericZh(label) && label.replace(CASE_KIND_ZH, '') !== '' && !CATEGORY_NOUNS_ZH.includes(label))
  )
    out.push({ name: label, direct: true });
  const card = caseCardHeading(text);
  if (card) out.push({ name: card, direct: false });
  for (const m of text.matchAll(PRACTICE_ZH)) {
    const name = practiceSite(text, m.index);
    if (name) out.push({ name, direct: false });
  }
  return out;
}

/**
 * A case card: a first line that is only a name ("比亚迪", "中华保险"), then a line reporting a result
 * in numbers ("核心系统迁移，性能整体提升50%"). The heading names the customer the result belongs to.
 */
function caseCardHeading(text: string): string | null {
  const lines = text.trim().split('\n');
  const head = (lines[0] ?? '').trim();
  if (lines.length < 2 || !/^[\p{Script=Han}A-Za-z0-9 ]{2,12}$/u.test(head) || !/\p{Script=Han}/u.test(head))
    return null;
  // "达梦数据库", "青松对账平台": a heading that ends in a kind of product is the product, not a customer.
  if (
    isGenericZh(head) ||
    /的|包括|如下|结果|成效|效果|收益|亮点|价值|优势/.test(head) ||
    /^[某各多众该本我贵]/.test(head) ||
    CATEGORY_NOUNS_ZH.some((c) => head.endsWith(c))
  )
    return null;
  return RESULT_LATER_ZH.test(lines.slice(1).join('\n')) ? head : null;
}

/**
 * A case title of the customer's name, a colon and its result in numbers: "中征律所：用飞书实现组织数字升级，
 * 案件处理效率提升 50% 以上", "公牛：用飞书搭建智能客服，年省人工成本 400 万+". Not a slogan after a name
 * ("湘财证券：数字化是…"), not the seller speaking (我们, 您), and not the product's own name ("用飞书" names
 * the product, not the customer).
 */
const COLON_TITLE_ZH = /^([\p{Script=Han}A-Za-z0-9]{2,10} ?[A-Za-z0-9]{0,12})[：:][ \t]?([^\n]{4,80})/u;
/**
 * A title that opens on the product the head took up, with no result: "韩国国民搜索 NAVER：为 AI 平台引入存储方案
 * JuiceFS". The product is a Latin name of four letters or more (not "AI").
 */
const ADOPTS_IN_TITLE_ZH =
  /^(?:为[^，。；\n]{0,12}?(?:引入|采用|选用|上线|部署|落地)|(?:引入|采用|选用|上线|部署|落地))\s?[^，。；\n]{0,8}?[A-Za-z][A-Za-z0-9.+-]{3,}/;
const RESULT_IN_TITLE_ZH = compile(
  `(?:释放|节省|节约|提升|降低|缩短|减少|提高|增长|下降|提效|${SAVING_ZH})[^，。；]{0,6}\\d|\\d\\s?[%％倍]`,
);

const USES_PRODUCT_ZH =
  /(?:用|借助|通过|携手|牵手|选择|选用|采用|基于|上线|引入)\s?([A-Za-z][A-Za-z0-9.+-]{1,20})/;
const USES_HAN_PRODUCT_ZH = compile(
  `(?:用|借助|携手|选用|采用|引入|基于|通过|上线)(?:${lexiconSource(KNOWN_PRODUCTS_ZH)})`,
);
/**
 * A heading's topic, not a company: a title that ends in an activity or a function ("客服中心", "会员增长",
 * "库存盘点", "合同审批"). Company names rarely end in these words.
 */
const TOPIC_WORDS_ZH = termList(`
  中心 | 增长 | 车间 | 管理 | 运营 | 营销 | 巡店 | 巡检 | 获客 | 转化 | 协同 | 协作 | 办公 | 招聘 | 培训 | 客服
  质检 | 仓储 | 私域 | 会员 | 门店 | 销售 | 财务 | 采购 | 生产 | 研发 | 交付 | 售后 | 流程 | 项目 | 场景 | 方案
  盘点 | 审批 | 分析 | 沉淀 | 考勤 | 报销 | 排班 | 对账 | 结算 | 报表 | 看板 | 绩效 | 入职 | 排产 | 调度 | 监控
  运维 | 安全 | 合规 | 风控 | 预测 | 计划 | 决策 | 服务 | 体验 | 数据 | 知识 | 文档 | 会议 | 沟通 | 自动化
  数字化 | 智能化 | 升级 | 转型 | 降本 | 增效 | 提效
`);
const TOPIC_HEAD_ZH = compile(`(?:${lexiconSource(TOPIC_WORDS_ZH)})$`);
const ORG_HEAD_ZH = compile(
  `(?:${lexiconSource([...ORG_SUFFIXES_ZH, '律所', '律师事务所', '公司'])})$|^(?:${lexiconSource(WELL_KNOWN_ZH)})$`,
);

function colonCaseTitle(text: string): string | null {
  const m = COLON_TITLE_ZH.exec(text.trim());
  const [head, rest] = [m?.[1] ?? '', m?.[2] ?? ''];
  const adopts = ADOPTS_IN_TITLE_ZH.test(rest);
  if (
    !head ||
    !/\p{Script=Han}/u.test(head) ||
    !(RESULT_IN_TITLE_ZH.test(rest) || adopts) ||
    /我们|您|你/.test(rest)
  )
    return null;
  if (
    isGenericZh(head) ||
    CATEGORY_NOUNS_ZH.some((c) => head.endsWith(c)) ||
    ['用', '借助', '通过', '基于', '选择', '采用'].some((v) => rest.replace(/\s/g, '').includes(v + head))
  )
    return null;
  // A module's heading reads the same ("智能排产：效率提升 30%"): the head must be an organisation's name,
  // or the title must name the product the head used ("用飞书实现…") and the head must not be a topic
  // ("库存盘点：用简道云…").
  const product = USES_PRODUCT_ZH.exec(rest)?.[1] ?? '';
  const usesProduct =
    ((product !== '' && !/^AI$/i.test(product) && !isGenericZh(product)) || USES_HAN_PRODUCT_ZH.test(rest)) &&
    !TOPIC_HEAD_ZH.test(head);
  return usesProduct || ORG_HEAD_ZH.test(head) || (adopts && !TOPIC_HEAD_ZH.test(head)) ? head : null;
}

/** The site of "在 <X> 的应用实践": a named customer unless it is an industry or a scene. */
function practiceSite(text: string, end: number): string | null {
  const head = text.slice(Math.max(0, end - 30), end);
  const at = head.lastIndexOf('在');
  if (at < 0) return null;
  // "在美联物业的数据仓库应用实践": the site is the name before its first 的.
  const site = (head.slice(at + 1).split('的')[0] ?? '')
    .replace(/(?:场景下|场景中|业务中|中|上|里)$/, '')
    .trim()
    .replace(/服务$/, '')
    .trim()
    .replace(/SaaS$/, '')
    .trim();
  if (site.length < 2 || site.length > 16 || /行业|领域|场景|业务|企业|公司|客户|用户|金融|电信/.test(site))
    return null;
  return site;
}
