"""A November matrix written by xlsxwriter: one row per agent, day headers are date serials shown as the day
number, the weekday row BELOW the day row, letter symbols defined by a 说明 legend (L迟到 Z早退 Q请假 T调休
X旷工 C出差 N年假), and the sheet's own COUNTIF columns with cached results."""
import datetime as dt
import xlsxwriter
from casekit import days_of, weekday_char, is_weekend

MARKS = {
    "赵敏": {3: "L", 5: "L", 10: "L", 12: "L", 16: "T", 17: "Q", 18: "Q", 19: "T"},
    "钱多多": {9: "X", 10: "X", 20: "Z"},
    "孙悦": {2: "Q", 3: "Q", 4: "Q", 5: "Q", 6: "Q", 9: "Q", 23: "N", 24: "N", 25: "N", 26: "N", 27: "N", 30: "C"},
}
COUNTED = [("迟到", "L"), ("早退", "Z"), ("请假", "Q"), ("旷工", "X")]


def build(path):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("11月")
    title = wb.add_format({"bold": True, "font_size": 16, "align": "center"})
    day_fmt = wb.add_format({"num_format": "d", "align": "center"})
    days = list(days_of(11))
    first = 2  # column C
    last = first + len(days) - 1
    ws.merge_range(0, 0, 0, last + len(COUNTED) + 1, "2026年11月考勤表", title)
    ws.write_string(2, 0, "序号")
    ws.write_string(2, 1, "姓名")
    for i, d in enumerate(days):
        ws.write_datetime(2, first + i, dt.datetime(d.year, d.month, d.day), day_fmt)
        ws.write_string(3, first + i, weekday_char(d))
    for k, (label, _) in enumerate(COUNTED):
        ws.write_string(2, last + 1 + k, label)
    ws.write_string(2, last + 1 + len(COUNTED), "备注")
    for n, (name, marks) in enumerate(MARKS.items()):
        r = 4 + n
        ws.write_number(r, 0, n + 1)
        ws.write_string(r, 1, name)
        for i, d in enumerate(days):
            if not is_weekend(d):
                ws.write_string(r, first + i, marks.get(d.day, "√"))
        rng = xlsxwriter.utility.xl_range(r, first, r, last)
        for k, (_, sym) in enumerate(COUNTED):
            cached = sum(1 for s in marks.values() if s == sym)
            ws.write_formula(r, last + 1 + k, f'=COUNTIF({rng},"{sym}")', None, cached)
    ws.write_string(4 + 1, last + 1 + len(COUNTED), "两天没来，电话联系不上")
    legend_row = 4 + len(MARKS) + 1
    ws.write_string(legend_row, 0, "说明：√正常  L迟到  Z早退  Q请假  T调休  X旷工  C出差  N年假")
    wb.close()
