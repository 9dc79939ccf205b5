import { describe, expect, it } from 'vitest';
import { findNamedCustomers, findProductName } from './customer-names.ts';

describe('findNamedCustomers', () => {
  it('reads the customer of a Chinese case title that names the product it used, Chinese or Latin', () => {
    expect(findNamedCustomers('公牛：用飞书搭建智能客服，年省人工成本 400 万+', 'zh')).toEqual(['公牛']);
    expect(findNamedCustomers('公牛：采用飞书多维表格搭建客服，年省人工 400 万', 'zh')).toEqual(['公牛']);
    // A user named after its label, not a segment after one.
    expect(findNamedCustomers('本文来自 Foo 用户—溢米教育投稿，分享其使用后的案例。', 'zh')).toEqual([
      '溢米教育',
    ]);
    expect(findNamedCustomers('面向用户：中小企业', 'zh')).toEqual([]);
    // A module's heading reads the same, but its "product" is a kind of tool, or its head a topic.
    expect(findNamedCustomers('智能排产：用算法实现排产效率提升 30%', 'zh')).toEqual([]);
    expect(findNamedCustomers('客服中心：用知识库实现首次解决率提升 20%', 'zh')).toEqual([]);
    expect(findNamedCustomers('会员增长：用企微搭建私域，复购率提升 25%', 'zh')).toEqual([]);
    expect(findNamedCustomers('库存盘点：用简道云搭建盘点应用，盘点效率提升 60%', 'zh')).toEqual([]);
    expect(findNamedCustomers('客服中心：用 Zendesk 实现首次解决率提升 20%', 'zh')).toEqual([]);
    // Nor does a year before a province's office make a result ("2023年省级专项资金").
    expect(findNamedCustomers('青松集团：2023年省级专项资金 500 万元到位', 'zh')).toEqual([]);
  });

  it('reads a firm named by its trade ("尚游网络"), not a generic trade ("城市网络")', () => {
    expect(findNamedCustomers('青禾网络基于 Foo 游戏云原生化实践', 'zh')).toEqual(['青禾网络']);
    expect(findNamedCustomers('城市网络基于 Foo 游戏云原生化实践', 'zh')).toEqual([]);
    expect(findNamedCustomers('智能数据基于 Foo 的实时数仓实践', 'zh')).toEqual([]);
    // A company's journey heads its title; an industry's or a seller's does not name one.
    expect(findNamedCustomers('青禾游戏云原生之路', 'zh')).toEqual(['青禾游戏']);
    expect(findNamedCustomers('金融行业的数字化转型之路', 'zh')).toEqual([]);
    expect(findNamedCustomers('我们的云原生实践', 'zh')).toEqual([]);
    // A blog title's opening words, and an industry with its trade, are not companies.
    expect(findNamedCustomers('浅谈云原生实践：Ledgerly 如何帮助分销商对账', 'zh')).toEqual([]);
    expect(findNamedCustomers('人工智能基于 Foo 的实践', 'zh')).toEqual([]);
  });

  it('reads a Chinese name without the connective before it, once', () => {
    expect(findNamedCustomers('因此工商银行采用了新的服务发现模型，数据传输量下降 90%。', 'zh')).toEqual([
      '工商银行',
    ]);
  });

  it('names the customers of a title-case story and of a bracket, not the vendor', () => {
    expect(findNamedCustomers('How Northwind Traders Drives 3x More Reorders with Ledgerly', 'en')).toEqual([
      'Northwind Traders',
    ]);
    expect(findNamedCustomers('Ledgerly 服务头部的零售企业（如鲜果铺、青松超市）。', 'zh')).toEqual([
      '鲜果铺',
      '青松超市',
    ]);
  });

  it("reads a story that opens on the customer's need and goes on to the product", () => {
    expect(
      findNamedCustomers(
        'Northwind Health needed audit-ready reporting. Its finance team moved to Ledgerly.',
        'en',
      ),
    ).toEqual(['Northwind Health']);
    expect(
      findNamedCustomers('Northwind Health needed a better way, so we built our own tool.', 'en'),
    ).toEqual(['Northwind Health']);
    // The vendor telling its own need is not a customer: no other product is named.
    expect(findNamedCustomers('Teams needed a way to scale, so we built Ledgerly.', 'en')).toEqual([]);
  });

  it('reads a Chinese customer that relies on a product or runs it in production, not a generic site', () => {
    expect(findNamedCustomers('青松物流凭借Ledgerly实现对账自动化。', 'zh')).toEqual(['青松物流']);
    expect(findNamedCustomers('Ledgerly 已在鲜果铺生产环境稳定运行半年。', 'zh')).toEqual(['鲜果铺']);
    expect(findNamedCustomers('已在金融行业生产环境中稳定运行。', 'zh')).toEqual([]);
    expect(findNamedCustomers('我们在自己的生产环境部署。', 'zh')).toEqual([]);
  });

  it("reads the organisation whose core system a product is, and the customer a write-up's project is of", () => {
    expect(findNamedCustomers('Ledgerly 作为鲜果铺之家的核心对账引擎，服务于多个业务线。', 'zh')).toEqual([
      '鲜果铺之家',
    ]);
    expect(findNamedCustomers('Ledgerly 作为我们的核心对账引擎。', 'zh')).toEqual([]);
    expect(findNamedCustomers('Ledgerly 作为企业的核心对账平台。', 'zh')).toEqual([]);
    expect(findNamedCustomers('本文以青松保险核心系统升级项目为实践样本，梳理迁移过程。', 'zh')).toEqual([
      '青松保险',
    ]);
    expect(findNamedCustomers('以某银行核心系统项目为例。', 'zh')).toEqual([]);
  });

  it('reads the head of a case title that took up a named product, not a module heading', () => {
    expect(findNamedCustomers('韩国青松 NAVI：为 AI 平台引入存储方案 Ledgerly', 'zh')).toEqual([
      '韩国青松 NAVI',
    ]);
    expect(findNamedCustomers('客服中心：引入 Zendesk', 'zh')).toEqual([]);
    expect(findNamedCustomers('智能排产：引入 APS 系统', 'zh')).toEqual([]);
  });

  it('reads a list of Latin names ending in a sized kind of customer, not a list of products', () => {
    expect(
      findNamedCustomers('已成为Northwind、Contoso Systems等世界主流汽车主机厂的供应商。', 'zh'),
    ).toEqual(['Northwind', 'Contoso Systems']);
    expect(findNamedCustomers('支持MySQL、Oracle、PostgreSQL等主流数据库。', 'zh')).toEqual([]);
  });

  it('reads the one who awarded a contract the seller won', () => {
    expect(
      findNamedCustomers(
        'Interserve has won a £13m five-year facilities contract with Poole Hospital.',
        'en',
      ),
    ).toEqual(['Poole Hospital']);
    expect(
      findNamedCustomers('G4S has secured a five-year contract from the Ministry of Defence.', 'en'),
    ).toEqual(['Ministry of Defence']);
    expect(findNamedCustomers('We signed a contract with January clients.', 'en')).toEqual([]);
  });

  it('does not count a place or the company a business belongs to as its customer', () => {
    expect(
      findNamedCustomers(
        'Manufacturers Chemicals, a segment of Synalloy Chemicals located in Cleveland, Tennessee, has achieved this milestone.',
        'en',
      ),
    ).toEqual([]);
    expect(
      findNamedCustomers(
        'Northwind Logistics, a subsidiary of Contoso Holdings, cut costs by 20% with Foo.',
        'en',
      ),
    ).toEqual(['Northwind Logistics']);
  });

  it('does not count the company that built the product as its customer', () => {
    expect(findNamedCustomers('Ledgerly 是腾讯在2013年开始研发的对账系统。', 'zh')).toEqual([]);
    expect(findNamedCustomers('招商银行采用了我们开发的系统，审批时间缩短一半。', 'zh')).toEqual([
      '招商银行',
    ]);
  });

  it('reads a registered company name and a team of a named company, not the seller or a generic one', () => {
    expect(findNamedCustomers('Ledgerly 助力广州青松物流有限公司完成对账。', 'zh')).toEqual([
      '广州青松物流有限公司',
    ]);
    expect(findNamedCustomers('北京青松科技有限公司成立于2015年，专注对账软件。', 'zh')).toEqual([]);
    expect(findNamedCustomers('本产品由北京青松科技有限公司开发。', 'zh')).toEqual([]);
    // The page's owner signing its title last.
    expect(findNamedCustomers('对账软件 - 免费试用 - 北京青松科技有限公司', 'zh')).toEqual([]);
    expect(findNamedCustomers('对账软件 - 北京青松科技有限公司。', 'zh')).toEqual([]);
    expect(findNamedCustomers('对账软件 北京青松科技有限公司 版权所有', 'zh')).toEqual([]);
    expect(findNamedCustomers('开立医疗的HR通过新系统发起审批。', 'zh')).toEqual(['开立医疗']);
    expect(findNamedCustomers('传统企业的IT部门往往很忙。', 'zh')).toEqual([]);
    // A customer's officer quoted on working with the seller; the one a seller supplies or provides for.
    expect(
      findNamedCustomers(
        'Jane Roe, SVP Purchasing for Safran Aircraft Engines, said: "We are satisfied with our partnership with GKN."',
        'en',
      ),
    ).toEqual(['Safran Aircraft Engines']);
    expect(
      findNamedCustomers(
        "Komatsu has become the preferred supplier of haul trucks for all of Rio Tinto's mines.",
        'en',
      ),
    ).toEqual(['Rio Tinto']);
    expect(
      findNamedCustomers(
        'As one of Esri’s most trusted language service providers, Acolad translates.',
        'en',
      ),
    ).toEqual(['Esri']);
    expect(findNamedCustomers("One of Acme's key features is speed.", 'en')).toEqual([]);
    expect(findNamedCustomers("As one of Europe's leading logistics providers, we deliver.", 'en')).toEqual(
      [],
    );
    expect(findNamedCustomers('We provide connectors for Salesforce in order to sync leads.', 'en')).toEqual(
      [],
    );
    expect(
      findNamedCustomers('We provide support for Windows and Linux under a single contract.', 'en'),
    ).toEqual([]);
    expect(findNamedCustomers('Our ideal customer is B2B SaaS with 50 staff.', 'en')).toEqual([]);
    expect(findNamedCustomers('Our promise to every client is Quality.', 'en')).toEqual([]);
    expect(
      findNamedCustomers(
        'Air Liquide signs a long-term agreement with Steel Dynamics to supply oxygen.',
        'en',
      ),
    ).toContain('Steel Dynamics');
    expect(
      findNamedCustomers(
        'Under the agreement, Future Aerospace is to provide engine parts for Safran.',
        'en',
      ),
    ).toEqual(['Safran']);
    expect(findNamedCustomers('Place an order and we deliver to Europe in 3 days.', 'en')).toEqual([]);
    // A well-known maker followed by a model number names the equipment, not a customer.
    expect(
      findNamedCustomers('Dump bodies for Caterpillar 777-05 mining trucks were shipped to the mine.', 'en'),
    ).toEqual([]);
    // "Our … client is <Name>": one of the seller's customers; an idiom names no one.
    expect(
      findNamedCustomers('Our longest-running retail client is Bi-Mart, where we manage carriers.', 'en'),
    ).toEqual(['Bi-Mart']);
    expect(findNamedCustomers('The customer is King, and our client is a regional bank.', 'en')).toEqual([]);
    // A list after the seller and "与": the seller and the connective are not part of it.
    expect(findNamedCustomers('公司与奥克斯、哇哈哈、太平鸟等企业建立了战略关系。', 'zh')).toEqual([
      '奥克斯',
      '哇哈哈',
      '太平鸟',
    ]);
    expect(findNamedCustomers('其与Burberry、Calvin Klein、Gucci等国际知名品牌商建立了合作。', 'zh')).toEqual(
      ['Burberry', 'Calvin Klein', 'Gucci'],
    );
    expect(findNamedCustomers('服务了奥克斯、哇哈哈等56家企业。', 'zh')).toEqual(['奥克斯', '哇哈哈']);
    // 同 and 跟 start names too.
    expect(findNamedCustomers('服务了同仁堂、同花顺等企业。', 'zh')).toEqual(['同仁堂', '同花顺']);
    // The counterpart of a signed order, contract or agreement; not a generic one.
    expect(findNamedCustomers('青松造船与船东Chellship签订两艘散货船订单。', 'zh')).toEqual([
      '船东Chellship',
    ]);
    expect(findNamedCustomers('公司与客户签订了合同，与多家企业达成合作协议。', 'zh')).toEqual([]);
    expect(findNamedCustomers('我们与员工签订劳动合同。', 'zh')).toEqual([]);
    // A registered name opening the copy is the seller's, however long; one that adopts a product is not.
    expect(findNamedCustomers('苏州惠诚酒店用品汇总有限公司专业生产牙刷、牙膏和拖鞋。', 'zh')).toEqual([]);
    expect(findNamedCustomers('广州青松物流有限公司采用了 Foo 对账系统。', 'zh')).toEqual([
      '广州青松物流有限公司',
    ]);
    // The seller described and then named, relying on its own strength; a customer relying on a product.
    expect(
      findNamedCustomers('作为国内最大的润滑油产销集团，长城润滑油凭借雄厚的实力取得了先机。', 'zh'),
    ).toEqual([]);
    expect(findNamedCustomers('招商银行凭借TiDB实现了核心系统升级。', 'zh')).toEqual(['招商银行']);
    // The company that won a tender is the seller, not a customer.
    expect(
      findNamedCustomers('北京青松家具股份有限公司以4269.98万元成为该项目中标最大的家具供应商。', 'zh'),
    ).toEqual([]);
    // A named plant is a customer; the kind of plant alone is not.
    expect(
      findNamedCustomers('中工环境将对雄县污水处理厂的设施进行运营管理，惠及超过10万居民。', 'zh'),
    ).toEqual(['雄县污水处理厂']);
    expect(findNamedCustomers('我们为污水处理厂和机场提供运维服务。', 'zh')).toEqual([]);
    expect(findNamedCustomers('我们为热电厂和水厂提供运维服务。', 'zh')).toEqual([]);
    // A case card labelled with its customer; a kind of case names no one.
    expect(findNamedCustomers('Terasek Supply 案例研究： 收款时间从 2 个月缩短到 1 个月', 'zh')).toEqual([
      'Terasek Supply',
    ]);
    expect(findNamedCustomers('青松物流客户案例｜库存周转提升 30%', 'zh')).toEqual(['青松物流']);
    expect(findNamedCustomers('成功案例：库存周转提升 30%', 'zh')).toEqual([]);
    for (const label of ['最新案例：', '往期案例｜', 'AI 案例分享：', 'ERP客户案例：', 'SaaS 成功案例：'])
      expect(findNamedCustomers(`${label}库存周转提升 30%`, 'zh')).toEqual([]);
    // Praise before "的技术" is no company with a technical team.
    expect(findNamedCustomers('我们以卓越的技术和领先的技术服务客户。', 'zh')).toEqual([]);
    // The seller introducing itself after a descriptive clause.
    expect(findNamedCustomers('作为中国知名体育建筑品牌,中国铁建以其雄厚的实力赢得了市场。', 'zh')).toEqual(
      [],
    );
  });

  it('reads a company running a named product, not a vendor shipping its own feature', () => {
    expect(findNamedCustomers('Acme Foods is running Ledgerly in 20 plants.', 'en')).toEqual(['Acme Foods']);
    expect(findNamedCustomers('Acme Foods successfully moved to Ledgerly last year.', 'en')).toEqual([
      'Acme Foods',
    ]);
    expect(findNamedCustomers('Ledgerly is shipping Faster Sync today.', 'en')).toEqual([]);
    // Shipping or operating a product inside its production is running it; shipping it somewhere is selling it.
    expect(
      findNamedCustomers('Today, Acme is shipping Ledgerly in more than 20 production clusters.', 'en'),
    ).toEqual(['Acme']);
    expect(findNamedCustomers('Ledgerly is shipping Faster Sync in March.', 'en')).toEqual([]);
    expect(findNamedCustomers('Ledgerly is shipping Faster Sync to 40 countries.', 'en')).toEqual([]);
    expect(findNamedCustomers('Ledgerly is shipping Autopilot in 2 weeks.', 'en')).toEqual([]);
    expect(findNamedCustomers('Acme Software is shipping Ledgerly in over 30 countries.', 'en')).toEqual([]);
  });

  it('reads a company introduced by a need it had, not a seller introduced by what it does or its founding', () => {
    expect(
      findNamedCustomers(
        'Northwind is a Swiss logistics company that was looking to upgrade its IT. In seven months, Northwind moved 200 servers to Ledgerly.',
        'en',
      ),
    ).toEqual(['Northwind']);
    expect(
      findNamedCustomers('Ledgerly is a fintech company that helps finance teams close faster.', 'en'),
    ).toEqual([]);
    expect(findNamedCustomers('Ledgerly is a fintech company that was founded in 2019.', 'en')).toEqual([]);
    expect(
      findNamedCustomers('Ledgerly is a fintech company that was recognized by Gartner in 2023.', 'en'),
    ).toEqual([]);
    expect(findNamedCustomers('Ledgerly is a fintech company that had 200 customers.', 'en')).toEqual([]);
  });

  it('reads a story name with "and" or "&" inside it, up to its verb', () => {
    expect(
      findNamedCustomers(
        'A guest post on how Sky Betting and Gaming successfully migrated to Ledgerly.',
        'en',
      ),
    ).toEqual(['Sky Betting and Gaming']);
    expect(findNamedCustomers('How Procter & Gamble reduced returns by 20% with Ledgerly', 'en')).toEqual([
      'Procter & Gamble',
    ]);
    // The seller with a partner still reads as no customer.
    expect(findNamedCustomers('How Ledgerly and Kafka Work Together', 'en')).toEqual([]);
    // Nor is the seller read into its customer's name.
    expect(
      findNamedCustomers(
        'Ledgerly helps finance teams. How Acme and Ledgerly cut month-end close by 40%.',
        'en',
      ),
    ).not.toContain('Acme and Ledgerly');
  });

  it("reads the customer of a case study's title or opening clause, not the reader or the vendor", () => {
    expect(findNamedCustomers('了解青松物流如何借助 Ledgerly 实现对账效率提升 20%。', 'zh')).toEqual([
      '青松物流',
    ]);
    expect(findNamedCustomers('看看我们如何借助 Ledgerly 提升效率。', 'zh')).toEqual([]);
    expect(
      findNamedCustomers(
        'By implementing Ledgerly Cloud, Northwind Health simplified month-end close.',
        'en',
      ),
    ).toEqual(['Northwind Health']);
    expect(findNamedCustomers('Through the adoption of Ledgerly, Acme Foods reduced costs.', 'en')).toEqual([
      'Acme Foods',
    ]);
    // A present-tense result in numbers after the clause: the adopter, not a seller that "reduces".
    expect(
      findNamedCustomers(
        'By implementing Smart-size Packaging, Northwind Foods also reduces its carbon footprint by 25,000 tons.',
        'en',
      ),
    ).toEqual(['Northwind Foods']);
    // Not a past-tense result: the clause names nobody's case.
    expect(findNamedCustomers('By using Ledgerly, Finance Teams close faster.', 'en')).toEqual([]);
  });

  it("reads a customer's journey or story with a product", () => {
    expect(
      findNamedCustomers("Saving 40% on Networking Costs: Northwind Health's Journey with Ledgerly", 'en'),
    ).toEqual(['Northwind Health']);
  });

  it('reads the customer of a title-case story whose verb is capitalised too', () => {
    expect(findNamedCustomers('How Northwind Health Secures 22,000 Pods with Ledgerly', 'en')).toEqual([
      'Northwind Health',
    ]);
    // No product named after it: the title may be the vendor's own.
    expect(findNamedCustomers('How Ledgerly Secures Your Pods', 'en')).toEqual([]);
  });

  it('reads the name heading a case card whose next line reports a result', () => {
    expect(findNamedCustomers('青松物流\n核心系统迁移上线，性能整体提升50%', 'zh')).toEqual(['青松物流']);
    // A heading that is a category, or a card with no result, names nobody.
    expect(findNamedCustomers('制造业\n核心系统迁移上线，性能整体提升50%', 'zh')).toEqual([]);
    expect(findNamedCustomers('青松物流\n核心系统迁移上线', 'zh')).toEqual([]);
    expect(findNamedCustomers('青松数据库\n查询性能提升50%', 'zh')).toEqual([]);
  });

  it('reads English case stories told in more ways: a verb with a product, a clause, a team at a company', () => {
    const en = (t: string) => findNamedCustomers(t, 'en');
    expect(en('Northwind augments ERP systems with Ledgerly to simplify planning.')).toEqual(['Northwind']);
    expect(en("With Ledgerly's matching engine, Northwind is getting closes in 2 days.")).toEqual([
      'Northwind',
    ]);
    expect(en('When Northwind decided to replace its ledger, they chose Ledgerly.')).toEqual(['Northwind']);
    expect(en('How Contoso tests product changes for over 25M users')).toEqual(['Contoso']);
    expect(en('How Ledgerly Helped Northwind Traders / Achieve 10x Fewer Errors')).toEqual([
      'Northwind Traders',
    ]);
    expect(en('eNorth Realty empowered 2,000+ employees to build apps with Ledgerly.')).toEqual([
      'eNorth Realty',
    ]);
    expect(en('We are slowly updating apps at Northwind to use Ledgerly.')).toEqual(['Northwind']);
    expect(
      en(
        'Northwind is a regional bank. As they grew, they encountered slow closes. With Ledgerly, they reduced it by 58%.',
      ),
    ).toEqual(['Northwind']);
    expect(en('Northwind cuts analytics costs by 65% while gaining SQL reports')).toEqual(['Northwind']);
  });

  it('reads a result told for the one named and the site a product is installed at', () => {
    expect(findNamedCustomers('For Northwind, this translates to 15% less packaging used.', 'en')).toEqual([
      'Northwind',
    ]);
    expect(findNamedCustomers('For Teams, the price is $5 a month.', 'en')).toEqual([]);
    expect(
      findNamedCustomers('Three more machines went in at the Contoso Manufacturing facility in Ohio.', 'en'),
    ).toEqual(['Contoso Manufacturing']);
    expect(findNamedCustomers('Visit us at the Ledgerly booth.', 'en')).toEqual([]);
  });

  it('reads a customer partnering with a vendor to use its product, without the place it is based in', () => {
    expect(
      findNamedCustomers(
        'York, Pa.-based Northwind Health is partnering with Ledgerly to use its claims platform.',
        'en',
      ),
    ).toEqual(['Northwind Health']);
    expect(findNamedCustomers('Ledgerly is partnering with Contoso to resell its platform.', 'en')).toEqual(
      [],
    );
    expect(findNamedCustomers('Ledgerly is partnering with Contoso on a joint webinar.', 'en')).toEqual([]);
  });

  it('does not read a seller, a metric or a plural noun as an English customer', () => {
    const en = (t: string) => findNamedCustomers(t, 'en');
    expect(en('Our team at Ledgerly loves finance.')).toEqual([]);
    expect(en('Storage costs on Ledgerly Cloud fell 40%.')).toEqual([]);
    expect(en('Deployment Time Cut from 2 Hours to 5 Minutes')).toEqual([]);
    expect(en("We've reduced our average time to hire by 30%.")).toEqual([]);
    expect(en('Ledgerly syncs with QuickBooks every night.')).toEqual([]);
  });

  it('reads Chinese case titles: 助力, 给…带来, a co-branded title, a practice write-up', () => {
    const zh = (t: string) => findNamedCustomers(t, 'zh');
    expect(zh('Ledgerly 助力青松物流实时平台建设｜效率数倍提升')).toEqual(['青松物流']);
    expect(zh('Ledgerly 给青松科技带来的最大收益是降低了使用门槛。')).toEqual(['青松科技']);
    expect(zh('青松云 x Ledgerly：模型训练速度提升 300%')).toEqual(['青松云']);
    expect(zh('Teable 通过 Ledgerly 降低了 80% 的基础设施成本')).toEqual(['Teable']);
    expect(zh('复杂查询响应速度提升10+倍，青松软件基于 Ledgerly 实时数仓建设实践')).toEqual(['青松软件']);
    expect(zh('Ledgerly 在青松物业的数据仓库应用实践')).toEqual(['青松物业']);
    expect(zh('鲜果铺、青松超市等都已经全面升级 Ledgerly3。')).toEqual(['鲜果铺', '青松超市']);
  });

  it('does not read a pronoun, a span of time, a feature or a role as a Chinese customer', () => {
    const zh = (t: string) => findNamedCustomers(t, 'zh');
    expect(zh('团队中没有专业的运维，开发还要做运维的活。')).toEqual([]);
    expect(zh('花几分钟时间部署 Ledgerly，马上拥有一个平台。')).toEqual([]);
    // 数 only as a count: "数科" in a company's name is still a name.
    expect(zh('青松数科借助 Ledgerly 实现对账自动化，效率提升 3 倍。')).toEqual(['青松数科']);
    expect(zh('MaxKB 是一款知识库问答系统。')).toEqual([]);
    expect(zh('通过移动端一键推荐，可将流失率降低35%。')).toEqual([]);
    expect(zh('Ledgerly 有效助力开发和测试团队在线协作。')).toEqual([]);
    expect(zh('他们的技术实力摆在那儿。')).toEqual([]);
    expect(zh('我们为客户提供优质服务，合作共赢，赋能千行百业。')).toEqual([]);
    expect(zh('Ledgerly 赋能青松物流，让对账更简单。')).toEqual([]);
    expect(zh('Ledgerly 产品价值\n减少故障发现时间\n辅助应用程序优化')).toEqual([]);
    expect(zh('让数据库管理员、运维、开发等用户可以轻松完成数据库管理工作。')).toEqual([]);
    // Verbs, tasks and a bare kind of organisation read leftwards from a verb are no names.
    expect(zh('在此次演讲中，我们将深度探讨如何借助 Ledgerly 管理上百个作业。')).toEqual([]);
    expect(zh('在解决痛点的过程中，决定采用 Ledgerly 进行尝试。')).toEqual([]);
    expect(zh('目前的成效包括：\n- 实时作业上线和测试部署流程简化了 70% 。')).toEqual([]);
    expect(zh('原先的 Launcher 中需要使用 vscode 等多个工具。')).toEqual([]);
    expect(zh('复工后将会给地区疫情防控工作带来不小压力。')).toEqual([]);
    expect(zh('青松物流、华彩涂料等企业已全面上线。')).toEqual(['青松物流', '华彩涂料']);
    // A customer that finally chose a product, and a company opening a story that goes on to adopt one.
    expect(zh('经过评估，广医三院最终选择了 Ledgerly 作为新架构，加速医院 IT 转型。')).toEqual(['广医三院']);
    expect(
      zh('南京青松汽车科技有限公司遇到了资源成本过高的问题。后来决定采用 Ledgerly，成本大幅降低。'),
    ).toEqual(['南京青松汽车科技有限公司']);
    expect(zh('南京青松汽车科技有限公司是一家专注物流软件的企业，基于 AI 提供服务。')).toEqual([]);
  });

  it("reads 'powered by' lines: At X, X's people or units using a product, an appositive, a heading", () => {
    const en = (t: string) => findNamedCustomers(t, 'en');
    expect(en('At Northwind, Ledgerly is used for invoice matching and audit trails.')).toEqual([
      'Northwind',
    ]);
    expect(en('At Contoso we have deployed Ledgerly across our finance stack.')).toEqual(['Contoso']);
    expect(en('Northwind engineers use Ledgerly to reconcile 2 TB of records.')).toEqual(['Northwind']);
    expect(en('Contoso SCRM product use Ledgerly for customer analysis.')).toEqual(['Contoso SCRM']);
    expect(en('Northwind takes advantage of Ledgerly at the heart of its business.')).toEqual(['Northwind']);
    expect(en('Contoso utilizes Ledgerly for streaming and analytics.')).toEqual(['Contoso']);
    expect(en('Northwind, as a global payments provider, uses Ledgerly as its ledger.')).toEqual([
      'Northwind',
    ]);
    expect(en('Northwind – Freight experts in Ohio / We are using Ledgerly as our ledger.')).toEqual([
      'Northwind',
    ]);
    // A seller about its own work, or a product using a technology, names no customer.
    expect(en("At Ledgerly, we've helped 150+ clients close faster.")).toEqual([]);
    expect(en('Ledgerly product uses AI to match invoices.')).toEqual([]);
  });

  it('reads Chinese co-branded titles either way round and a private cloud, not a product name with X', () => {
    const zh = (t: string) => findNamedCustomers(t, 'zh');
    expect(zh('Ledgerly x 青松科技 | 提效 300%')).toEqual(['青松科技']);
    expect(zh('360 x Ledgerly｜性能提升 10 倍')).toEqual(['360']);
    expect(zh('目前在青松的私有云上已经运行着数百个应用。')).toEqual(['青松']);
    expect(zh('EMQ X 是一款完全开源的消息服务器。')).toEqual([]);
  });
  it('reads English customers in more case forms: a choice for, chose a product, users include such companies as, a possessive title, a past-tense title', () => {
    const en = (t: string) => findNamedCustomers(t, 'en');
    expect(en('Ledgerly’s extensibility and scalability make it a great choice for Acme.')).toEqual(['Acme']);
    expect(
      en(
        'Globex, a global leader in CRM solutions, ships AI features. To speed them up, Globex chose Ledgerly as its database.',
      ),
    ).toEqual(['Globex']);
    expect(en("This means Ledgerly's users include such companies as Acme, Globex and Initech.")).toEqual([
      'Acme',
      'Globex',
      'Initech',
    ]);
    expect(en("Acme's Exploration and Practice with Apache Ledgerly in Realtime OLAP")).toEqual(['Acme']);
    expect(en('How Deutsche Acme Built a Scalable Platform Leveraging Ledgerly')).toEqual(['Deutsche Acme']);
    expect(en('Acme: Acme adopts Ledgerly to manage images for more than 200 nodes.')).toEqual(['Acme']);
    expect(en('Globex migrates to Ledgerly for billing.')).toEqual(['Globex']);
    expect(en('Ledgerly adopts a zero-trust model and deploys in minutes.')).toEqual([]);
    // Not the seller's own feature, nor a title about the seller.
    expect(en("Ledgerly's matching engine works with Salesforce.")).toEqual([]);
    expect(en('How Ledgerly Works With Salesforce')).toEqual([]);
    expect(en('Ledgerly, the spend platform, chose speed over features.')).toEqual([]);
  });

  it('reads case titles found on new case pages: a name with "of", "How X Reduced", a name and a colon, a business that grew', () => {
    const en = (t: string) => findNamedCustomers(t, 'en');
    const zh = (t: string) => findNamedCustomers(t, 'zh');
    expect(
      en('To monitor its infrastructure, Bank of Northwind chose Ledgerly to replace its old backend.'),
    ).toEqual(['Bank of Northwind']);
    expect(en('Royal Bank of Northwind cut review time by 40% with Ledgerly.')).toEqual([
      'Royal Bank of Northwind',
    ]);
    expect(en('How Northwind Reduced Costs and Improved Data Consistency with a Modern Database')).toEqual([
      'Northwind',
    ]);
    expect(en('Northwind.com: More Uptime, 30% Less Operational Cost with Ledgerly')).toEqual([
      'Northwind.com',
    ]);
    expect(en("As Northwind.com's business grew, they faced database limits.")).toEqual(['Northwind.com']);
    expect(zh('青松律所：用 Ledgerly 实现组织数字升级，案件处理效率提升 50% 以上')).toEqual(['青松律所']);
    expect(zh('青松银行：审批效率提升 40%')).toEqual(['青松银行']);
    // Not a customer: the seller's own story, a module's heading, a list's heading, a slogan after a name.
    expect(en('How Ledgerly Drives Faster Closes')).toEqual([]);
    expect(en('How we reduced costs by 30%')).toEqual([]);
    expect(en('Bank of')).toEqual([]);
    expect(zh('智能排产：效率提升 30%')).toEqual([]);
    expect(zh('智能客服：用AI实现响应效率提升50%')).toEqual([]);
    expect(zh('目前的成效包括：\n- 部署流程简化了 70% 。')).toEqual([]);
    expect(zh('青松证券：数字化是服务型企业的水和空气')).toEqual([]);
  });

  it('does not read a gerund, the seller certified, an industry or words run on from a quote as a customer', () => {
    const en = (t: string) => findNamedCustomers(t, 'en');
    const zh = (t: string) => findNamedCustomers(t, 'zh');
    expect(en('Processing claims 10x faster with AI-powered review')).toEqual([]);
    expect(en('Ledgerly.com, LLC has achieved SOC 2 Type II compliance.')).toEqual([]);
    expect(zh('我们深刻洞察到中国地产行业正上演着变化。')).toEqual([]);
    expect(zh('青松超市：3600 家门店智慧升级，点亮“万家灯火”社区生态')).not.toContain('社区生态');
    // A signature after a dash still names the customer.
    expect(zh('“上线后对账效率提升一倍。”——青松物流')).toEqual(['青松物流']);
  });

  it('reads a present-tense result with a number in words, and a customer after "Using the <product>,"', () => {
    const en = (t: string) => findNamedCustomers(t, 'en');
    expect(
      en('Northwind Health System decreases physician time in the EHR by more than four minutes per patient'),
    ).toEqual(['Northwind Health System']);
    expect(
      en(
        'Using the Ledgerly Data Warehouse, Northwind now completes multi-year campaign reports in minutes.',
      ),
    ).toEqual(['Northwind']);
  });

  it('does not read an adjective before 的技术手段 as a company with a tech team', () => {
    const zh = (t: string) => findNamedCustomers(t, 'zh');
    expect(zh('通过创新的技术手段和人性化的管理理念，成功破解了招聘难题。')).toEqual([]);
    expect(zh('开立医疗的技术团队把部署时间缩短了一半。')).toEqual(['开立医疗']);
  });

  it('reads a Chinese company that has used a product since a given year, not "we"', () => {
    const zh = (t: string) => findNamedCustomers(t, 'zh');
    expect(zh('青松银行从2017年起就使用了 Ledgerly 的报表工具。')).toEqual(['青松银行']);
    expect(zh('我们从2017年起就使用了这套报表工具。')).toEqual([]);
  });
});

