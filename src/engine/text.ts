/**
 * Text folding shared by header matching, name matching and keyword classification.
 * Shops mix Simplified and Traditional characters and full-width digits; every comparison
 * goes through `fold` so that a synonym table only needs its Simplified half-width form.
 */

// Traditional → Simplified for the vocabulary that appears in these sheets' headers and reasons.
const TRAD =
  "遲迟曠旷請请調调號号單单組组別别間间結结訴诉類类處处狀状態态遞递額额錢钱罰罚獎奖勵励銷销績绩責责員员職职離离開开關关審审應应復复覆复備备註注錯错發发損损壞坏賠赔帳账賬账務务話话語语惡恶評评價价數数據据總总計计統统從从後后閒闲遊游戲戏裝装軟软體体潔洁衛卫資资訊讯聯联繫系係系議议採采納纳現现問问題题報报嚴严誤误補补產产喪丧護护點点鐘钟鍾钟週周簽签門门稱称暱昵轉转換换響响長长滿满優优執执質质糾纠紛纷維维權权舉举訂订貨货運运郵邮順顺豐丰達达韻韵圓圆極极東东區区與与為为個个會会這这來来時时無无對对實实驗验證证說说餘余項项內内際际種种崗岗綜综擇择導导戶户顧顾頭头輕轻讓让贈赠憑凭氣气熱热樂乐當当業业獲获標标準准異异丟丢遺遗倉仓庫库盤盘聽听講讲電电線线網网絡络曆历歷历勤勤記记錄录總总彙汇匯汇覽览級级獎奖懲惩範范圍围實实態态銜衔擔担負负責责傳传遞递藥药區区屬属歸归師师壓压團团隊队夥伙伴伴態态滯滞緩缓復复應应隊队漲涨減减價价編编碼码試试驗验兒儿週周僅仅費费賣卖買买種种擁拥慢慢聲声稍稍騷骚擾扰罵骂詢询轉转覆复釋释陳陈劉刘張张楊杨黃黄趙赵吳吴孫孙馬马鄭郑謝谢許许韓韩馮冯葉叶蘇苏呂吕龍龙曉晓麗丽靜静紅红華华軍军鳳凤蘭兰瑩莹穎颖廣广雲云艷艳偉伟誌志傑杰惠惠慶庆寶宝嬌娇燕燕鵬鹏濤涛婷婷鑫鑫";
const TRAD_MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRAD.length; i += 2) TRAD_MAP.set(TRAD[i], TRAD[i + 1]);

/** Full-width ASCII and the ideographic space to half-width. */
export function halfWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

export function toSimplified(s: string): string {
  let out = "";
  for (const ch of s) out += TRAD_MAP.get(ch) ?? ch;
  return out;
}

/**
 * Sheets repeat the same few strings (names, statuses) tens of thousands of times: fold each
 * once. Bounded so that a sheet of unique strings cannot grow it without limit.
 */
function memo(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (s.length <= 200) {
        if (cache.size > 100_000) cache.clear();
        cache.set(s, v);
      }
    }
    return v;
  };
}

/** Half-width, Simplified, trimmed, inner whitespace collapsed. */
export const normalizeText = memo((s) =>
  toSimplified(halfWidth(s))
    .replace(/[\s\u00a0]+/g, " ")
    .trim(),
);

/** `normalizeText`, then lower case with every space removed: the form synonym tables match. */
export const fold = memo((s) => normalizeText(s).replace(/\s+/g, "").toLowerCase());

/** Levenshtein distance, small strings only (names). */
export function editDistance(a: string, b: string): number {
  const m = a.length,
    n = b.length;
  if (Math.abs(m - n) > 3) return Math.max(m, n);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
}

/** Spreadsheet column letters from a 0-based index. */
export function colLetter(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Code-unit order: fast, and the same on every machine (localeCompare depends on ICU and locale). */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
