"""tmall-vouchers (openpyxl): a roster with 班组, a voucher register (suggestions, a sales case shared at the
weekly meeting, answers in the team group, the week's work done on time) and an after-sale register where one
agent's unhandled problem fines her whole 班组 and another's unfollowed dispute fines only him."""
import datetime as dt
from openpyxl import Workbook

ROSTER = [("甲丽", "售后一组"), ("乙强", "售后一组"), ("丙雪", "售后一组"), ("丁一", "售后二组"), ("戊辰", "售后二组")]
VOUCHERS = [
    (12, "甲丽", "提出退货流程优化建议被采纳", 5),
    (16, "乙强", "周例会分享高客单成交案例", 8),
    (21, "乙强", "群里积极解答同事问题", 4),
    (16, "丁一", "本周工作按时完成", 3),
    (23, "丁一", "本周工作按时完成", 3),
]
AFTER_SALE = [
    (14, "丙雪", "售后问题未处理，买家差评并投诉到平台，造成恶劣影响", "是"),
    (20, "丁一", "纠纷未跟进到底，也没有上报", "是"),
]


def build(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "人员"
    ws.append(["姓名", "班组", "岗位"])
    for name, group in ROSTER:
        ws.append([name, group, "售后"])
    v = wb.create_sheet("激励券登记")
    v.append(["日期", "姓名", "事项", "激励券"])
    for d, name, what, n in VOUCHERS:
        v.append([dt.date(2026, 10, d), name, what, n])
    a = wb.create_sheet("售后问题")
    a.append(["日期", "客服", "问题描述", "是否查实"])
    for d, name, what, ok in AFTER_SALE:
        a.append([dt.date(2026, 10, d), name, what, ok])
    wb.save(path)