describe('the one a product is provided to', () => {
  it('names the customer given something, not a segment or an integration', () => {
    expect(
      findNamedCustomers(
        'Orderbird: How Datadog’s unified platform provides Orderbird with complete observability',
        'en',
      ),
    ).toEqual(['Orderbird']);
    expect(findNamedCustomers('Ledgerly provides Finance Teams with real-time visibility.', 'en')).toEqual(
      [],
    );
    expect(findNamedCustomers('Ledgerly offers Salesforce with native sync.', 'en')).toEqual([]);
  });
});

describe('well-known companies in Chinese copy, and a list read as one name', () => {
  it('reads more enterprises every buyer knows, each item of a list on its own', () => {
    expect(findNamedCustomers('去年，宇通的财务团队上线了 Ledgerly，月结从 9 天缩短到 4 天。', 'zh')).toEqual(
      ['宇通'],
    );
    const listed = findNamedCustomers('我们为招行、华润提供对账服务。', 'zh');
    expect(listed).toContain('招行');
    expect(listed).not.toContain('招行、华润');
  });
});

describe('well-known companies in English copy', () => {
  it('reads one the copy tells of using the product, not an integration, a pedigree, a comparison or a partner', () => {
    expect(findNamedCustomers('Trusted by teams at Netflix, Walmart and Toyota.', 'en')).toEqual([
      'Netflix',
      'Walmart',
      'Toyota',
    ]);
    expect(findNamedCustomers('Ledgerly is used by BMW to close the books.', 'en')).toEqual(['BMW']);
    expect(findNamedCustomers('JD.com runs Ledgerly across 3,000 businesses.', 'en')).toEqual(['JD.com']);
    for (const text of [
      'Ledgerly integrates with PayPal and Stripe.',
      'Founded by ex-Google and former Uber engineers.',
      'The Uber for freight.',
      'Sign in with LinkedIn.',
      'Faster than Walmart at scale.',
      'Backed by Goldman Sachs.',
      'Acme was selected alongside PwC as the delivery partner.',
    ])
      expect(findNamedCustomers(text, 'en'), text).toEqual([]);
  });
});

