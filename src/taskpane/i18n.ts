/** UI text: Simplified Chinese by default, Traditional Chinese and English by Office's display language. */
export type Lang = "zh-CN" | "zh-TW" | "en-US";

const zhCN = {
  title: "客服考核助手",
  subtitle: "读取本工作簿里已有的考勤、投诉、快递和罚款表，按考核方案生成月度考核。",
  openFile: "打开工作簿（.xlsx）",
  fileNote: "文件只在这台电脑的浏览器里处理，不会上传到任何地方。",
  noFile: "请先打开一个 .xlsx 工作簿（WPS 用户请先“另存为 .xlsx”）。",
  badFile: "打不开这个文件：它不是 .xlsx 工作簿，或者已损坏。请在 Excel / WPS 里另存为 .xlsx 后再试。",
  month: "考核月份",
  monthHint: "默认是有数据的最近一个完整月份",
  scheme: "考核方案",
  rulesSheet: "本工作簿的规则表（规则）",
  writeRules: "把所选方案写入“规则”表以便修改",
  rulesWritten: (name: string) => `已写入“${name}”表。改好后在方案里选“本工作簿的规则表”。`,
  recognised: "识别结果",
  sheet: "工作表", role: "识别为", months: "月份", headerRow: "表头行", confidence: "可信度", reason: "依据",
  fields: "字段", column: "列", field: "对应字段", notMapped: "（不使用）",
  corrected: "已按你的更正",
  correctionsSaved: "更正已保存在工作簿里，下个月会自动使用。",
  generate: "生成月度考核",
  generating: { read: "正在读取工作表…", score: "正在计分…", write: "正在写入考核表…" } as Record<string, string>,
  done: (month: string) => `${month} 的考核已生成。`,
  flagged: "需关注的客服", noneFlagged: "本月没有需要关注的客服。",
  fundBox: "罚款箱结余", courierTotal: "快递扣款合计", issues: "数据问题", noIssues: "没有数据问题。",
  issueHint: "点一条问题，跳到原表的那一格。", agentHint: "点名字，跳到评分表的那一行。",
  download: "下载结果工作簿", yuan: "元", incidents: "件",
  errorGeneric: "出错了：", errorWhatNext: "请检查工作簿后再试；如果问题依旧，把“数据问题”表截图发给技术支持。",
  excelBusy: "Excel 正在编辑单元格：请先按 Enter 或 Esc 退出编辑，再点生成。",
  degraded: "提示", level: "等级", score: "得分",
  roles: { roster: "花名册", attendance: "考勤", complaints: "投诉/评价", express: "快递异常", fines: "罚款/基金", performance: "绩效数据", none: "不读取" } as Record<string, string>,
  conf: { high: "高", medium: "中", low: "低" } as Record<string, string>,
  loading: "正在加载…",
};

type Strings = typeof zhCN;

