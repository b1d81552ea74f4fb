"""A plain matrix (openpyxl) whose month is only in a spaced cell `2026 年 10 月`, day numbers without a weekday
row, typed (not formula) totals of which one disagrees with the day cells, a symbol that is in no legend (？),
and a legend row at the bottom."""
from openpyxl import Workbook
from casekit import days_of, is_weekend

MARKS = {"小周": {13: "※", 14: "※", 15: "※"}, "小吴": {20: "○", 21: "？", 22: "×"}}
TYPED_TOTALS = {"小周": (2, 0, 0), "小吴": (0, 1, 1)}  # 迟到 事假 旷工 as the manager typed them; 小周's 迟到 is wrong


def build(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "10月出勤"
    ws["A1"] = "2026 年 10 月"
    ws["C1"] = "客服部出勤表"
    days = list(days_of(10))
    ws.append([])
    ws.append(["姓名"] + [None] + [d.day for d in days] + ["迟到", "事假", "旷工"])
    for name, marks in MARKS.items():
        row = [name, None]
        for d in days:
            row.append(None if is_weekend(d) or d.day <= 7 else marks.get(d.day, "√"))
        ws.append(row + list(TYPED_TOTALS[name]))
    ws.append([])
    ws.append(["注：√出勤 ○事假 ※迟到 ×旷工"])
    wb.save(path)