describe('findProductName', () => {
  it('does not take a standard for the product, but keeps a product whose name starts like one', () => {
    expect(
      findProductName('Trusted by 300+ plants, with ISO 27001 certified data handling.', 'en'),
    ).toBeNull();
    expect(findProductName('SOC Prime helps 500 security teams hunt threats faster.', 'en')).toBe(
      'SOC Prime',
    );
  });

  it('does not take the state after a city for the product', () => {
    expect(
      findProductName(
        'Founded in 2007, Northwind, based in San Mateo, CA, is a cloud storage company with customers in 175 countries.',
        'en',
      ),
    ).not.toBe('CA');
    expect(
      findProductName('Northwind, headquartered in Austin, TX, is the freight platform.', 'en'),
    ).not.toBe('TX');
  });

  it('does not take what Chinese copy follows or is built with for the product', () => {
    expect(findProductName('基于 FastAPI 框架的中后台解决方案，开箱即用。', 'zh')).toBeNull();
    expect(findProductName('遵循MIT开源协议发布，可商用。', 'zh')).toBeNull();
    // After 基于 the name is often the product itself, and 标准版 is one of its editions.
    expect(findProductName('青禾网络基于OpenKruiseGame游戏云原生化实践', 'zh')).toBe('OpenKruiseGame');
    expect(findProductName('基于 Ledgerly 平台，企业可以一键对账。', 'zh')).toBe('Ledgerly');
    expect(findProductName('Ledgerly 标准版现已上线，每月 99 元。', 'zh')).toBe('Ledgerly');
  });
});

