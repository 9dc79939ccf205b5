import { describe, expect, it } from 'vitest';
import { findNamedCustomers } from './customer-names.ts';
import { storyCustomersZh } from './customer-stories-zh.ts';

const zh = (t: string) => findNamedCustomers(t, 'zh');

describe('Chinese customer stories', () => {
  it('reads a team adopting a product, a verdict for a customer, work at a customer and the seller building for one', () => {
    expect(zh('青松物流团队目前已经开始使用 Ledgerly 进行从开发到运营的布局。')).toEqual(['青松物流']);
    expect(zh('对华彩涂料来说，Ledgerly 切实解决了不少问题。')).toEqual(['华彩涂料']);
    expect(zh('目前 Apache Ledgerly 在金山办公主要负责网关服务。')).toEqual(['金山办公']);
    expect(zh('SKODA\n统一运维平台\n我们为 SKODA 打造了统一的运维平台。')).toEqual(['SKODA']);
    expect(zh('珍岛集团基于 Apache Ledgerly 打造智能营销云平台')).toEqual(['珍岛集团']);
    expect(zh('北京青松科技有限公司\n将Ledgerly应用在公司相关产品中，部署节点数为11~20个。')).toEqual([
      '北京青松科技有限公司',
    ]);
  });

  it('reads no customer where the name is general, a pronoun, the product at work in general, or the seller', () => {
    expect(storyCustomersZh('我们为客户打造统一平台，为其提供运维服务。')).toEqual([]);
    expect(storyCustomersZh('Ledgerly 在生产环境中稳定运行，在业务中负责网关。')).toEqual([]);
    expect(storyCustomersZh('对企业来说，Ledgerly 降低了成本。')).toEqual([]);
    expect(zh('团队目前已经开始使用 Ledgerly。')).toEqual([]);
    expect(zh('平凯星辰将推出新一代数据库。')).toEqual([]);
  });
});
