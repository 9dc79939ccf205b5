/**
 * The vocabulary of proof as a B2B buyer weighs it: who the customers are (nouns, organisation
 * suffixes, well-known enterprises), standards and certifications, and the words that mark a
 * reported case ("after migrating", "上线后") apart from a promise ("up to", "至少").
 * Like lexicons.ts, every source keeps a star height of one.
 */
import { compile, termList } from './regex-source.ts';

/** Nouns a customer count counts ("140 distributors", "4,000+ businesses"). */
export const CUSTOMER_NOUNS_EN = termList(`
  customers | clients | companies | businesses | organizations | organisations | enterprises | brands
  hospitals | health systems | clinics | banks | credit unions | brokerages | insurers | lenders | plants
  factories | sites | trusts | platforms | molders | manufacturers | distributors | retailers
  wholesalers | fleets | carriers | shippers | warehouses | labs | schools | universities | stores
  restaurants | hotels | teams | OEMs | growers | farms | sellers | trials | deployments | installations
  municipalities | utilities | agencies | firms | suppliers | producers | contractors | dealers | shops
  practices | mills | foundries | operators | accounts | projects | startups | merchants | districts
  centers | centres | fulfillment centers | fulfilment centres | facilities | branches | pharmacies | dealerships
`);

/** Nouns of sites that one customer can have many of ("12 plants of one customer" is one customer). */
export const SITE_NOUNS_EN =
  'plants|factories|sites|stores|warehouses|locations|branches|facilities|lines|offices';

/** Counts written in words: "thousands of companies", "数百家客户". */
export const COUNT_WORDS_EN = String.raw`\b(?:thousands|hundreds|dozens|millions|tens of thousands|hundreds of thousands)\s(?:of\s)?`;
export const COUNT_WORDS_ZH =
  '(?:数以万计|数以千计|数以百计|数以亿计|数十|数百|数千|数万|几十|几百|几千|上百|上千|上万|近百|近千|近万|百余|千余|万余|成百上千|成千上万)';

/** Nouns after a Chinese count ("28家券商", "数百家客户"). */
export const CUSTOMER_NOUNS_ZH = termList(`
  客户 | 企业 | 公司 | 机构 | 银行 | 券商 | 医院 | 工厂 | 门店 | 品牌 | 用户 | 商家 | 车企 | 厂商 | 园区 | 学校 | 高校 | 政府 | 单位 | 金融机构 | 企业用户 | 项目
  主机厂 | 集成商
`);

/**
 * Standards, certifications, grades and benchmarks cited as proof on their own: a buyer reads
 * "等保三级" or "TPC-C" as something a third party measured.
 */
export const STANDARDS_BARE = termList(`
  FedRAMP | HITRUST | TÜV | DNV | UL listed | CE-marked | CE mark | IATF 16949 | CMMI | Gartner | Forrester
  IDC | Magic Quadrant | Forrester Wave | TPC-C | TPC-H | TPC-DS | LDBC | world record | world records
  world-record | world-records | QphH | tpmC | control group | non-intervention group | controlled trial
  survey found | study found | research found | research showed | research shows | study showed | study shows
  independent study | commissioned study | 调研显示 | 调查显示 | 研究显示
  qualified by | accredited | audited by | approved by | validated by | certified by | independently audited
  等级保护 | 检测报告 | CNAS | CMA | 国际互认 | 获得互认 | 实现互认 | 国家级 | 入围 | 中标 | 世界纪录 | 世界记录 | 两地三中心 | 三地五中心 | 异地多活 | 国密 | 信创认证 | 可信云 | 信通院
`);

/** Review sites and analysts: third parties that rank vendors, never the vendor or its customer. */
const RANKERS = ['G2', 'Capterra', 'TrustRadius', 'GetApp', 'Gartner', 'Forrester', 'IDC'];
export const RANKING_THIRD_PARTIES: ReadonlySet<string> = new Set(RANKERS);
/** The review sites among them: they name the badges ("G2 Leader"). */
const REVIEW_SITES = RANKERS.slice(0, 4);

/**
 * A rank that a review site or analyst gave ("#1 rated payroll software on G2", "top-rated on
 * Capterra", "a G2 Leader"): third-party proof, and a superlative the rewrite keeps.
 */