describe('more ways a case names its customer', () => {
  it.each([
    ['At Brightwave, the data team cut query times by 60% after moving to Foo.', 'Brightwave'],
    ['Customer story: Brightwave', 'Brightwave'],
    ['Case study | Brightwave reduces churn by 20%', 'Brightwave'],
    ['The team at Brightwave deployed Foo in six weeks.', 'Brightwave'],
  ])('English: %s', (text, name) => {
    expect(findNamedCustomers(text, 'en')).toContain(name);
  });

  it.each([
    ['At Foo, the product team ships every week.', 'en'],
    ['At Foo, we believe in fast releases.', 'en'],
    ['The team at Foo is passionate about speed.', 'en'],
    ['Case study: How we cut churn by 20%', 'en'],
    ['Case study: Implementing an onboarding programme to halve ramp time', 'en'],
    ['Customer story: Our approach to onboarding', 'en'],
    ['Foo powers search for teams of every size.', 'en'],
    // What a reviewer read as customers: places, topics, titles, the seller's own team and work.
    ['Foo powers payroll for Europe and North America.', 'en'],
    ['Success story: Zero downtime in 12 months.', 'en'],
    ['Case study | Healthcare: 40% faster claims.', 'en'],
    ['Customer spotlight: Dr. Lena Park, CMO.', 'en'],
    ['At Ledgerly, the finance team cut close time by 40% using our own product.', 'en'],
    // A trade show or a conference is where a team did something, not a customer.
    ['At Dreamforce, the team deployed Foo in a day.', 'en'],
    ['At SaaStr Annual 2024, the team deployed Foo on stage.', 'en'],
    ['At the Hannover Messe, the team deployed Foo for 40 visitors.', 'en'],
    ['The team at Ledgerly deployed a new pricing page and sign-ups rose 20%.', 'en'],
    ['Ledgerly gave Sales teams a forecast they trust.', 'en'],
    ['Our customers recovered over $3M in 2023.', 'en'],
    ['Ledgerly cuts close time by 40% for finance teams.', 'en'],
    ['Ledgerly cuts close time by 40% for Finance & Ops teams.', 'en'],
  ])('English, no customer: %s', (text, lang) => {
    expect(findNamedCustomers(text, lang as 'en')).toEqual([]);
  });

  it.each([
    ['Foo 助力明途科技实现交易系统国产化替换。', '明途科技'],
    ['帮助万达集团更好地实现数据治理。', '万达集团'],
    ['酷学院携手菊乐食品搭建完整的学习平台。', '菊乐食品'],
    ['经过多次考察论证，青禾供水决定选用磁悬浮潜水电泵进行设备改造。', '青禾供水'],
    ['正大制管部署空压站智控系统，整站年节能超 35%。', '正大制管'],
    ['当研发管理深陷信息黑箱？ 青禾科技通过飞书搭建研发智能平台，需求响应提效 36 倍。', '青禾科技'],
    ['青禾钢铁：每年少停机40次，多产8000吨钢，飞书助力青禾钢铁数智化转型', '青禾钢铁'],
    ['青禾动保借助飞书多维表格搭建产销中枢，库存策略制定从 6 小时缩短至 10 分钟。', '青禾动保'],
    ['企业客户包括戴尔、谷歌、时代华纳和高通。', '时代华纳'],
    ['它的客户包括许多知名品牌，包括思科、美国运通、普华永道和其他公司。', '普华永道'],
    ['工厂的客户包括大众、通用、福特等。', '大众'],
    ['我们已是雪花啤酒、燕京、金威等重要合作伙伴。', '燕京'],
    ['明途科技 CTO 张伟表示：“Foo 让我们的发布周期缩短了一半。”', '明途科技'],
    ['客户案例｜明途科技', '明途科技'],
  ])('Chinese: %s', (text, name) => {
    expect(findNamedCustomers(text, 'zh')).toContain(name);
  });

  it.each([
    '助力企业实现数字化转型。',
    '帮助您快速构建稳定的平台。',
    '帮助数万家企业实现降本增效。',
    '我们携手合作伙伴打造开放生态。',
    '青禾科技通过自研算法实现了效率提升30%。',
    '助力企业数字化转型。',
    '用户可以使用钉钉扫码登录。',
    '客户包括金融、制造和零售行业。',
    '我们的客户包括众多银行、多家券商等。',
    '我们是高效、稳定、易用等优势兼具的服务商。',
    '用户有开发者和运维人员。',
    '用户可以选择 MySQL 或 PostgreSQL。',
    '一键上线 Foo 应用，无需运维。',
    '明途科技 CEO 张伟表示：我们将持续投入研发，服务更多客户。',
    '客户案例｜某医疗器械公司',
    '客户案例：如何用数据驱动增长',
    '我们的数据团队每天发布新版本。',
    '在过去一年，Foo 支撑着每天 200 万笔支付。',
    '在金融行业，Foo 支持两地三中心部署。',
    // What a reviewer read as customers: everyday words, times, departments, notes, the seller's people.
    '为什么选择 Foo？排班时间从 3 小时缩短到 10 分钟。',
    '今天就选择 Foo，让排班时间缩短 80%。',
    '在双十一，Foo 支撑着每秒 12 万笔订单。',
    'Foo 帮助财务部门实现自动对账。',
    '青禾科技创始人李明表示：“我们的产品使用简单，客户很满意。”',
    '青禾科技的数据团队由 20 位博士组成。',
    '空驶率下降27%（第三方审计）',
    '21天→9天（试点项目，2023）',
    '客户案例：第一期',
    '成功案例｜国产化替换',
    '“很好用。”——李明，资深 财务总监',
  ])('Chinese, no customer: %s', (text) => {
    expect(findNamedCustomers(text, 'zh')).toEqual([]);
  });
});

