"""tmall-130 (xlsxwriter): a grades sheet with the four graded items (售后客服素质, 投诉维权举报退款纠纷, 配合度,
执行力) as 优/良/中/差, a long attendance sheet (late / leave / 旷工 / 年假), and a 中差评 register with
低质评价, verified complaints whose 扣分 is blank or written, praise, and an unverified complaint."""
import datetime as dt
import xlsxwriter

GRADES = [("林小雨", "优", "优", "良", "优"), ("高远", "中", "良", "差", "中"), ("苏晴", "良", "良", "中", "中")]
ATTENDANCE = [
    (13, "林小雨", "迟到"),
    (12, "高远", "旷工"), (14, "高远", "迟到"), (15, "高远", "迟到"), (16, "高远", "迟到"),
    (19, "苏晴", "请假"), (20, "苏晴", "年假"), (21, "苏晴", "年假"),
]
REVIEWS = [
    # date, agent, 类型, 内容, 是否查实, 扣分
    (14, "林小雨", "表扬", "买家追评表扬客服耐心", "是", None),
    (15, "高远", "低质评价", "售后回复慢导致低质评价", "是", None),
    (16, "高远", "投诉", "顾客投诉售后态度差", "是", None),
    (22, "高远", "投诉", "买家投诉到平台，退款纠纷", "是", "10"),
    (12, "苏晴", "低质评价", "低质评价：售后处理慢", "是", None),
    (19, "苏晴", "低质评价", "售后没跟进，买家给了低质评价", "是", None),
    (20, "苏晴", "表扬", "顾客表扬售后处理快", "是", None),
    (23, "苏晴", "表扬", "买家追评感谢售后", "是", None),
    (26, "苏晴", "表扬", "顾客好评点名表扬", "是", None),
    (27, "苏晴", "投诉", "顾客投诉退款慢", "否", None),
]


def build(path):
    wb = xlsxwriter.Workbook(path)
    dfmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    g = wb.add_worksheet("10月KPI评分")
    g.write_row(0, 0, ["姓名", "售后客服素质", "投诉维权举报退款纠纷", "配合度", "执行力", "考评人"])
    for r, row in enumerate(GRADES, start=1):
        g.write_row(r, 0, list(row) + ["主管"])
    a = wb.add_worksheet("10月考勤")
    a.write_row(0, 0, ["日期", "姓名", "状态"])
    for r, (d, name, status) in enumerate(ATTENDANCE, start=1):
        a.write_datetime(r, 0, dt.datetime(2026, 10, d), dfmt)
        a.write_row(r, 1, [name, status])
    c = wb.add_worksheet("中差评登记")
    c.write_row(0, 0, ["日期", "客服", "类型", "内容", "是否查实", "扣分"])
    for r, (d, name, kind, text, ok, pts) in enumerate(REVIEWS, start=1):
        c.write_datetime(r, 0, dt.datetime(2026, 10, d), dfmt)
        c.write_row(r, 1, [name, kind, text, ok])
        if pts:
            c.write_string(r, 5, pts)
    wb.close()
