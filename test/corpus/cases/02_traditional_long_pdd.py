"""Traditional-character hand-kept sheet (xlsxwriter): 考勤記錄 / 姓名 / 狀態 / 遲到分鐘 / 備註, a plain title
row, dates written as full-width digits, dotted dates, 10月15日 and real dates; minutes as 31分鐘 and 0:20."""
import datetime as dt
import xlsxwriter

ROWS = [
    (dt.date(2026, 10, 13), "張偉", "遲到", 12, ""),
    ("２０２６/10/14", "張偉", "遲到", 8, ""),
    ("2026.10.15", "張偉", "曠工", None, "電話不接"),
    (dt.date(2026, 10, 19), "黃麗", "事假", None, ""),
    ("10月20日", "黃麗", "事假", None, ""),
    ("2026.10.21", "黃麗", "病假", None, "看醫生"),
    (dt.date(2026, 10, 22), "黃麗", "請假", None, ""),
    (dt.date(2026, 10, 23), "黃麗", "請假", None, ""),
    (dt.date(2026, 10, 26), "黃麗", "請假", None, ""),
    (dt.date(2026, 10, 27), "黃麗", "早退", None, "提前一小時走"),
    ("2026.10.28", "林志明", "遲到", 45, ""),
    ("10月29日", "林志明", "遲到", "31分鐘", ""),
    (dt.date(2026, 10, 30), "林志明", "遲到", 5, ""),
    (dt.date(2026, 10, 12), "林志明", "遲到", "0:20", "公車誤點"),
]


def build(path):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("考勤記錄")
    date_fmt = wb.add_format({"num_format": "yyyy年m月d日"})
    ws.write(0, 0, "十月份出勤登記（客服組）")
    ws.write_row(1, 0, ["日期", "姓名", "狀態", "遲到分鐘", "備註"])
    for r, (d, name, status, minutes, remark) in enumerate(ROWS, start=2):
        if isinstance(d, dt.date):
            ws.write_datetime(r, 0, dt.datetime(d.year, d.month, d.day), date_fmt)
        else:
            ws.write_string(r, 0, d)
        ws.write_string(r, 1, name)
        ws.write_string(r, 2, status)
        if isinstance(minutes, int):
            ws.write_number(r, 3, minutes)
        elif minutes:
            ws.write_string(r, 3, minutes)
        if remark:
            ws.write_string(r, 4, remark)
    wb.close()
