"""A sheet NAMED 罚款 that holds point records (openpyxl): 加分 / 扣分 columns and reasons a supervisor types
(未完成当日工作 with 1, blank or 0 points, an attitude complaint, a bonus point). The headers, not the name,
decide what it is: points on the 10-point scale, not yuan for the fund box."""
import datetime as dt
from openpyxl import Workbook

ROWS = [
    # date, name, 加分, 扣分, 事由, 记录人
    (12, "小王", None, 1, "未完成当日工作（日报没交）", "组长"),
    (19, "小王", None, None, "当天工作没做完", "组长"),
    (20, "李娜", None, 0, "未完成当日工作，口头批评", "组长"),
    (21, "李娜", None, 1, "顾客投诉态度恶劣", "主管"),
    (22, "陈静", 2, None, "主动加班处理售后", "主管"),
]


def build(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "罚款"
    ws.append(["日期", "姓名", "加分", "扣分", "事由", "记录人"])
    for d, name, plus, minus, reason, who in ROWS:
        ws.append([dt.date(2026, 10, d), name, plus, minus, reason, who])
        ws.cell(row=ws.max_row, column=1).number_format = "yyyy-mm-dd"
    wb.save(path)