describe('names with an ampersand', () => {
  it('reads one name across "&"', () => {
    expect(
      findNamedCustomers(
        'Sanford & Hawley, a 125-year-old building supplies company, implemented Ledgerly and cut idling by 12%.',
        'en',
      ),
    ).toEqual(['Sanford & Hawley']);
    expect(findNamedCustomers('Trusted by Procter & Gamble, Bosch and Siemens.', 'en')).toEqual([
      'Procter & Gamble',
      'Bosch',
      'Siemens',
    ]);
  });
});

describe('public-sector customers named by their suffix', () => {
  it('reads a school district, an ISD or a county after "The"', () => {
    expect(
      findNamedCustomers(
        'The Northwind Valley School District estimates that it has saved more than $47,500.',
        'en',
      ),
    ).toEqual(['Northwind Valley School District']);
    expect(findNamedCustomers('Northwind ISD saved 20 hours a week of attendance work.', 'en')).toEqual([
      'Northwind ISD',
    ]);
  });
});

describe('the seller doing something for a named customer, and names that are no customer', () => {
  it('reads the one it was done for, not the seller', () => {
    expect(findNamedCustomers('Ledgerly saved Initech $1.2M in duplicate payments in 2023.', 'en')).toEqual([
      'Initech',
    ]);
    expect(findNamedCustomers("Ledgerly cut Globex's close from 10 days to 3.", 'en')).toEqual(['Globex']);
    expect(
      findNamedCustomers(
        'Ledgerly recovered $2.3M in duplicate payments for Oakmont Bank in year one.',
        'en',
      ),
    ).toEqual(['Oakmont Bank']);
    expect(findNamedCustomers('Foo saved us 40 hours a month.', 'en')).toEqual([]);
    // What a company found using a named product.
    expect(
      findNamedCustomers('Northwind has also found that scaling with Cassandra is nearly linear.', 'en'),
    ).toEqual(['Northwind']);
    expect(findNamedCustomers('Ledgerly has also found a way to cut close time.', 'en')).toEqual([]);
    // Whoever helped: the one helped to do something is the customer.
    expect(
      findNamedCustomers('A robotic palletizer helped Northwind Foods meet demand at peak times.', 'en'),
    ).toEqual(['Northwind Foods']);
    expect(findNamedCustomers('Ledgerly helped Sales teams close faster.', 'en')).toEqual([]);
    // The one helped stays the customer when a later sentence opens on its short name and a verb.
    expect(
      findNamedCustomers(
        'Using Ledgerly enabled Oakmont Labs to save USD 12,000 on filters. Oakmont now saves three minutes per sample.',
        'en',
      ),
    ).toEqual(['Oakmont Labs']);
    expect(
      findNamedCustomers(
        'Ledgerly was able to save Oakmont Builders over a million dollars on the project.',
        'en',
      ),
    ).toEqual(['Oakmont Builders']);
    // "was able to" said of the customer itself.
    expect(findNamedCustomers('Oakmont Builders was able to cut costs by 30%.', 'en')).toEqual([
      'Oakmont Builders',
    ]);
    // A customer that achieved something itself is still the customer.
    expect(findNamedCustomers('Brightwave helped Northpeak cut churn by 20%.', 'en')).toEqual(['Northpeak']);
    expect(findNamedCustomers("Ledgerly slashed Initech's DSO by 12 days.", 'en')).toEqual(['Initech']);
  });

  it('does not read an amount ("$2.3M") as 3M, nor teams inside a company as customers', () => {
    expect(findNamedCustomers('We recovered $2.3M for clients last year.', 'en')).toEqual([]);
    expect(findNamedCustomers('Trusted by Marketing, Sales and Finance teams everywhere.', 'en')).toEqual([]);
    expect(
      findNamedCustomers('At Initech, the AP team now processes 12,000 invoices a month.', 'en'),
    ).toEqual(['Initech']);
  });
});

