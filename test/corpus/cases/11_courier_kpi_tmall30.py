"""Courier incidents, a KPI sheet and reviews (openpyxl), scored with tmall-30: 快递公司 written with variants
(圆通 / 圆通速递, 中通 / 中通快递, 韵达 / 韵达快递, 极兔速递), 运单号 as long digit text, amounts 20元 and ¥45.50,
a September incident, 错发/漏发 whose 责任方 is the agent (her unclear remark), a KPI sheet with 汇总 and 均值
rows below the agents, and praise for an agent's attitude."""
import datetime as dt
from openpyxl import Workbook

COURIER = [
    # date, 运单号, 快递公司, 问题类型, 金额, 责任方, 责任人, 状态
    (dt.date(2026, 9, 28), "75311112222333", "中通快递", "丢件", 25, "快递", None, "已理赔"),
    (dt.date(2026, 10, 3), "773012345678901", "圆通速递", "丢件", 30, "快递", None, "已理赔"),
    (dt.date(2026, 10, 8), "YT5566778899001", "圆通", "破损", "20元", "快递", None, "待扣款"),
    (dt.date(2026, 10, 12), "75312345678901", "中通快递", "延误", None, "快递", None, "已处理"),
    (dt.date(2026, 10, 15), "75398765432101", "中通", "丢件", "¥45.50", "快递", None, "待扣款"),
    (dt.date(2026, 10, 20), "4312345678901", "韵达", "错发", None, "客服", "小美", "已补发"),
    (dt.date(2026, 10, 22), "4312345678999", "韵达快递", "漏发", None, "客服", "小美", "已补发"),
    (dt.date(2026, 10, 26), "JT0012345678901", "极兔速递", "丢件", 60, "快递", None, "待扣款"),
]
KPI = [("旗舰店:小美", 410, 50000), ("旗舰店:阿杰", 520, 88000), ("旗舰店:阿花", 450, 61000),
       ("旗舰店:大鹏", 300, 40000)]
REVIEWS = [
    (dt.date(2026, 10, 14), "小美", "顾客表扬态度好", "是"),
    (dt.date(2026, 10, 18), "阿杰", "顾客投诉态度差", "是"),
]


def build(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "快递异常登记"
    ws.append(["日期", "运单号", "快递公司", "问题类型", "理赔金额", "责任方", "责任人", "状态"])
    for row in COURIER:
        ws.append(list(row))
        ws.cell(row=ws.max_row, column=1).number_format = "yyyy-mm-dd"
        ws.cell(row=ws.max_row, column=2).number_format = "@"
    k = wb.create_sheet("10月客服数据")
    k.append(["客服昵称", "接待人数", "销售额", "询单->最终付款转化率", "平均响应(秒)"])
    for name, served, sales in KPI:
        k.append([name, served, sales, round(sales / served / 1000, 4), 20.5])
    k.append(["汇总", sum(r[1] for r in KPI), sum(r[2] for r in KPI), None, None])
    k.append(["均值", sum(r[1] for r in KPI) / len(KPI), sum(r[2] for r in KPI) / len(KPI), None, 20.5])
    r = wb.create_sheet("评价")
    r.append(["日期", "客服", "评价内容", "是否查实"])
    for row in REVIEWS:
        r.append(list(row))
    wb.save(path)
