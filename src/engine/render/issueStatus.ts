import type { DataIssue } from "../types";

/**
 * The 状态 column of 数据问题: what happened to the cell, row, column or sheet the line names, never the
 * severity alone (a symbol not in the legend is a warning, yet its day was not counted).
 */
export function issueStatus(i: DataIssue): string {
  if (i.outcome === "not-used") return i.scope === "cell" ? "该格未计入" : "未计入";
  if (i.outcome === "defaulted") return "已按默认值计入，请核对";
  if (i.outcome === "used") return "已计入，请核对";
  if (i.severity === "info") return "提示";
  if (i.scope === "cell") return "该格未计入";
  if (i.scope === "column") return "该列未读取";
  if (i.severity === "error") return i.scope === "sheet" ? "整表未使用" : "未使用";
  return "已使用，请核对";
}

/** The statuses that mean the named cell, row, column or sheet did not reach the scores. */
export const notCounted = (status: string) => /未计入|未使用|未读取/.test(status);
