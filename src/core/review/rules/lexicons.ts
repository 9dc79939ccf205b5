/**
 * Shared vocabulary of the rules, in both languages: number shapes, units, industries and segments,
 * roles, universals, price words, buzzwords. Rules combine these sources into their patterns.
 *
 * Every source here keeps a star height of one (no quantified group holds another quantifier, no
 * alternation sits under a repeating quantifier), so that combining them cannot backtrack
 * exponentially; the text is also capped at 2,000 characters before any rule runs.
 */
import { alt, termList } from './regex-source.ts';

/**
 * A run of digits with separators ("1,200", "99.9"), not starting inside another number and not
 * ending on a separator. One character class instead of `\d+(?:[.,]\d+)*` keeps the star height at one.
 */
export const DIGITS = String.raw`(?<![\d.,A-Za-z])\d[\d.,]*(?<![.,])`;

/** An English number: digits (with currency, k/m suffixes) or a small number word. */
export const NUM_EN = String.raw`(?:[$€£¥] |[$€£¥])?(?:${DIGITS}(?:k\b|m\b|bn\b| million\b| billion\b| trillion\b)?|(?<![\w-])(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|half|twice|a third|a quarter)\b)`;

/** A Chinese number: digits, Chinese numerals, or fractions such as 万分之三. */
export const NUM_ZH = String.raw`(?:[百千万]分之[零一二两三四五六七八九十百\d.]{1,6}|${DIGITS}|[零一二两三四五六七八九十百千万半几]{1,6})`;

/** English time units. */
export const TIME_EN = String.raw`(?:seconds|second|secs|sec|minutes|minute|mins|min|hours|hour|days|day|weeks|week|months|month|quarters|quarter|years|year|shifts|shift)\b`;

/** Chinese time units. */
export const TIME_ZH = `(?:秒|分钟|小时|天|日|周|星期|个月|季度|年)`;

/** A percentage sign or word ("30%", "40-percent", "12 per cent"). */
export const PCT = String.raw`(?:\s?[%％]\+?|[\s-]per\s?cent\b|[\s-]percent\b)`;

/**
 * English words that describe change, used next to numbers to tell results from specifications. "Up" and
 * "down" count only right before their figure ("up roughly 20%", "down by half", "up from 30%"), not as part
 * of a verb ("sign up for … 30 days", "drill down into 12 months") nor as a limit ("up to 90 days").
 */
export const CHANGE_EN = String.raw`\b(?:cut|cuts|cutting|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|drop(?:s|ped)?|fell|falls?|down(?=\s(?:by\s|to\s|from\s)?(?:only\s|just\s|about\s|nearly\s|almost\s|roughly\s|over\s|more\sthan\s|less\sthan\s)?(?:[$€£¥(]?\d|half\b|a\sthird\b|a\squarter\b|two-thirds\b))|up(?=\s(?:by\s|from\s)?(?:only\s|just\s|about\s|nearly\s|almost\s|roughly\s|over\s|more\sthan\s|less\sthan\s)?(?:[$€£¥(]?\d|half\b|a\sthird\b|a\squarter\b|two-thirds\b))|grew|grows?|rose|rises?|increas(?:e|es|ed|ing)|improv(?:e|es|ed|ing)|boost(?:s|ed)?|lift(?:s|ed)?|stopped|recovered|sav(?:e|es|ed|ing)|shorten(?:s|ed)?|halv(?:e|es|ed)|slash(?:es|ed)?|shav(?:e|es|ed|ing)|knock(?:s|ed)?|recover(?:s|ed)?|avoid(?:s|ed)?|eliminat(?:e|es|ed)|prevent(?:s|ed)?|resolv(?:e|es|ed)|absorb(?:s|ed)?|sped up|speeds? up|faster|fewer|less(?!\sthan)|more(?!\sthan)|higher|within|under|went|moved|brought|took|shrank|shrink(?:s|ing)?|compress(?:es|ed|ing)?|squeez(?:e|es|ed|ing)|raised|averag(?:e|es|ed)|decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|trim(?:s|med|ming)?|plummet(?:s|ed)?|jump(?:s|ed)?|climb(?:s|ed)?|accelerat(?:e|es|ed)|doubl(?:e|es|ed)|tripl(?:e|es|ed))\b`;

