"""Names through a roster (openpyxl): a 花名册 with text 工号 keeping their zeros ("007") and 旺旺 sub-accounts;
an attendance sheet where the same person appears as 小王, as 工号 7 typed as a number with no name, and as her
sub-account `旗舰店:wang`; a trailing-space 李娜; and 王小明, who is nobody on the roster."""
import datetime as dt
from openpyxl import Workbook

ROSTER = [("小王", "007", "旗舰店:wang", "售前组"), ("李娜", "012", "旗舰店:lina", "售前组")]
ROWS = [
    # date, 工号, 姓名, 状态, 备注
    (12, None, "小王", "迟到", ""),
    (13, 7, None, "迟到", "只写了工号"),
    (14, None, "旗舰店:wang", "旷工", "按旺旺记的"),
    (15, None, "李娜 ", "迟到", ""),
    (16, 12, "李娜", "请假", ""),
    (19, None, "王小明", "迟到", "新来的？"),
]


def build(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["姓名", "工号", "旺旺", "组别"])
    for name, emp, ww, group in ROSTER:
        ws.append([name, emp, ww, group])
        ws.cell(row=ws.max_row, column=2).number_format = "@"
    a = wb.create_sheet("考勤")
    a.append(["日期", "工号", "姓名", "状态", "备注"])
    for d, emp, name, status, remark in ROWS:
        a.append([dt.date(2026, 10, d), emp, name, status, remark or None])
    wb.save(path)
