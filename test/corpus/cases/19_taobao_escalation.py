"""taobao-fines escalation on one fines register (openpyxl): handover misses 10 → 20 → 40 with dismissal at the
third, a buyer complaint with 30 元 written by the manager (taken as written, still the first of the month),
unrelated activity and an uncleaned desk at 10 each, a sale without the 工号 remark (no fine), a 30 元 reward."""
import datetime as dt
from openpyxl import Workbook

ROWS = [
    # day, name, reason, amount, type
    (12, "甲", "未交接，晚班不知道要补发", None, "罚款"),
    (19, "甲", "交接遗漏，晚班不知情", None, "罚款"),
    (26, "甲", "又一次未交接", None, "罚款"),
    (13, "乙", "上班时间看电视剧", None, "罚款"),
    (20, "乙", "上班玩游戏", None, "罚款"),
    (21, "乙", "下班没清洁桌面", None, "罚款"),
    (14, "丙", "买家投诉服务态度差", "30元", "罚款"),
    (27, "丙", "买家投诉回复敷衍", None, "罚款"),
    (15, "丁", "订单没备注工号", None, "罚款"),
    (22, "丁", "建议被采纳：优化快捷短语", "30", "奖励"),
]


def build(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "10月罚款登记"
    ws.append(["日期", "姓名", "原因", "金额(元)", "类型"])
    for d, name, reason, amount, kind in ROWS:
        ws.append([dt.date(2026, 10, d), name, reason, amount, kind])
    wb.save(path)
