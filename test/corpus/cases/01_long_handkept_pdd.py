"""Hand-kept long attendance sheet (openpyxl): merged title, 序号/备注 columns, names with trailing
spaces and a `旗舰店:小王` sub-account, dates as real dates and as text, a SUM total row."""
import datetime as dt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROWS = [
    # date, name, status, late minutes, remark
    (dt.date(2026, 10, 12), "小王", "迟到", 10, ""),
    ("2026/10/14", "小王 ", "迟到", 45, "地铁故障"),
    ("10月15日", "旗舰店:小王", "迟到", 30, "堵车，刚好半小时"),
    (dt.date(2026, 10, 20), "小王", "请假", None, "事假，已找组长批"),
    (dt.date(2026, 10, 13), "李娜", "病假", None, "发烧"),
    (dt.date(2026, 10, 16), "李娜", "事假", None, ""),
    (dt.date(2026, 10, 19), "李娜 ", "请假", None, ""),
    (dt.date(2026, 10, 21), "李娜", "调休", None, "和小王换班"),
    (dt.date(2026, 10, 22), "李娜", "年假", None, "年假一天"),
    (dt.date(2026, 10, 23), "李娜", "请假", None, "家里有事"),
    (dt.date(2026, 10, 27), "李娜", "出差", None, "去仓库盘点"),
    (dt.date(2026, 10, 26), "陈静", "旷工", None, "没来也没请假"),
    (dt.date(2026, 10, 28), "陈静", "迟到", 5, ""),
    (dt.date(2026, 10, 29), "周杰", "未打卡", None, "忘记打卡"),
    (dt.date(2026, 10, 30), "周杰", "正常", None, ""),
]


def build(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "10月考勤"
    ws.merge_cells("A1:F1")
    ws["A1"] = "杭州某某旗舰店 客服部 2026年10月 考勤登记表"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append([])
    ws.append(["序号", "日期", "姓名", "状态", "迟到(分钟)", "备注"])
    for i, (d, name, status, minutes, remark) in enumerate(ROWS, start=1):
        ws.append([i, d, name, status, minutes, remark or None])
        if isinstance(d, dt.date):
            ws.cell(row=ws.max_row, column=2).number_format = "yyyy/m/d"
    last = ws.max_row
    ws.append(["合计", None, None, None, f"=SUM(E4:E{last})", None])
    wb.save(path)