describe('Chinese customers named in brackets, by an adopted product, or on a signature with a department', () => {
  it.each([
    ['空驶率下降27%（顺远物流）', '顺远物流'],
    ['上线后月结从 5 天缩短到 1 天。（客户：杭州联华超市，2023 年数据）', '杭州联华超市'],
    ['交付周期：21天→9天（浙江美亚纺织，2023）', '浙江美亚纺织'],
    ['“以前对账要三天，现在半天就够了。”——王立群，浙江恒远机械 财务总监', '浙江恒远机械'],
    ['“很好用。”——青松物流技术总监 张三', '青松物流'],
  ])('%s', (text, name) => {
    expect(findNamedCustomers(text, 'zh')).toEqual([name]);
  });

  it.each([
    '成本降低 30%（以上数据为估算）',
    '效率提升 30%（持续优化中）',
    '年费 9800 元（含税）',
    '广州荔支网络有限公司（荔枝FM）的案例',
    '推荐使用主流的CRM系统品牌，显著提升企业运营效率。',
    '用户可以选择企业微信SCRM。',
  ])('no customer: %s', (text) => {
    const found = findNamedCustomers(text, 'zh');
    if (text.includes('有限公司')) expect(found).not.toContain('荔枝FM');
    else expect(found).toEqual([]);
  });
});

