/**
 * Reading Chinese names, shared by the customer-name finders (customer-names-zh.ts, case-titles-zh.ts):
 * a name read leftwards from where a verb or suffix starts, whether a word is generic or no name at all,
 * and whether a result in numbers follows. Linear loops over a draft of at most 2,000 characters.
 */
import { SEGMENTS_ZH } from './lexicons.ts';
import { GENERIC_NAME_PARTS_ZH, ORG_SUFFIXES_ZH } from './proof-lexicons.ts';

/** Characters that end a name when reading leftwards (punctuation and function words). */
const ZH_STOPS = new Set(
  Array.from(
    '，。；：、！？“”‘’（）()《》【】「」,.;:!?"\'\n 的在为与和及是被把将从由向对给让用帮助服务已于等如例比像括有到至后前',
  ),
);

/** Reads a name leftwards from `end` (exclusive): Han characters and Latin words, up to 10. */
export function zhNameBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < 10) {
    const ch = text[start - 1] as string;
    if (ZH_STOPS.has(ch)) {
      // A space inside a Latin name ("Moka BI") does not end it.
      if (ch === ' ' && /[A-Za-z]/.test(text[start - 2] ?? '') && /[A-Za-z]/.test(text[start] ?? '')) {
        start--;
        continue;
      }
      break;
    }
    start--;
  }
  return text.slice(start, end).trim();
}

/** A result in numbers ("性能提升50%"), which makes a headline's opening name the one who got it. */
export const RESULT_LATER_ZH =
  /(?:提升|降低|缩短|减少|提高|增长|下降|节省|节约)[^，。；]{0,6}\d|(?<![\d.])\d{1,6}\.?\d{0,3}\s?[%％倍]\s?(?:的)?(?:提升|降低|下降|增长)/;

/**
 * Pronouns, adjectives and spans of time that can stand where a name would ("他们的技术", "花几分钟时间部署"),
 * verbs and tasks read leftwards from a verb ("深度探讨如何借助…", "决定采用…", "实时作业上线…"), and a bare
 * kind of organisation ("加速医院 IT 转型" names no hospital).
 * 几/数 only as a count ("几个", "数百"): company names hold 数 ("360 数科", "数商云").
 */
export const NOT_A_NAME_ZH =
  /^(?:他们|她们|我们|你们|您|大家|专业|优秀|资深|相关|其他|自己|内部|外部|领先|卓越|先进|一流|顶级|顶尖|强大|雄厚|独特|前沿|创新|成熟|可靠|优质|高效|过硬|精湛|深厚|丰富|完善|全面|自主|自研|核心|关键)$|[几数](?:个|家|十|百|千|万|亿|年|月|天|倍|次)|分钟|小时|时间|支持|开发|测试|运维|团队|人员|提供|实现|千行百业|各行各业|百业|万物|未来|世界|环境|生产|探讨|讨论|分享|介绍|决定|需要|作业|工作|开始|打造|^(?:加速|推动|促进|推进|提升)|^(?:医院|银行|公司|集团|企业|工厂|学校)$/;

/**
 * A firm's short name: a distinctive head and the trade it is in ("尚游网络", "莉莉丝游戏", "天眼数科"). The
 * trade word alone would make it generic; the head decides ("城市网络", "智能数据" stay generic).
 */
const FIRM_NAME_ZH = /^(\p{Script=Han}{2,4})(?:网络|科技|软件|游戏|数科|金融)$/u;

function isFirmNameZh(name: string): boolean {
  const head = FIRM_NAME_ZH.exec(name)?.[1];
  return head !== undefined && !isGenericZh(head);
}

/** True when `name` is generic (各大银行, 城市商业银行), a pronoun or a span of time, not a particular company. */
export function isGenericZh(name: string): boolean {
  return (
    name.length < 2 ||
    (GENERIC_NAME_PARTS_ZH.test(name) && !isFirmNameZh(name)) ||
    SEGMENTS_ZH.includes(name) ||
    // Kinds of organisation alone ("污水处理厂", "银行", "水厂和机场") name none.
    name.split(/[和与及、]/).every((part) => ORG_SUFFIXES_ZH.includes(part)) ||
    NOT_A_NAME_ZH.test(name)
  );
}
