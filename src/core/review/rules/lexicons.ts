/**
 * Shared vocabulary of the rules, in both languages: number shapes, units, industries and segments,
 * roles, universals, price words, buzzwords. Rules combine these sources into their patterns.
 */
import { alt, termList } from './regex-source.ts';

/** An English number: digits (with separators, currency, k/m suffixes) or a small number word. */
export const NUM_EN = String.raw`(?:[$€£¥]\s?)?(?:\d+(?:[.,]\d+)*(?:\s?(?:k|m|bn|million|billion)\b)?|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|half|a third|a quarter)\b)`;

/** A Chinese number: digits, Chinese numerals, or fractions such as 万分之三. */
export const NUM_ZH = String.raw`(?:(?:百|千|万)分之[零一二两三四五六七八九十百\d.]+|\d+(?:[.,]\d+)*|[零一二两三四五六七八九十百千万半几]+)`;

/** English time units. */
export const TIME_EN = String.raw`(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|shifts?)\b`;

/** Chinese time units. */
export const TIME_ZH = `(?:秒|分钟|小时|天|日|周|星期|个月|季度|年)`;

/** A percentage sign or word. */
export const PCT = String.raw`(?:\s?[%％]|\s?per\s?cent\b|\s?percent\b)`;

/** English words that describe change, used next to numbers to tell results from specifications. */
export const CHANGE_EN = String.raw`\b(?:cut|cuts|cutting|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|drop(?:s|ped)?|fell|falls?|down|up|grew|grows?|rose|rises?|increas(?:e|es|ed|ing)|improv(?:e|es|ed|ing)|boost(?:s|ed)?|sav(?:e|es|ed|ing)|shorten(?:s|ed)?|halv(?:e|es|ed)|slash(?:es|ed)?|recover(?:s|ed)?|avoid(?:s|ed)?|eliminat(?:e|es|ed)|prevent(?:s|ed)?|sped up|speeds? up|faster|fewer|less|more|higher|within|under|went|moved|brought|took|shrank|raised|averag(?:e|es|ed))\b`;

/** Chinese words that describe change or reach, used next to numbers. */
export const CHANGE_ZH = `(?:降低了?|降到|降至|降为|下降了?|减少了?|缩短了?|缩到|缩至|压到|压缩到|压缩了?|提升了?|提升到|提高了?|提高到|增长了?|增加了?|节省了?|节约了?|节电|节能|节水|少看|少跑|少花|少等|多出|达到|超过|低于|高于|不到|不超过|以内|控制在|稳定在|只要|仅需|只需|平均|翻了?)`;

/** Industries and segments (English plural/singular nouns and size qualifiers). */
export const SEGMENTS_EN = termList(`
  manufacturer | manufacturers | manufacturing | factory | factories | plant | plants | mill | mills
  molder | molders | foundry | foundries | OEM | OEMs | supplier | suppliers | distributor | distributors
  wholesaler | wholesalers | retailer | retailers | marketplace | marketplaces | e-commerce | ecommerce
  fulfilment centers | fulfillment centers | fulfilment centres | warehouse | warehouses | 3PL | 3PLs
  shipper | shippers | carrier | carriers | fleet | fleets | logistics | freight | hospital | hospitals
  clinic | clinics | health system | health systems | NHS trust | NHS trusts | pharma | pharmaceutical
  biotech | lab | labs | laboratory | laboratories | bank | banks | credit union | credit unions
  brokerage | brokerages | insurer | insurers | lender | lenders | fintech | fintechs | asset managers
  law firm | law firms | accounting firms | agency | agencies | utility | utilities | municipalities
  school | schools | universities | restaurant | restaurants | hotel | hotels | grower | growers | farm
  farms | chemical | chemicals | plastics | automotive | aerospace | semiconductor | medical-device
  medical device | construction | mining | oil and gas | offshore | SaaS companies | mid-size | midsize
  mid-sized | mid-market | SMB | SMBs | small and mid-sized | scale-ups | regional | family-owned
  Fortune 500 | B2B SaaS | HR teams | finance teams | contractors
`);

/** Industries and segments in Chinese. */
export const SEGMENTS_ZH = termList(`
  制造业 | 制造企业 | 工厂 | 车间 | 机加工 | 注塑 | 压铸 | 印染 | 汽车 | 零部件 | 主机厂 | 锂电 | 电池 | 电芯 | 半导体 | 光伏 | 建材 | 涂料 | 纺织 | 食品
  医院 | 三甲 | 诊所 | 药企 | 药厂 | 实验室 | 银行 | 城商行 | 农商行 | 券商 | 保险 | 基金 | 物流 | 快递 | 仓库 | 仓储 | 车队 | 零担 | 冷链 | 货主
  零售 | 门店 | 连锁 | 餐饮 | 茶饮 | 电商 | 独立站 | 跨境 | 化工 | 园区 | 学校 | 高校 | 律所 | 中小企业 | 中小型 | 年产值 | 外贸 | 供应商 | 经销商 | 医保
`);

/** Named roles and buying-committee members (English). */
export const ROLES_EN = termList(`
  CFO | CFOs | CIO | CIOs | CTO | CTOs | CISO | CISOs | CEO | CEOs | COO | COOs | CMO | CHRO | CPO | VP
  VPs | vice president | head of | director | directors | controller | controllers | manager | managers
  procurement | purchasing | buyer | buyers | finance team | finance teams | finance lead | QA lead | QA
  quality lead | quality manager | engineer | engineers | operator | operators | owner | owners | founder
  founders | administrator | administrators | HR lead | HR director | HR directors | IT team | IT lead
  IT director | compliance officer | compliance team | auditor | auditors | analyst | analysts
  superintendent | dispatcher | dispatchers | treasurer | general counsel | nurse managers
`);

