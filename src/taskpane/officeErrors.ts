import type { Lang, Strings } from "./i18n";

/**
 * Office.js error codes (and the add-in's own checks before writing) as sentences a shop manager
 * can act on, in the pane's language. Anything else keeps the generic message with its text.
 */
type Code =
  | "InvalidOperationInCellEditMode"
  | "AccessDenied"
  | "WorkbookStructureProtected"
  | "WorkbookReadOnly"
  | "InvalidOperation"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "RequestPayloadSizeLimitExceeded"
  | "GeneralException";

const MESSAGES: Record<Lang, Record<Code, string>> = {
  "zh-CN": {
    InvalidOperationInCellEditMode: "Excel 正在编辑单元格：请先按 Enter 或 Esc 退出编辑，再点生成。",
    AccessDenied: "Excel 拒绝了写入：这个工作簿或工作表受保护，或者你没有编辑权限。请取消保护或获得编辑权限后再试。",
    WorkbookStructureProtected:
      "工作簿的结构受保护，无法添加或改写考核表。请在“审阅 → 保护工作簿”里取消保护后再试。没有改动任何表。",
    WorkbookReadOnly: "工作簿是以只读方式打开的，无法写入考核表。请另存一份或以可编辑方式打开后再试。没有改动任何表。",
    InvalidOperation:
      "Excel 不允许这个操作：工作簿的结构可能受保护（审阅 → 保护工作簿），或者文件是只读的。请取消保护或以可编辑方式打开后再试。",
    ItemNotFound: "生成过程中有工作表被改名或删除了。请不要在生成时改动工作表，再点一次生成。",
    ItemAlreadyExists: "工作簿里已经有同名的工作表（可能是刚刚手动添加的）。请把它改名后再点生成。",
    RequestPayloadSizeLimitExceeded:
      "这次要写入的数据超过了 Excel 网页版单次请求的上限（5 MB）。请再点一次生成；如果依旧，请在桌面版 Excel 里生成。",
    GeneralException:
      "Excel 内部出错（可能是网络中断或 Excel 正忙）。请稍等片刻再点生成；已写入的考核表会在下次生成时整表重写。",
  },
  "zh-TW": {
    InvalidOperationInCellEditMode: "Excel 正在編輯儲存格：請先按 Enter 或 Esc 結束編輯，再點產生。",
    AccessDenied: "Excel 拒絕了寫入：這個活頁簿或工作表受保護，或者你沒有編輯權限。請取消保護或取得編輯權限後再試。",
    WorkbookStructureProtected:
      "活頁簿的結構受保護，無法新增或改寫考核表。請在「校閱 → 保護活頁簿」裡取消保護後再試。沒有改動任何表。",
    WorkbookReadOnly: "活頁簿是以唯讀方式開啟的，無法寫入考核表。請另存一份或以可編輯方式開啟後再試。沒有改動任何表。",
    InvalidOperation:
      "Excel 不允許這個操作：活頁簿的結構可能受保護（校閱 → 保護活頁簿），或者檔案是唯讀的。請取消保護或以可編輯方式開啟後再試。",
    ItemNotFound: "產生過程中有工作表被改名或刪除了。請不要在產生時改動工作表，再點一次產生。",
    ItemAlreadyExists: "活頁簿裡已經有同名的工作表（可能是剛剛手動新增的）。請把它改名後再點產生。",
    RequestPayloadSizeLimitExceeded:
      "這次要寫入的資料超過了 Excel 網頁版單次請求的上限（5 MB）。請再點一次產生；如果依舊，請在桌面版 Excel 裡產生。",
    GeneralException:
      "Excel 內部出錯（可能是網路中斷或 Excel 正忙）。請稍等片刻再點產生；已寫入的考核表會在下次產生時整表重寫。",
  },
  "en-US": {
    InvalidOperationInCellEditMode: "Excel is editing a cell: press Enter or Esc first, then generate.",
    AccessDenied:
      "Excel refused the write: the workbook or a sheet is protected, or you may not edit it. Unprotect it or get edit access, then try again.",
    WorkbookStructureProtected:
      "The workbook's structure is protected, so the scorecard tabs cannot be added or rewritten. Unprotect it (Review → Protect Workbook) and try again. Nothing was changed.",
    WorkbookReadOnly:
      "The workbook is open read-only, so the scorecard tabs cannot be written. Save a copy or open it for editing, then try again. Nothing was changed.",
    InvalidOperation:
      "Excel refused the operation: the workbook's structure may be protected (Review → Protect Workbook) or the file is read-only. Unprotect it or open it for editing, then try again.",
    ItemNotFound: "A sheet was renamed or deleted while generating. Leave the sheets as they are and generate again.",
    ItemAlreadyExists:
      "The workbook already has a sheet with that name (perhaps just added by hand). Rename it and generate again.",
    RequestPayloadSizeLimitExceeded:
      "This write is over Excel on the web's 5 MB limit for one request. Generate again; if it persists, generate in desktop Excel.",
    GeneralException:
      "Excel reported an internal error (a lost connection, or Excel was busy). Wait a moment and generate again; tabs already written are rewritten in full next time.",
  },
};

/** The Office error code of an exception, if it has one we explain. */
export function officeErrorCode(e: unknown): Code | null {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === "string" ? err.code : "";
  if (code in MESSAGES["zh-CN"]) return code as Code;
  if (/PayloadSizeLimitExceeded/.test(`${code} ${String(err?.message ?? "")}`))
    return "RequestPayloadSizeLimitExceeded";
  return null;
}

/** An exception as a sentence a shop manager can act on. */
export function explainError(e: unknown, t: Strings): string {
  const code = officeErrorCode(e);
  if (code) return MESSAGES[t.lang][code];
  const err = e as { message?: string } | null;
  return `${t.errorGeneric}${err?.message ?? String(e)}`;
}