describe('a month, a quarter or a team is not the customer a seller did something for', () => {
  it('reads no such name', () => {
    expect(findNamedCustomers("Ledgerly cut January's close from 10 days to 3.", 'en')).not.toContain(
      'January',
    );
    expect(findNamedCustomers("Ledgerly cut Q3's close from 10 days to 3.", 'en')).not.toContain('Q3');
  });
});

describe('Chinese companies by their trade ending, a case card field and a signature with a department', () => {
  it.each([
    [
      '给工厂老板算一笔账：永鑫五金做了空压站节能改造，每年电费少 186 万元，14 个月收回全部投资。',
      '永鑫五金',
    ],
    ['青禾乳业用慧眼质检把漏检率降到万分之三。', '青禾乳业'],
    ['过去，东岳化工的安全员靠纸质巡检表；用上安巡之后，隐患当场拍照上报。', '东岳化工'],
    ['客户：滨江电力。挑战：线路巡检靠人工。方案：灵鹰无人机巡检平台。', '滨江电力'],
    ['“上线三个月，设备非计划停机次数降了一半。”——宁远钢铁设备部部长 王建国', '宁远钢铁'],
  ])('%s', (text, name) => {
    expect(findNamedCustomers(text, 'zh')).toContain(name);
  });

  it.each([
    // An anonymised customer whose kind begins with a place and an industry word.
    '宁波工业滤材制造商实现紧急订单48小时交付率98.7%。',
    // The seller about itself, its growth and its mission.
    '恒通科技是领先的工业软件服务商，营收增长 45%。',
    '恒通科技致力于帮助制造企业降本增效。',
    '客户：某大型制造企业。',
    // A person by surname and title signs for no company.
    '“产品很好用，服务也很到位！”——张经理',
    // "…的 HR 系统" is the product's category, not a company's HR team.
    '全球 30 个国家、500 多家客户信赖的 HR 系统。',
  ])('none in: %s', (text) => {
    expect(findNamedCustomers(text, 'zh')).toEqual([]);
  });
});