export const THIRD_PARTY_RANK = compile(
  String.raw`(?:#1|No\.\s?1|number one|top)[-\s]rated\b[^.!?]{0,40}?\b(?:on|by|in)\s(?:${RANKERS.join('|')})\b|\b(?:rated|ranked)\s(?:#1|No\.\s?1|number one)\s(?:on|by|in)\s(?:${RANKERS.join('|')})\b|\b(?:${REVIEW_SITES.join('|')})\s(?:Leader|High Performer|Momentum Leader|Best Software|Top 50|Top 100)\b`,
  'i',
);

/** Standard names that count with a certifying word next to them ("SOC 2 certified", "HIPAA-compliant"). */
export const STANDARD_NAMES_EN = String.raw`(?:ISO\s?\d{4,5}|SOC\s?[12]|PCI[- ]DSS|HIPAA|GDPR|FDA|GMP|CSA STAR|Cyber Essentials|NIST\s?\d{3}|ONC|FAA\sPart\s\d{2,3}|FAA|AS\s?9100|IATF\s?16949|FedRAMP|HITRUST|NADCAP)`;

/** Words that turn a standard's name into a claim of meeting it. */
export const CERTIFYING_WORDS_EN = String.raw`(?:certified|certification|compliant|compliance|accredited|audited|attested|attestation|report|Type\s?(?:II|I|2|1)|validated|registered|cleared|approved)`;

/**
 * Suffixes of Chinese organisation names ("招商银行", "国家电网"). Industry words that also name
 * products (涂料, 建材, 食品) are left out, and so is 科技 (vendors use it): those names count only
 * in a customer list ("华彩涂料、青松建材等56家企业").
 */
export const ORG_SUFFIXES_ZH = termList(`
  银行 | 证券 | 保险 | 人寿 | 财险 | 基金 | 信托 | 期货 | 集团 | 电网 | 医院 | 大学 | 学院 | 股份 | 控股 | 药业 | 制药 | 地产 | 置业 | 烟草 | 邮政
  广电 | 农商行 | 城商行 | 移动 | 联通 | 电信 | 航空 | 石化 | 石油 | 污水处理厂 | 自来水厂 | 水厂 | 发电厂 | 热电厂 | 火电厂 | 水电厂 | 核电厂 | 污水厂 | 电厂 | 供电局 | 机场 | 船东
`);

/**
 * Words that make a would-be name generic ("各大银行", "城市商业银行", "新能源汽车"): a named customer
 * is a particular one.
 */
export const GENERIC_NAME_PARTS_ZH =
  /各|多|众|某|该|本|我|贵|其|这|那|大型|中小|头部|主要|知名|领先|国有|股份制|商业|城市|农村|地方|区域|全国|民营|公立|三甲|二甲|新能源|燃油|专业|智慧|国际|现代|手机|网上|网络|开放|直销|线上|线下|互联网|专科|基层|重点|医疗|社会|养老|健康|财产|人身|意外|社区|村镇|外资|合资|私人|投资|消费|零售|公募|私募|货币|指数|产业|政府|城投|综合|连锁|普通|一般|合作|乘用|商用|智能|电动|传统|国内|海外|全球|行业|领域|场景|业务|系统|平台|数据|金融|服务|用户|客户|企业|公司|运营|管理|核心|研发|创新|数字|技术|产品|应用|家|个|类|种|些|等|\d/;

/**
 * Enterprises every buyer knows, named in English copy: a name from this list is a named customer where the
 * copy tells of its use (the seller, integrations, pedigree and comparisons are left out: see
 * customer-names-en.ts). Companies that mostly sell software to businesses are left out on purpose (their
 * names in copy are more often integrations than customers), and so are media ("as seen in Bloomberg"),
 * social channels and names that are also common words ("Target", "Shell", "Grab").
 */
