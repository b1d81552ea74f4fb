"""A complaints register typed by a manager (openpyxl): a 客服名单 roster, a title row, free-text reasons
(态度, 回复慢, a colleague's complaint, praise that mentions attitude, a quarrel between colleagues),
是否查实 是 / 否 / blank, and a name that is nobody on the roster."""
import datetime as dt
from openpyxl import Workbook

ROSTER = [("小王", "KF001", "售前组"), ("李娜", "KF002", "售前组"), ("陈静", "KF003", "售后组"),
          ("刘洋", "KF004", "售后组"), ("周杰", "KF005", "售后组")]
D = lambda d: dt.date(2026, 10, d)  # noqa: E731
ROWS = [
    # date, agent, order, reason, source, verified, status
    (D(12), "小王", "3398127750121", "买家说客服态度恶劣", "客户", "是", "已处理"),
    (D(15), "小王", "3398127750342", "态度不好，顾客投诉", "客户", "是", "已处理"),
    (D(22), "小王", "3398127750987", "服务态度差被投诉", "客户", "是", "已处理"),
    (D(13), "李娜", "3398127751001", "回复太慢被投诉", "客户", "是", "已处理"),
    (D(16), "李娜", "3398127751022", "未及时回复顾客消息", "客户", "是", "已处理"),
    (D(19), "李娜", None, "同事投诉：接电话不及时", "同事", "是", "已处理"),
    (D(20), "李娜", "3398127751309", "态度不好", "客户", "否", "已核实为误会"),
    (D(14), "陈静", "3398127752001", "顾客表扬态度好", "客户", "是", None),
    (D(21), "陈静", "3398127752044", "态度差", "客户", None, "待处理"),
    (D(23), "刘洋", None, "与同事吵架", "同事", "是", "已批评"),
    (D(12), "周杰", "3398127753001", "顾客投诉态度差", "客户", "是", "已处理"),
    (D(14), "周杰", "3398127753002", "服务态度恶劣", "客户", "是", "已处理"),
    (D(16), "周杰", "3398127753003", "对顾客态度很差", "客户", "是", "已处理"),
    (D(20), "周杰", "3398127753004", "态度差，买家给了差评", "客户", "是", "已处理"),
    (D(26), "周杰", "3398127753005", "顾客投诉服务态度不好", "客户", "是", "已处理"),
    (D(28), "周杰", "3398127753006", "回复慢", "客户", "是", "已处理"),
    (D(27), "王晓明", "3398127754001", "态度差", "客户", "是", "已处理"),
]


def build(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "客服名单"
    ws.append(["姓名", "工号", "组别"])
    for r in ROSTER:
        ws.append(list(r))
    c = wb.create_sheet("投诉登记")
    c["A1"] = "10月客户投诉登记"
    c.append(["日期", "客服", "订单号", "投诉原因", "来源", "是否查实", "处理状态"])
    for row in ROWS:
        c.append(list(row))
        if row[2]:
            c.cell(row=c.max_row, column=3).number_format = "@"
    wb.save(path)
