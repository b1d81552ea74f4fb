"""Last month's template reused (xlsxwriter): the October register still sits on a sheet named 9月考勤 under an
A1 title `2026年9月考勤`, while every row carries a full October date; the real September register is kept on
another sheet with two 旷工 that must not leak into October."""
import datetime as dt
import xlsxwriter

SEPTEMBER = [(15, "小明", "旷工"), (16, "小明", "旷工"), (17, "小红", "迟到")]
OCTOBER = [(13, "小明", "迟到"), (14, "小明", "迟到"), (15, "小红", "旷工"), (16, "小红", "正常")]


def sheet(wb, name, title, month, rows):
    ws = wb.add_worksheet(name)
    fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_string(0, 0, title)
    ws.write_row(1, 0, ["日期", "姓名", "状态"])
    for r, (d, who, status) in enumerate(rows, start=2):
        ws.write_datetime(r, 0, dt.datetime(2026, month, d), fmt)
        ws.write_row(r, 1, [who, status])


def build(path):
    wb = xlsxwriter.Workbook(path)
    sheet(wb, "9月", "2026年9月考勤", 9, SEPTEMBER)
    sheet(wb, "9月考勤", "2026年9月考勤", 10, OCTOBER)
    wb.close()