/** Named roles and buying-committee members (Chinese, plus English titles common in Chinese copy). */
export const ROLES_ZH = termList(`
  老板 | 厂长 | 院长 | 店长 | 总监 | 经理 | 主任 | 负责人 | 采购 | 财务总监 | 财务负责人 | 财务部 | 财务团队 | 信息科 | 信息中心 | 信息科技部 | 设备部 | 质量部
  合规部 | 医保办 | 法务 | 人力资源 | HR | IT部 | 分析师 | 工程师 | 总经理 | 董事长 | 车间主任 | 班组长 | 运营总监 | CFO | CIO | CTO | CISO
`);

/** Concerns along the decision chain: risk, acceptance, after-sales, compliance, budget. */
export const CONCERNS_EN = termList(`
  risk | risks | compliance | compliant | audit | audits | auditors | inspection | inspections | exam
  exams | acceptance | sign off | sign-off | go-live | go live | implementation | rollout | onboarding
  migration | after-sales | support | renewal | renewals | downtime | shutdown | penalty | penalties
  fine | fines | liability | blame | budget | ROI | payback | approval | contract | contractual | SLA
  safety | safe-staffing | citations | findings | exceptions | recall | recalls | breach | breaches
  write-offs | excursion | on time
`);

/** Concerns along the decision chain (Chinese). */
export const CONCERNS_ZH = termList(`
  风险 | 合规 | 审计 | 检查 | 飞检 | 验收 | 上线 | 实施 | 交付 | 售后 | 续约 | 续费 | 停机 | 宕机 | 罚 | 赔付 | 追责 | 背锅 | 预算 | 回本 | 回收期
  投资回报 | 审批 | 合同 | 安全 | 整改 | 测评 | 环保 | 一致性 | 兜底 | 违规 | 考核
`);

/** "For everyone" universals: the opposite of a clear segment. */
export const UNIVERSALS = termList(`
  all businesses | any business | every business | businesses of all sizes | businesses of every size
  companies of all sizes | organizations of all sizes | organisations of all sizes | every industry
  all industries | any industry | every size | all sizes | any project | big or small | large or small
  startup or a Fortune 500 | for everyone | anyone | one-stop | one stop shop | all-in-one
  everything you need | whatever your industry | no matter your industry | no matter the size | 所有企业
  各行各业 | 各个行业 | 各类企业 | 各种企业 | 任何企业 | 全行业 | 一站式 | 全方位 | 多个领域 | 各领域 | 广泛应用 | 千行百业 | 大中小 | 各种规模 | 各类客户 | 所有行业
  各种行业 | 全流程
`);

/** Price and discount words. */
export const PRICE_WORDS = termList(`
  cheap | cheaper | cheapest | lowest price | lowest prices | low price | low prices | low-cost | low cost
  affordable | discount | discounts | discounted | % off | percent off | on sale | sale price | bargain
  best price | best prices | price match | beat any | budget-friendly | special offer | limited time
  limited-time | this month only | this week only | buy one | free trial | no setup fee | no setup fees
  cancel anytime | coupon | promo | deal of | fraction of the cost | why pay more | save big | unbeatable price
  unbeatable prices | price cut | 最低价 | 低价 | 便宜 | 打折 | 折扣 | 优惠 | 特价 | 促销 | 性价比 | 实惠 | 量大从优
  厂家直销 | 让利 | 秒杀 | 清仓 | 包邮 | 限时 | 免费试用 | 价格最低 | 全国最低 | 全网最低 | 机会难得 | 送三个月 | 买一送一 | 团购
`);

/** Empty buzzwords that cost attention and say nothing checkable. */
export const BUZZWORDS = termList(`
  synergy | synergies | cutting-edge | cutting edge | revolutionize | revolutionizes | revolutionise
  revolutionary | world-class | world class | best-in-class | best in class | seamless | seamlessly
  next-generation | next-gen | innovative | leverage | empower | empowers | empowering | robust | holistic
  paradigm | game-changer | game-changing | disruptive | state-of-the-art | leading | unparalleled
  turnkey | best-of-breed | ecosystem | value-added | mission-critical | passionate | extra mile
  made easy | next level | digital transformation | stay ahead | what matters most | solutions provider
  one-stop | all-in-one | reliable | high-quality | premium | unmatched | unlock | the power of | intelligent
  enterprise-grade | powerful | smarter | 优质服务 | 合作共赢 | 共赢 | 赋能 | 一站式 | 领先
  全方位 | 高品质 | 一流 | 顶级 | 卓越 | 创新驱动 | 数字化转型 | 助力 | 创新 | 生态 | 闭环 | 抓手 | 高质量发展 | 致力于 | 携手 | 共创 | 美好未来 | 引领
  极致 | 无处不在 | 匠心 | 强大 | 上乘 | 值得信赖 | 专业的 | 综合性 | 服务周到 | 完善的 | 庞大的 | 智慧 | 打造
`);

/** Superlatives that need proof. */
export const SUPERLATIVES = termList(`
  best | No. 1 | No.1 | #1 | number one | leading | leader | world-class | best-in-class | top-rated
  unmatched | unrivaled | unrivalled | unparalleled | most advanced | state-of-the-art | premier
  ultimate | cheapest | lowest prices | industry-leading | market-leading | reliable | trusted | 最好 | 最佳
  领先 | 领导者 | 顶级 | 一流 | 最先进 | 首屈一指 | 无可比拟 | 独一无二 | 值得信赖 | 最低 | 最强 | 行业第一 | 全国第一 | 全球第一 | 国内第一 | 排名第一 | 龙头
  权威 | 专业
`);

/** Pattern source matching one segment term in either language. */
export const SEGMENT_SOURCE = alt([...SEGMENTS_EN, ...SEGMENTS_ZH]);