/**
 * A yearly or monthly saving ("年省 400 万", "每年省直接人工成本", "月省下 10 万"): 省 followed by an amount
 * or what was saved, not a year before a province's office ("2023年省级", "今年省政府", "今年省考").
 */
export const SAVING_ZH = `(?:每年|每月|一年|全年|单月|年|月)省(?:下了|下|了|去)?(?=\\s?[\\d一二三四五六七八九十百千]|人工|人力|成本|费用|开支|支出|工时|时间|电费|能耗|运维|采购|资金|库存|直接|间接|人民币|近|超|约|数|上百|上千|上万)`;

/** Chinese words that describe change or reach, used next to numbers. */
export const CHANGE_ZH = `(?:${SAVING_ZH}|(?<!价格|售价|价|立)直降(?=\\s?\\d{1,3}(?:\\.\\d)?\\s?[%％])|降低了?|降到|降至|降为|降了|下降了?|减少了?|缩短了?|缩到|缩至|压到|压至|压缩到|压缩了?|提升了?|提升到|提升至|提高了?|提高到|提速|提效|加速|跃升至?|升至|增长了?|增加了?|节省了?|节约了?|节电|节能|节水|降本|少看|少跑|少花|少等|少停机|多产|多出|低于|不到|不超过|以内|控制在|稳定在|只要|仅需|只需|平均|翻了?|缩减了?|削减了?|精简了?)`;

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
  school | schools | school district | school districts | universities | restaurant | restaurants
  hotel | hotels | grower | growers | farm | farms | chemical | chemicals | plastics | automotive
  aerospace | semiconductor | medical-device | medical device | construction | mining | oil and gas
  offshore | SaaS companies | mid-size | midsize | mid-sized | mid-market | SMB | SMBs
  small and mid-sized | scale-ups | startups | regional | family-owned | Fortune 500 | B2B SaaS
  HR teams | finance teams | contractors | developers | developer | engineering teams | data teams
  data engineers | DevOps teams | SRE teams | IT teams | security teams | sales teams | support teams
  marketing teams | product teams | IoT | M2M | telcos | payments | gaming
`);

/** Industries and segments in Chinese. */
export const SEGMENTS_ZH = termList(`
  制造业 | 制造企业 | 工厂 | 车间 | 机加工 | 注塑 | 压铸 | 印染 | 汽车 | 零部件 | 主机厂 | 锂电 | 电池 | 电芯 | 半导体 | 光伏 | 建材 | 涂料 | 纺织 | 食品
  医院 | 三甲 | 诊所 | 药企 | 药厂 | 实验室 | 银行 | 城商行 | 农商行 | 券商 | 保险 | 基金 | 物流 | 快递 | 仓库 | 仓储 | 车队 | 零担 | 冷链 | 货主
  零售 | 门店 | 连锁 | 餐饮 | 茶饮 | 电商 | 独立站 | 跨境 | 化工 | 园区 | 学校 | 高校 | 律所 | 中小企业 | 中小型 | 年产值 | 外贸 | 供应商 | 经销商 | 医保
  物联网 | 车联网 | 工业互联网 | 运营商 | 政务 | 电网 | 快消 | 开发者 | 研发团队 | 开发团队 | 测试团队 | 运维团队 | 销售团队 | 财务团队 | 金融机构
