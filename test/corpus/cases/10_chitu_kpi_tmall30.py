"""A 赤兔 (Qianniu) custom KPI report (xlsxwriter) beside a reviews sheet, scored with tmall-30: 客服昵称 as
`shop:name` sub-accounts, 平均响应(秒), 询单->最终付款转化率, 销售额, the five 服务满意度评价 columns, a
`延迟统计` cell, 汇总 and 均值 rows at the bottom (the 汇总 row has the biggest sales of all), and the date
range only in the file name, as 赤兔 names its exports."""
import datetime as dt
import xlsxwriter

FILENAME = "自定义报表_某某旗舰店_2026-10-01至2026-10-31.xlsx"
HEAD = ["客服昵称", "接待人数", "询单人数", "平均响应(秒)", "首次响应(秒)", "回复率", "询单->最终付款转化率",
        "销售额", "销售量", "销售人数", "上班天数", "服务满意度评价很满意", "服务满意度评价满意",
        "服务满意度评价一般", "服务满意度评价不满", "服务满意度评价很不满", "客户满意率"]
KPI = [
    ("某某旗舰店:小美", 1520, 610, 18.2, 9.5, 0.992, 0.4213, 128560.50, 802, 590, 22, 120, 40, 3, 1, 0, 0.9756),
    ("某某旗舰店:阿杰", 1380, 540, 25.7, 12.1, 0.985, 0.3856, 96300.00, 610, 470, 22, 98, 37, 6, 2, 1, 0.9310),
    ("某某旗舰店:阿花", 1210, 500, 22.4, 10.8, 0.990, 0.3620, 80215.00, 530, 400, 21, 90, 30, 4, 0, 0, 0.9677),
    ("某某旗舰店:大鹏", 1105, 470, 30.1, 15.6, 0.979, 0.3511, 80215.00, 515, 388, 22, 85, 33, 5, 2, 0, 0.9440),
    ("某某旗舰店:小七", 640, 220, 41.9, 20.3, 0.951, "延迟统计", 30110.20, 190, 150, 15, 40, 12, 2, 1, 1, 0.8966),
]
REVIEWS = [
    # date, 客服, 类型, 内容, 是否查实
    (12, "阿杰", "投诉", "服务态度差", "是"),
    (15, "阿杰", "投诉", "态度冷淡被投诉", "是"),
    (20, "阿杰", "投诉", "顾客投诉态度不好", "是"),
    (27, "阿杰", "投诉", "态度差，买家要求换客服", "是"),
    (16, "阿花", "投诉", "顾客投诉态度不好", "是"),
    (13, "大鹏", "违规", "私自给顾客大额优惠促成交", "是"),
    (22, "大鹏", "违规", "私自给老客大额优惠", "是"),
    (23, "小七", "重大失误", "改错价格造成重大损失", "是"),
]


def build(path):
    wb = xlsxwriter.Workbook(path)
    pct = wb.add_format({"num_format": "0.00%"})
    money = wb.add_format({"num_format": "#,##0.00"})
    ws = wb.add_worksheet("自定义报表")
    ws.write_row(0, 0, HEAD)
    for r, row in enumerate(KPI, start=1):
        for c, v in enumerate(row):
            if isinstance(v, str):
                ws.write_string(r, c, v)
            elif HEAD[c] in ("回复率", "询单->最终付款转化率", "客户满意率"):
                ws.write_number(r, c, v, pct)
            elif HEAD[c] == "销售额":
                ws.write_number(r, c, v, money)
            else:
                ws.write_number(r, c, v)
    n = len(KPI)
    for label, fn in (("汇总", "SUM"), ("均值", "AVERAGE")):
        r = ws.dim_rowmax + 1
        ws.write_string(r, 0, label)
        for c in range(1, len(HEAD)):
            col = xlsxwriter.utility.xl_col_to_name(c)
            values = [row[c] for row in KPI if not isinstance(row[c], str)]
            cached = sum(values) if fn == "SUM" else sum(values) / len(values)
            ws.write_formula(r, c, f"={fn}({col}2:{col}{n + 1})", money if HEAD[c] == "销售额" else None, cached)
    rv = wb.add_worksheet("评价登记")
    rv.write_row(0, 0, ["日期", "客服", "类型", "内容", "是否查实"])
    for r, (d, who, kind, text, ok) in enumerate(REVIEWS, start=1):
        rv.write_datetime(r, 0, dt.datetime(2026, 10, d), wb.add_format({"num_format": "yyyy/m/d"}))
        rv.write_row(r, 1, [who, kind, text, ok])
    wb.close()
