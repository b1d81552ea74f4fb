/**
 * Why a file cannot be used, as one line a shop manager reads (Chinese) with the English key phrase
 * a search or a script can match. Every reading failure of the file adapter is one of these.
 */
export type FileProblem =
  | "empty"
  | "password"
  | "not-workbook"
  | "damaged"
  | "too-large"
  | "directory"
  | "not-regular"
  | "missing"
  | "unwritable";

const TEXT: Record<FileProblem, string> = {
  empty: "文件是空的 (empty file)",
  password: "文件有密码保护，请在 Excel 里取消密码后再试 (password protected)",
  "not-workbook": "不是 Excel/WPS 工作簿、CSV 或 ODS 文件 (not a workbook)",
  damaged: "工作簿已损坏，无法读取；请用 Excel 或 WPS 打开后另存为 .xlsx 再试 (damaged workbook)",
  "too-large": "文件太大，超过 512 MB (file too large)",
  directory: "这是一个文件夹，不是文件 (is a directory)",
  "not-regular": "不是普通文件 (not a regular file)",
  missing: "找不到文件或没有读取权限 (no such file or not readable)",
  unwritable: "无法写入输出文件 (cannot write the output file)",
};

export class FileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly detail?: string,
  ) {
    super(detail ? `${TEXT[problem]}: ${detail}` : TEXT[problem]);
  }
}

/** Files above this are refused before they are read: a month of a shop's sheets is a few MB. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
