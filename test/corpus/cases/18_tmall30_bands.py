"""tmall-30 arithmetic on plain sheets (xlsxwriter): a KPI sheet whose month is in its title cell, and a
deductions register where the 类型 and the free text agree, so the case tests the rules and the bands
(25 / 20 / 15 lines, bonus cuts, 留司查看), not the reading."""
import datetime as dt
import xlsxwriter

SALES = [("王五", 150000), ("赵六", 120000), ("孙七", 90000), ("周八", 60000), ("吴九", 45000), ("郑十", 30000)]
EVENTS = (
    [("赵六", "态度", "顾客投诉服务态度差")] * 6
    + [("孙七", "重大失误", "重大失误：发错批次造成重大损失")] * 2
    + [("周八", "推卸责任", "推卸责任，把自己的售后纠纷推给同事")] * 4
    + [("周八", "私自降价", "私自给顾客大额优惠")] * 2
    + [("吴九", "备注不清", "订单备注不清导致售后问题")] * 3
    + [("吴九", "私自降价", "私自降价促成交")] * 3
    + [("郑十", "态度", "服务态度差被顾客投诉")] * 12
)


def build(path):
    wb = xlsxwriter.Workbook(path)
    k = wb.add_worksheet("绩效")
    k.write_string(0, 0, "2026年10月 客服销售绩效")
    k.write_row(1, 0, ["姓名", "销售额", "询单转化率"])
    for r, (name, sales) in enumerate(SALES, start=2):
        k.write_row(r, 0, [name, sales, 0.35])
    c = wb.add_worksheet("扣分登记")
    c.write_row(0, 0, ["日期", "客服", "类型", "情况说明", "是否查实"])
    fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    for r, (name, kind, text) in enumerate(EVENTS, start=1):
        c.write_datetime(r, 0, dt.datetime(2026, 10, 12 + r % 17), fmt)
        c.write_row(r, 1, [name, kind, text, "是"])
    wb.close()