export const WELL_KNOWN_EN = termList(`
  Walmart | Costco | Kroger | Tesco | Carrefour | IKEA | Home Depot | Best Buy | Nike | Adidas | Zara | H&M
  Unilever | Nestlé | Nestle | Procter & Gamble | P&G | Coca-Cola | PepsiCo | Johnson & Johnson | Pfizer | Novartis | Roche
  Toyota | Volkswagen | BMW | Mercedes-Benz | Audi | Ford | General Motors | Honda | Nissan | Hyundai | Volvo | Tesla
  Boeing | Airbus | Siemens | Bosch | Philips | General Electric | Caterpillar | 3M | Honeywell | Schneider Electric | ABB
  BP | ExxonMobil | Chevron | TotalEnergies | Maersk | FedEx | UPS | DHL | DB Schenker
  JPMorgan | JPMorgan Chase | Goldman Sachs | Morgan Stanley | Citi | Citibank | Wells Fargo | Bank of America
  Capital One | HSBC | Barclays | Deutsche Bank | BBVA | Santander | BNP Paribas | UBS | Allianz | AXA | Visa | Mastercard
  American Express | PayPal | Netflix | Spotify | Uber | Lyft | Airbnb | Pinterest | eBay | Etsy | DoorDash | Instacart
  Expedia | Booking.com | Tripadvisor | Shopee | Rakuten | Samsung | Sony
  Delta Air Lines | United Airlines | American Airlines | Lufthansa | Emirates | Verizon | AT&T | T-Mobile | Vodafone
  Comcast | Disney | McDonald's | Starbucks | Marriott | Hilton
  NASA | Mayo Clinic | Kaiser Permanente | Cleveland Clinic | CVS Health | Walgreens | UnitedHealth | Deloitte | PwC | KPMG
  Accenture | McKinsey | Zalando | Ocado | Wayfair | Zillow | Peloton | Nordstrom | Sephora | L'Oréal | LVMH | Heineken
  AB InBev | Danone | Kraft Heinz | John Deere | Ericsson | Nokia | Telefónica | NTT | SoftBank | Alibaba | Tencent
  Baidu | JD.com | Xiaomi | Huawei | Lenovo | ByteDance | Meituan | Didi | Ant Group | ICBC | China Mobile | Haier | BYD
  NIO | Bilibili | iQIYI | Kuaishou | Gojek | Tokopedia | Flipkart | Swiggy | Zomato | Paytm | Infosys | Wipro
  Reliance | Tata | Mahindra | Nubank | Mercado Libre | Rappi
`);

/**
 * Chinese enterprises every buyer knows: a name from this list is a named customer wherever it
 * appears as one (the vendor exclusion still applies).
 */
export const WELL_KNOWN_ZH = termList(`
  阿里巴巴 | 腾讯 | 华为 | 百度 | 京东 | 美团 | 字节跳动 | 小米 | 拼多多 | 网易 | 滴滴 | 快手 | 携程 | 蚂蚁集团 | 招商银行
  工商银行 | 建设银行 | 农业银行 | 中国银行 | 交通银行 | 邮储银行 | 国家电网 | 南方电网 | 中国移动 | 中国电信 | 中国联通 | 中国石油
  中国石化 | 中石油 | 中石化 | 中海油 | 中国平安 | 平安银行 | 中国人寿 | 比亚迪 | 宁德时代 | 顺丰 | 海尔 | 美的 | 格力 | 联想 | 中兴
  吉利 | 长城汽车 | 蔚来 | 理想汽车 | 小鹏 | 上汽 | 一汽 | 东风汽车 | 中国银联 | 国航 | 南航 | 东航 | 中国中车 | 中粮 | 中信
  光大银行 | 民生银行 | 浦发银行 | 兴业银行 | 华夏银行 | 北京银行 | 上海银行 | 宁波银行 | 江苏银行 | 微众银行 | 网商银行 | 新浪
  搜狐 | 爱奇艺 | 哔哩哔哩 | 小红书 | 知乎 | 贝壳 | 唯品会 | 苏宁 | 海康威视 | 大疆 | 中芯国际 | 京东方 | 三一重工 | 徐工 | 茅台
  伊利 | 蒙牛 | 农夫山泉 | 瑞幸 | 喜茶 | 中国邮政 | 国家电投 | 中国建筑 | 中国铁建 | 中国中铁 | 12306 | 蚂蚁金服
  中通快递 | 中通科技 | 圆通速递 | 顺丰速运 | 新东方 | 好未来 | 海底捞 | 万科 | 碧桂园 | 中国商飞 | 国家能源集团 | 瓜子二手车
  中国人保 | 太平洋保险 | 国泰君安 | 中信证券 | 华泰证券
  工行 | 建行 | 农行 | 中行 | 交行 | 招行 | 中信银行 | 广发银行 | 中国太保 | 新华保险 | 泰康 | 众安保险 | 陆金所
  招商局 | 华润 | 中国宝武 | 宝钢 | 鞍钢 | 首钢 | 中国中化 | 国药集团 | 复星 | 海信 | 长虹 | 荣耀 | 安踏 | 李宁 | 波司登
  名创优品 | 元气森林 | 蜜雪冰城 | 奈雪 | 盒马 | 永辉 | 物美 | 大润发 | 红星美凯龙 | 长安汽车 | 广汽 | 北汽 | 奇瑞 | 红旗
  宇通 | 潍柴 | 中联重科 | 柳工 | 中国船舶 | 中航工业 | 中国航天 | 中国电科 | 海航 | 春秋航空 | 中远海运 | 京东物流
  菜鸟 | 德邦 | 韵达 | 申通 | 极兔 | 饿了么 | 高德 | 去哪儿 | 同程 | 科大讯飞 | 商汤 | 中国广电 | 中国铁塔 | 华能 | 大唐
  华电 | 三峡集团 | 中广核 | 中核集团 | 中国电建 | 中国能建 | 中国交建 | 中冶 | 保利 | 五粮液 | 青岛啤酒 | 光明乳业 | 飞鹤
  海天 | 双汇 | 温氏 | 牧原 | 新希望 | 协和医院 | 华西医院 | 瑞金医院
`);