describe('English customers named by a company word, at a site, or by what their people did', () => {
  it.each([
    ['Coastal Credit Union: loan decisions in 4 minutes, down from 2 days.', 'Coastal Credit Union'],
    ['Deployed at 2,300 branches of Meridian National Bank.', 'Meridian National Bank'],
    ['At Redwood Transit, dispatchers cut late departures by 38% with Routewise.', 'Redwood Transit'],
    ['Garner Haulage (600 trucks), before vs. after Fleetmind: idle time 14% -> 6%.', 'Garner Haulage'],
    // A press release's customer.
    [
      'Northwind Freight today announced that Halvorsen Cold Chain has selected Northwind Dock Scheduler.',
      'Halvorsen Cold Chain',
    ],
    [
      'Ryder System has been awarded a multi-year contract by the United States Postal Service.',
      'United States Postal Service',
    ],
  ])('%s', (text, name) => {
    expect(findNamedCustomers(text, 'en')).toContain(name);
  });

  it.each([
    // The seller's own customers or people after "At <seller>".
    'At Foo, customers cut costs by 30%.',
    'At Foo, engineers ship every day.',
    'Acme today announced that Foo 3.0 is generally available.',
    // A company announcing its own product is the seller.
    'Acme Logistics today announced the launch of RouteMax 3.0, featuring a redesigned dashboard.',
    // A headline in title case still names no company by its capitals.
    'Why Modern Retail Stores Need Better Inventory Tools Today',
  ])('none in: %s', (text) => {
    expect(findNamedCustomers(text, 'en')).toEqual([]);
  });
});