const zhTW: Strings = {
  ...zhCN,
  title: "客服考核助手",
  subtitle: "讀取本活頁簿裡已有的考勤、投訴、快遞和罰款表，按考核方案產生月度考核。",
  openFile: "開啟活頁簿（.xlsx）",
  fileNote: "檔案只在這台電腦的瀏覽器裡處理，不會上傳到任何地方。",
  noFile: "請先開啟一個 .xlsx 活頁簿（WPS 使用者請先「另存為 .xlsx」）。",
  badFile: "打不開這個檔案：它不是 .xlsx 活頁簿，或已損壞。請在 Excel / WPS 裡另存為 .xlsx 後再試。",
  month: "考核月份", monthHint: "預設是有資料的最近一個完整月份", scheme: "考核方案",
  rulesSheet: "本活頁簿的規則表（规则）", writeRules: "把所選方案寫入「规则」表以便修改",
  rulesWritten: (name: string) => `已寫入「${name}」表。改好後在方案裡選「本活頁簿的規則表」。`,
  recognised: "識別結果", sheet: "工作表", role: "識別為", months: "月份", headerRow: "表頭列", confidence: "可信度", reason: "依據",
  fields: "欄位", column: "欄", field: "對應欄位", notMapped: "（不使用）", corrected: "已按你的更正",
  correctionsSaved: "更正已儲存在活頁簿裡，下個月會自動使用。",
  generate: "產生月度考核",
  generating: { read: "正在讀取工作表…", score: "正在計分…", write: "正在寫入考核表…" },
  done: (month: string) => `${month} 的考核已產生。`,
  flagged: "需關注的客服", noneFlagged: "本月沒有需要關注的客服。", fundBox: "罰款箱結餘", courierTotal: "快遞扣款合計",
  issues: "資料問題", noIssues: "沒有資料問題。", issueHint: "點一條問題，跳到原表的那一格。", agentHint: "點名字，跳到評分表的那一列。",
  download: "下載結果活頁簿", yuan: "元", incidents: "件", errorGeneric: "出錯了：",
  errorWhatNext: "請檢查活頁簿後再試；如果問題依舊，把「数据问题」表截圖傳給技術支援。",
  excelBusy: "Excel 正在編輯儲存格：請先按 Enter 或 Esc 結束編輯，再點產生。",
  degraded: "提示", level: "等級", score: "得分",
  roles: { roster: "花名冊", attendance: "考勤", complaints: "投訴/評價", express: "快遞異常", fines: "罰款/基金", performance: "績效資料", none: "不讀取" },
  conf: { high: "高", medium: "中", low: "低" }, loading: "正在載入…",
};

const enUS: Strings = {
  ...zhCN,
  title: "Kefu Scorecard",
  subtitle: "Reads this workbook's attendance, complaint, courier and fine sheets and scores the month with your scheme.",
  openFile: "Open a workbook (.xlsx)", fileNote: "The file is processed in this browser only. Nothing is uploaded.",
  noFile: "Open an .xlsx workbook first (WPS users: save as .xlsx).",
  badFile: "This file cannot be opened: it is not an .xlsx workbook or it is damaged. Save it as .xlsx in Excel or WPS and try again.",
  month: "Month", monthHint: "Defaults to the last complete month with data", scheme: "Scheme",
  rulesSheet: "This workbook's rules sheet (规则)", writeRules: "Write the chosen scheme into an editable 规则 sheet",
  rulesWritten: (name: string) => `Written to "${name}". Edit it, then choose "This workbook's rules sheet".`,
  recognised: "What was recognised", sheet: "Sheet", role: "Read as", months: "Months", headerRow: "Header row", confidence: "Confidence", reason: "Why",
  fields: "Fields", column: "Column", field: "Field", notMapped: "(not used)", corrected: "as you corrected",
  correctionsSaved: "Corrections are saved in the workbook and used again next month.",
  generate: "Generate the month",
  generating: { read: "Reading sheets…", score: "Scoring…", write: "Writing the scorecard…" },
  done: (month: string) => `${month} has been generated.`,
  flagged: "Agents to watch", noneFlagged: "No agent needs attention this month.", fundBox: "Fine box balance", courierTotal: "Courier deductions",
  issues: "Data issues", noIssues: "No data issues.", issueHint: "Click an issue to go to its cell.", agentHint: "Click a name to go to the agent's row.",
  download: "Download the result workbook", yuan: "yuan", incidents: "parcels", errorGeneric: "Something went wrong: ",
  errorWhatNext: "Check the workbook and try again; if it persists, send a screenshot of the 数据问题 sheet to support.",
  excelBusy: "Excel is editing a cell: press Enter or Esc first, then generate.",
  degraded: "Note", level: "Level", score: "Score",
  roles: { roster: "Roster", attendance: "Attendance", complaints: "Complaints", express: "Courier incidents", fines: "Fines / fund", performance: "Performance", none: "Not read" },
  conf: { high: "high", medium: "medium", low: "low" }, loading: "Loading…",
};

export function pickLang(displayLanguage: string | undefined): Lang {
  const l = (displayLanguage ?? "").toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(l)) return "zh-TW";
  if (l.startsWith("en")) return "en-US";
  return "zh-CN";
}

export const STRINGS: Record<Lang, Strings> = { "zh-CN": zhCN, "zh-TW": zhTW, "en-US": enUS };
export type { Strings };
