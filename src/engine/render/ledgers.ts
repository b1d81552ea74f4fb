import type { MonthResult } from "../score/result";
import { refText } from "../types";
import { roundCents } from "../parse";
import { OUTPUT_NAMES, SheetBuilder, type OutputSheet } from "./model";

const KIND = { opening: "期初", fine: "罚款收入", spend: "支出", closing: "结余" } as const;

/** 罚款箱: every fine in, every spend out, the balance carried month to month. */
export function renderFundBox(chain: MonthResult[]): OutputSheet {
  const b = new SheetBuilder(8, "fundbox");
  const target = chain[chain.length - 1];
  b.line(`部门基金箱 · 截至 ${target.month}`, "title");
  b.line(
    `本月期初 ${target.fundBox.opening} 元${target.fundBox.openingAssumedIn ? `（${target.fundBox.openingAssumedIn} 期初未找到，按 0 计，见“${OUTPUT_NAMES.issues}”）` : ""}，罚款收入 ${target.fundBox.fines} 元，支出 ${target.fundBox.spent} 元，结余 ${target.fundBox.closing} 元。公司发放的奖励不从基金箱出。`,
    "subtitle",
  );
  const header = b.push(["日期", "类型", "姓名", "事由", "收入(元)", "支出(元)", "余额(元)", "来源"], "header");
  for (const m of chain) {
    b.line(`${m.month}`, "section");
    let balance = 0;
    for (const row of m.fundBox.rows) {
      if (row.kind === "opening") balance = row.amount;
      else if (row.kind !== "closing") balance = roundCents(balance + row.amount);
      b.push(
        [
          row.date,
          KIND[row.kind],
          row.agent ?? "",
          row.text,
          row.kind === "fine" ? row.amount : null,
          row.kind === "spend" ? -row.amount : null,
          row.kind === "closing" || row.kind === "opening" ? row.amount : balance,
          row.source ? refText(row.source) : "",
        ],
        row.kind === "closing" ? "total" : undefined,
      );
    }
  }
  return b.buildWide("fundbox", OUTPUT_NAMES.fundbox, [11, 9, 10, 36, 10, 10, 10, 14], header, [4, 5, 6]);
}

/** 快递扣款: the month's courier incidents for finance, by company, with the hand-over date. */
export function renderCourier(r: MonthResult): OutputSheet {
  const b = new SheetBuilder(6, "courier");
  b.line(`${r.month} 快递扣款表（交财务）`, "title");
  const handOver = r.courier[0]?.handOverDate ?? "";
  b.line(
    `按快递公司汇总，月底前${r.policy.handOverDays}天（${handOver || "本月无快递责任件"}）交财务完成扣款。责任在店铺或客服的不向快递公司扣款，另列于下。`,
    "subtitle",
  );
  const header = b.push(["快递公司", "件数", "理赔金额(元)", "交财务日期", "问题类型", ""], "header");
  for (const c of r.courier)
    b.push([
      c.courier,
      c.incidents,
      c.amount,
      c.handOverDate,
      Object.entries(c.byProblem)
        .map(([k, n]) => `${k}${n}件`)
        .join("、"),
      null,
    ]);
  const total = courierTotal(r);
  b.push(["合计", total.incidents, total.amount, "", "", null], "total");
  b.blank();
  b.line("不向快递公司扣款的异常（责任在店铺/客服）", "section");
  b.push(["日期", "快递公司", "问题", "金额(元)", "责任", "来源"], "header");
  for (const i of r.incidents.filter((x) => x.party !== "courier"))
    b.push([
      i.date,
      i.courier,
      i.problem,
      i.amount,
      i.party === "agent" ? `客服 ${i.person ?? ""}（按备注规则计入考核）` : "店铺/仓库",
      refText(i.source),
    ]);
  b.blank();
  b.line("本月全部快递异常", "section");
  b.push(["日期", "快递公司", "快递单号", "问题", "金额(元)", "来源"], "header");
  for (const i of r.incidents) b.push([i.date, i.courier, i.trackingNo, i.problem, i.amount, refText(i.source)]);
  return b.buildWide("courier", OUTPUT_NAMES.courier, [12, 10, 20, 14, 30, 16], header);
}

/** What finance deducts from couriers this month, in all. */
export function courierTotal(r: MonthResult): { incidents: number; amount: number } {
  return {
    incidents: r.courier.reduce((n, c) => n + c.incidents, 0),
    amount: roundCents(r.courier.reduce((s, c) => s + c.amount, 0)),
  };
}