/**
 * A Chinese anonymised customer: "某医疗器械公司", "华东某快消企业", "一家汽车内饰件厂". Not the seller
 * describing itself ("是一家…公司", "作为一家…企业") and not "某种", "某些".
 */
export const ANONYMISED_ZH =
  /(?<=^|[，。；！？\s])[\u4e00-\u9fa5]{0,8}?(?:三甲医院|城商行|农商行|股份行|券商|车企|药企|房企|险企|央企|国企)(?:应用|采用|部署|引入|上线|选用|携手)|(?:某(?![种些])|(?<![每任哪是])(?<!作为)(?<!成为)一家|一位)[\u4e00-\u9fa5A-Za-z]{0,10}?(?:公司|企业|集团|银行|城商行|农商行|股份行|医院|工厂|厂|平台|运营商|机构|单位|券商|车企|药企|房企|险企|厂商|制造商|经销商|服务商|客户|品牌|电商|零售商|超市|酒店|律所|事务所|研究院|央企|国企|省|市|连锁|门店|学校|高校|矿区|矿山|煤矿|电厂|钢厂|水厂|油田|码头)/;

/**
 * Chinese names of well-known business software a customer says it used ("用飞书搭建…", "采用钉钉…",
 * "海正动保借助飞书…"), read like a Latin product name. A list, not a pattern: a module's heading uses
 * ordinary nouns the same way ("客服中心：用知识库实现…").
 */
export const KNOWN_PRODUCTS_ZH = termList(`
  飞书 | 钉钉 | 企业微信 | 企微 | 简道云 | 明道云 | 搭贝 | 宜搭 | 轻流 | 伙伴云 | 用友 | 金蝶 | 畅捷通 | 纷享销客
  销售易 | 北森 | 泛微 | 致远 | 蓝凌 | 帆软 | 观远 | 神策 | 腾讯云 | 阿里云 | 华为云 | 火山引擎 | 百度智能云
`);
/**
 * Marks of a reported case (past tense, after adoption, research) as opposed to a promise. A result
 * next to one of these is evidence of what happened at a customer, not what the product might do.
 */
export const CASE_MARKERS_EN: readonly RegExp[] = [
  /\b(?:after|since)\s(?:migrating|moving|switching|deploying|implementing|adopting|rolling out|going live|launching|installing|introducing|replacing)\b/,
  /\b(?:has|have|had)\s(?:been\s)?(?:experienced|seen|cut|reduced|lowered|saved|achieved|improved|increased|absorbed|grown|doubled|halved|eliminated|avoided|shortened)\b/,
  /\b(?:reduced|lowered|saved|achieved|improved|increased|boosted|doubled|halved|tripled|grew|shrank|dropped|fell|resolved|absorbed|eliminated|avoided|recovered|shortened|slashed|went from|saw|were cut|was cut)\b/,
  /\b(?:the implementation of|rolled out|key findings|analysis of|study of|survey of|found that|years on|case study:|before [A-Z][\w-]*,)/,
];

/** The same marks in Chinese: after adoption or a run-in period, a report, a practice write-up. */
export const CASE_MARKERS_ZH: readonly RegExp[] = [
  /(?:上线|导入|引入|部署|使用|采用|迁移|切换|替换|运行|实施|改造|接入|应用|换库|上云)[^，。；！？,;]{0,14}?(?:后|之后|以来)/,
  /\d{1,3}\s?(?:天|周|个月|年)(?:后|以来|之后)|(?:实录|纪实|案例[:：]|上线案例|应用实践|落地实践|最佳实践|成功实现|实现了|帮助[^，。]{1,12}?(?:将|把))/,
  /原本|原来|此前/,
];
