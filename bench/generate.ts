/**
 * A deterministic generator of shop workbooks (as grids) of any size: a roster, one
 * long-form attendance sheet per month with a row per agent-day, complaints, fines and
 * spends, and parcel incidents. Used by the bench and by scale tests.
 */
import type { Cell, SheetGrid } from "../src/engine/types";

export function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";
const STATUSES: [string, number][] = [
  ["正常", 0.9],
  ["迟到", 0.04],
  ["事假", 0.015],
  ["病假", 0.01],
  ["调休", 0.015],
  ["旷工", 0.003],
  ["缺卡", 0.01],
  ["早退", 0.007],
];
const REASONS = ["顾客投诉态度差", "回复太慢被投诉", "没备注导致发错货", "私自降价", "推卸责任", "客户表扬"];
const COURIERS = ["中通快递", "韵达速递", "圆通", "申通", "EMS", "顺丰速运", "极兔"];
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000 + 25569;

export interface ShopSize {
  agents: number;
  months: number;
  year?: number;
  seed?: number;
}

export function agentName(i: number): string {
  return `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${i >= SURNAMES.length * GIVEN.length ? Math.floor(i / (SURNAMES.length * GIVEN.length)) : ""}`;
}

export function generateShop({ agents, months, year = 2026, seed = 7 }: ShopSize): SheetGrid[] {
  const rnd = mulberry32(seed);
  const names = Array.from({ length: agents }, (_, i) => agentName(i));
  const grids: SheetGrid[] = [];
  grids.push({
    name: "花名册",
    cells: [
      ["工号", "姓名", "旺旺", "组别"],
      ...names.map((n, i) => [String(i + 1).padStart(3, "0"), n, `旗舰店:${n}`, `${(i % 8) + 1}组`] as Cell[]),
    ],
  });
  const complaints: Cell[][] = [["日期", "客服", "投诉原因", "是否查实", "处理状态"]];
  const fines: Cell[][] = [
    ["日期", "姓名", "事由", "金额", "类型"],
    [{ kind: "date", serial: serial(year, 1, 1) }, "", "期初", 500, "期初"],
  ];
  const express: Cell[][] = [["日期", "快递单号", "快递公司", "问题类型", "理赔金额", "责任方"]];
  for (let m = 1; m <= months; m++) {
    const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
    const rows: Cell[][] = [[`${year}年${m}月考勤`], ["日期", "姓名", "状态", "迟到分钟"]];
    const formats: (string | null)[][] = [[], []];
    for (let d = 1; d <= days; d++) {
      for (const n of names) {
        let x = rnd(),
          status = "正常";
        for (const [s, p] of STATUSES) {
          if (x < p) {
            status = s;
            break;
          }
          x -= p;
        }
        rows.push([
          { kind: "date", serial: serial(year, m, d) },
          n,
          status,
          status === "迟到" ? 1 + Math.floor(rnd() * 50) : null,
        ]);
        formats.push(["yyyy-mm-dd", null, null, null]);
      }
    }
    grids.push({ name: `${m}月考勤`, cells: rows, formats });
    for (let k = 0; k < Math.ceil(agents * 0.3); k++) {
      complaints.push([
        { kind: "date", serial: serial(year, m, 1 + Math.floor(rnd() * days)) },
        names[Math.floor(rnd() * agents)],
        REASONS[Math.floor(rnd() * REASONS.length)],
        rnd() < 0.9 ? "是" : "否",
        rnd() < 0.8 ? "已处理" : "",
      ]);
    }
    for (let k = 0; k < Math.ceil(agents * 0.1); k++) {
      fines.push([
        { kind: "date", serial: serial(year, m, 1 + Math.floor(rnd() * days)) },
        names[Math.floor(rnd() * agents)],
        rnd() < 0.5 ? "上班打游戏" : "桌面卫生没打扫",
        10,
        "罚款",
      ]);
    }
    fines.push([{ kind: "date", serial: serial(year, m, days) }, "", "团建", 20 + Math.floor(rnd() * 50), "支出"]);
    for (let k = 0; k < Math.ceil(agents * 0.2); k++) {
      express.push([
        { kind: "date", serial: serial(year, m, 1 + Math.floor(rnd() * days)) },
        String(4300000000 + k + m * 100000),
        COURIERS[Math.floor(rnd() * COURIERS.length)],
        rnd() < 0.5 ? "丢件" : "破损",
        10 + Math.floor(rnd() * 90),
        rnd() < 0.9 ? "快递" : "仓库",
      ]);
    }
  }
  grids.push(
    { name: "投诉登记", cells: complaints },
    { name: "罚款登记", cells: fines },
    { name: "快递异常", cells: express },
  );
  return grids;
}

/** Grids → the plain values a workbook holds (dates as serials), for the strict fake and ExcelJS. */
export function gridValues(g: SheetGrid): (string | number | boolean)[][] {
  return g.cells.map((row) =>
    row.map((c) => (c === null ? "" : typeof c === "object" ? (c.kind === "date" ? c.serial : c.code) : c)),
  );
}