`);

/** Named roles and buying-committee members (English). */
export const ROLES_EN = termList(`
  CFO | CFOs | CIO | CIOs | CTO | CTOs | CISO | CISOs | CEO | CEOs | COO | COOs | CMO | CHRO | CPO | VP
  VPs | vice president | head of | director | directors | controller | controllers | manager | managers
  procurement | purchasing | buyer | buyers | finance team | finance teams | finance lead | QA lead | QA
  quality lead | quality manager | engineer | engineers | operator | operators | owner | owners | founder
  founders | administrator | administrators | HR lead | HR director | HR directors | IT team | IT lead
  IT director | compliance officer | compliance team | auditor | auditors | analyst | analysts
  superintendent | dispatcher | dispatchers | treasurer | general counsel | nurse managers | architect
  architects | developers | data leaders | data teams | security team | sales leaders | sales team
`);

/** Named roles and buying-committee members (Chinese, plus English titles common in Chinese copy). */
export const ROLES_ZH = termList(`
  老板 | 厂长 | 院长 | 店长 | 总监 | 经理 | 主任 | 负责人 | 采购 | 财务总监 | 财务负责人 | 财务部 | 财务团队 | 信息科 | 信息中心 | 信息科技部 | 设备部 | 质量部
  合规部 | 医保办 | 法务 | 人力资源 | HR | IT部 | 分析师 | 工程师 | 总经理 | 董事长 | 车间主任 | 班组长 | 运营总监 | CFO | CIO | CTO | CISO
  销售团队 | 销售负责人 | 销售总监 | 架构师 | 运维团队 | 开发团队 | 研发团队 | DBA
`);

/**
 * Concerns along the decision chain: risk, acceptance, after-sales, compliance, budget, and the
 * running costs a decision maker answers for.
 */
export const CONCERNS_EN = termList(`
  risk | risks | compliance | compliant | audit | audits | auditors | inspection | inspections | exam
  exams | acceptance | sign off | sign-off | go-live | go live | implementation | rollout | onboarding
  migration | after-sales | support | renewal | renewals | downtime | shutdown | penalty | penalties
  fine | fines | liability | blame | budget | ROI | payback | approval | contract | contractual | SLA
  safety | safe-staffing | citations | findings | exceptions | recall | recalls | breach | breaches
  write-offs | excursion | on time | uptime | availability | headcount | operating costs
  operational costs | infrastructure costs | costs | cost | crashes
`);

/**
 * Concerns along the decision chain (Chinese). "上线" is not here: it is the go-live itself, a
 * milestone, not a worry ("上线后…" usually opens a result).
 */
export const CONCERNS_ZH = termList(`
  风险 | 合规 | 审计 | 检查 | 飞检 | 验收 | 实施 | 交付 | 售后 | 续约 | 续费 | 停机 | 宕机 | 罚 | 赔付 | 追责 | 背锅 | 预算 | 回本 | 回收期
  投资回报 | 审批 | 合同 | 安全 | 整改 | 测评 | 环保 | 一致性 | 兜底 | 违规 | 考核 | 不能停 | 容灾 | 成本 | 降本 | 稳定支撑
`);

/**
 * "For everyone" universals: the opposite of a clear segment. "全流程" is not one: it says how much
 * of a process the product covers (scope), not who it is for (audience).
 */
export const UNIVERSALS = termList(`
  all businesses | any business | every business | businesses of all sizes | businesses of every size
  companies of all sizes | organizations of all sizes | organisations of all sizes | every industry
  all industries | any industry | every size | all sizes | any project | big or small | large or small
  startup or a Fortune 500 | one-stop | one stop shop | all-in-one
  everything you need | whatever your industry | no matter your industry | no matter the size
  every company | any company | all companies | every team | 所有企业 | 各行各业 | 各个行业 | 各类企业 | 各种企业 | 任何企业 | 全行业 | 一站式 | 全方位
  多个领域 | 各领域 | 千行百业 | 大中小 | 各种规模 | 各类客户 | 所有行业 | 各种行业 | 不同行业 | 众多企业 | 各行业 | 每一家企业
