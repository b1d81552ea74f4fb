import { fold } from "../text";

/**
 * Scraped handbooks carry pinyin after characters (`運(yùn)營`); a reason pasted from one would
 * otherwise never match. Only groups holding a tone-marked vowel are dropped, so `(QQ)` stays.
 */
const PINYIN = /\([a-zü]*[àáèéìíòóùúüāēěīōūǎǐǒǔǖǘǚǜ][a-zàáèéìíòóùúüāēěīōūǎǐǒǔǖǘǚǜ]*\)/g;

/**
 * Traditional characters of offence and praise wording that the shared header table does not
 * cover (`沒備註`, `違者`, `看電視`). Applied after `fold`, only to reasons.
 */
const MORE_TRAD =
  "沒没洩泄違违視视載载準准隨随誇夸讚赞揚扬彰彰辦办爭争吵吵慣惯懶懒擅擅閱阅掛挂離离線线頁页彙汇紀纪節节勞劳嚴严絕绝揮挥雜杂詞词漏漏亂乱髒脏麼么嗎吗們们說说讓让請请這这壞坏輕轻慢慢";
const MORE = new Map<string, string>();
for (let i = 0; i + 1 < MORE_TRAD.length; i += 2) MORE.set(MORE_TRAD[i], MORE_TRAD[i + 1]);

export function foldReason(text: string): string {
  const f = fold(text).replace(PINYIN, "");
  let out = "";
  for (const ch of f) out += MORE.get(ch) ?? ch;
  return out;
}
