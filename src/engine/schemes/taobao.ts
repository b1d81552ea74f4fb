import type { Scheme } from "../score/scheme";

/** 淘宝网店罚款制度 — seed 002_ee504a7b85911058.txt. Yuan only, all fines into the fund box. */
export const taobaoFines: Scheme = {
  id: "taobao-fines", name: "淘宝 罚款制度", unit: "yuan", base: null, okLabel: "正常",
  seed: "002_ee504a7b85911058.txt", params: {},
  note: "不计分，只记罚款（元）。所有罚款存入部门基金箱，透明操作。表里写了金额按所写，空白按制度定价；两种都计入第几次。",
  rules: [
    { id: "handover", label: "未交接/忘记交接造成损失", events: ["handover"], kind: "escalating", unit: "yuan", sign: -1, params: { amount: 10, actionAt: 3, action: "自动离职" },
      note: "一次罚款10元,第二次翻倍,达到三次以上自动离职：第k次 10×2^(k−1) 元，第3次起同时自动离职。按自然月计次。" },
    { id: "greeting", label: "未在30秒内招呼", events: ["greeting-delay"], kind: "per-unit", unit: "yuan", sign: -1, params: { unit: 30, grace: 30, amount: 5, rounding: "started" },
      note: "每延迟30秒中将扣5元：超过30秒后每开始一个30秒扣5元（45秒→5元，61秒→10元）" },
    { id: "complaint", label: "服务原因被投诉/与买家吵架", events: ["complaint", "verified-complaint", "bad-attitude", "slow-response", "quarrel"], kind: "escalating", unit: "yuan", sign: -1,
      params: { amount: 50, actionAt: 3, action: "自动离职" }, note: "一次罚款50元,第二次翻倍,达到三次以上自动离职；同一自然月内计次" },
    { id: "unrelated", label: "上班做与工作无关的事", events: ["unrelated-activity"], kind: "each", unit: "yuan", sign: -1, params: { amount: 10 }, note: "QQ聊天、看电视、玩游戏、装软件：违者罚款10元一次" },
    { id: "desk", label: "未按时清洁", events: ["desk"], kind: "each", unit: "yuan", sign: -1, params: { amount: 10 }, note: "不按时清洁的违者罚款10元一次" },
    { id: "leak", label: "泄露同事联系方式", events: ["leak"], kind: "each", unit: "yuan", sign: -1, params: { amount: 10 }, note: "违者罚款10元一次" },
    { id: "no-id-remark", label: "订单未备注工号", events: ["no-id-remark"], kind: "each", unit: "yuan", sign: -1, params: { amount: 0 },
      note: "如没备注,少算的提成自己承担损失：不罚款，只在考核表上列出（少算提成）" },
    { id: "suggestion", label: "建议被采纳（公司奖励）", events: ["suggestion"], kind: "range", unit: "yuan", sign: 1, params: { min: 10, max: 100, default: 10 },
      note: "按重要程度奖励10~100元，由公司发放，不从基金箱出" },
  ],
  bands: [
    { level: 1, label: "有罚款", metric: "fineYuan", op: ">", value: 0, note: "本月有任何罚款" },
    { level: 2, label: "自动离职", metric: "actions", op: ">", value: 0, note: "触发“达到三次以上自动离职”" },
  ],
};