`);

/**
 * "For everyone" and "anyone" as a promise to all, not a team's own members ("easy for everyone on the
 * team to use", "anyone in your company can…").
 */
export const UNIVERSAL_PATTERNS: readonly RegExp[] = [
  /\b(?:for\severyone|anyone)\b(?!\s(?:on|in|at|across)\s(?:the|your|our|their)\s(?:team|teams|company|organi[sz]ation|org|office|department|business)\b)/,
];

/** Price and discount words. */
export const PRICE_WORDS = termList(`
  cheap | cheaper | cheapest | lowest price | lowest prices | low price | low prices | low-cost | low cost
  affordable | discount | discounts | discounted | % off | percent off | on sale | sale price | bargain
  best price | best prices | price match | beat any | budget-friendly | special offer | limited time
  limited-time | this month only | this week only | buy one | free trial | no setup fee | no setup fees
  cancel anytime | coupon | promo | deal of | fraction of the cost | why pay more | save big | unbeatable price
  unbeatable prices | price cut | 最低价 | 低价 | 便宜 | 打折 | 折扣 | 优惠 | 特价 | 促销 | 性价比 | 实惠 | 量大从优
  厂家直销 | 让利 | 秒杀价 | 限时秒杀 | 清仓 | 包邮 | 限时 | 免费试用 | 价格最低 | 全国最低 | 全网最低 | 机会难得 | 送三个月 | 买一送一 | 团购
`);

/**
 * Words that make money terms or "free" the message: fees, per-seat terms, "free to get started",
 * "try first, pay later". "Open-source" is not here (a licence, not a price), nor "X-free" as in
 * "ZooKeeper-free" (without X).
 */
export const TERMS_WORDS = termList(`
  sign up fee | sign-up fee | signup fee | setup fee | set-up fee | monthly fee | annual fee | one time fee
  one-time fee | per user | per seat | billed | no credit card
  free forever | free of charge | for free | free to get started | free to start | free for every
  free for all | free plan | free tier | completely free | totally free | 100% free | always free
  try it free | try it for free | try for free | start free | start for free | get started free
  免费 | 先试用 | 试用期 | 满意后再付款 | 满意再付款 | 不满意无理由退款 | 无理由退款 | 按月付费 | 按年付费 | 年费 | 月费 | 按用户收费
  free for commercial use | no license fee | no licence fee | royalty-free
  可商用 | 免费商用 | 永久授权 | 授权费
`);

/** Empty buzzwords that cost attention and say nothing checkable. */
export const BUZZWORDS = termList(`
  synergy | synergies | cutting-edge | cutting edge | revolutionize | revolutionizes | revolutionise
  revolutionary | world-class | world class | best-in-class | best in class | seamless | seamlessly
  next-generation | next-gen | innovative | leverage | empower | empowers | empowering | robust | holistic
  paradigm | game-changer | game-changing | disruptive | state-of-the-art | leading | unparalleled
  turnkey | best-of-breed | ecosystem | value-added | passionate | extra mile | made easy | next level
  digital transformation | stay ahead | what matters most | solutions provider | one-stop | all-in-one
  reliable | high-quality | premium | unmatched | unlock | the power of | intelligent | enterprise-grade
  powerful | smarter | innovate | innovation hub | re-imagine | reimagine | galvanise | galvanize
  delight | thrive | transforming | transformative | supercharge | future-proof | frictionless
  AI-powered platform | operational efficiencies
  优质服务 | 合作共赢 | 共赢 | 赋能 | 一站式 | 领先 | 全方位 | 高品质 | 一流 | 顶级 | 卓越 | 创新驱动 | 数字化转型 | 助力 | 创新 | 生态 | 闭环 | 抓手
  高质量发展 | 致力于 | 携手 | 共创 | 美好未来 | 引领 | 极致 | 无处不在 | 匠心 | 强大 | 上乘 | 值得信赖 | 综合性 | 服务周到 | 完善的 | 庞大的 | 智慧
  打造 | 数智化 | 数智 | 全链路 | 端到端 | 突破性 | 降本增效 | 降本提效 | 提质增效 | 新一代 | 颠覆 | 革命性 | 最强大脑 | 就够了
`);

/**
 * Superlatives and self-praise that need proof. "专业" is not here: it is an ordinary word in
 * Chinese copy ("专业物流" is a description), while 广受欢迎, 行业领先, 第一 and 最… are claims.
 */
export const SUPERLATIVES = termList(`
  best | No. 1 | No.1 | #1 | number one | leading | leader | world-class | best-in-class | top-rated
  unmatched | unrivaled | unrivalled | unparalleled | most advanced | state-of-the-art | premier
  ultimate | cheapest | lowest prices | industry-leading | market-leading | reliable | trusted
  most powerful | most popular | most trusted | most loved | world's leading | world's first
  最好 | 最佳 | 领先 | 领导者 | 顶级 | 一流 | 最先进 | 首屈一指 | 无可比拟 | 独一无二 | 值得信赖 | 最低 | 最强 | 龙头 | 权威
  广受欢迎 | 备受青睐 | 深受喜爱 | 深受好评 | 行业领先 | 国内领先 | 全球领先 | 业界领先 | 遥遥领先 | 主流 | 顶尖 | 首选 | 全球首 | 全球唯一 | 国内首
`);

/** Superlatives written as patterns: 第一 as a rank (not 第一个月) and 最 + adjective. */
export const SUPERLATIVE_PATTERNS: readonly RegExp[] = [
  /(?:行业|全国|全球|国内|世界|市场|销量|排名|业内)第一|第一品牌/,
  /最(?:强|好|佳|快|优|大|全|受欢迎|可靠|安全|领先|专业|先进|稳定)/,
];

/** Pattern source matching one segment term in either language. */
export const SEGMENT_SOURCE = alt([...SEGMENTS_EN, ...SEGMENTS_ZH]);

/**
 * What a product is: category nouns ("platform", "database", "meters", "托管", "数据库"). Copy that
 * names one tells the reader which mental drawer to file it in.
 */
export const CATEGORY_NOUNS_EN = termList(`
  platform | platforms | database | databases | data warehouse | lakehouse | tool | tools | toolkit
  software | system | systems | service | provider | providers | app | application | suite | engine | server | broker
  framework | library | SDK | API | SQL | CRM | ERP | WMS | TMS | MES | HRIS | ATS | CMS | CDP | analytics
  monitoring | observability | error tracking | automation | scheduler | gateway | gateways | meter
  meters | sensor | sensors | inhibitor | coating | assembly | boxes | payroll | solution | network
  hosting | firewall | SIEM | EDR | editor | runtime | orchestrator | cache | search engine | BI
  dashboard | pipeline | data pipelines | streaming | message queue | feeds | treatment | appliance
  spend management | workflow | collaboration | SaaS | cold chain | freight audit | maintenance
  Kubernetes distribution | Linux distribution
`);

/** Category nouns in Chinese copy. */
export const CATEGORY_NOUNS_ZH = termList(`
  平台 | 数据库 | 系统 | 软件 | 工具 | 服务器 | 引擎 | 框架 | 中间件 | 网关 | SaaS | CRM | ERP | WMS | MES | SPD | BI | OA
  服务商 | 托管 | 监测 | 一体机 | 芯片 | 传感器 | 仪表 | 机器人 | 药剂 | 涂料 | 专线 | 知识库 | 大模型 | 调度 | 套件 | 模组
  控制器 | 云服务 | 解决方案 | 破乳剂 | 阻垢剂 | 预测性维护 | 维护服务 | 消息服务器 | 分析工具 | 可视化 | 管理软件
  消息队列 | 数据仓库 | 湖仓 | 存储 | 缓存 | 中台 | 操作系统 | 编辑器 | 助手 | 应用 | 传输协议 | 基础设施
  制造商 | 生产商 | 生产厂家 | 厂家
`);
