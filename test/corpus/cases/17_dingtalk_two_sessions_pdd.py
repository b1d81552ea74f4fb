"""A newer DingTalk 每日统计 with two sessions a day (openpyxl): headers written with spaces (`上班 1 打卡时间`),
a split shift, lates in both sessions of one day, 补卡审批通过, an administrator's change to normal, 外勤,
missed punches in both halves of the second session, a rest-day row with a punch, and 旷工迟到."""
from openpyxl import Workbook
from casekit import days_of, weekday_char, is_weekend

SHIFT = "两头班 09:00-12:00 13:30-18:00"
OK = ("08:5{}", "正常", "12:0{}", "正常", "13:2{}", "正常", "18:0{}", "正常")
SPECIAL = {
    ("曹操", 12): ("09:10", "迟到", "12:00", "正常", "13:50", "迟到", "18:00", "正常"),
    ("曹操", 13): ("09:20", "迟到", "12:01", "正常", "14:05", "严重迟到", "18:02", "正常"),
    ("曹操", 14): ("--", "补卡审批通过", "12:00", "正常", "13:25", "正常", "18:00", "正常"),
    ("曹操", 15): ("09:40", "管理员王主管改为正常", "12:00", "正常", "13:20", "正常", "18:01", "正常"),
    ("曹操", 16): ("08:55", "正常", "12:00", "正常", "--", "缺卡", "--", "缺卡"),
    ("刘备", 19): ("08:40", "外勤", "12:00", "外勤", "13:20", "外勤", "18:10", "外勤"),
    ("刘备", 21): ("11:50", "旷工迟到", "12:00", "正常", "13:25", "正常", "18:00", "正常"),
}
REST_PUNCH = {("刘备", 24): ("10:02", "正常", "--", "--", "--", "--", "16:00", "正常")}
HEAD = ["姓名", "工号", "部门", "日期", "星期", "班次",
        "上班 1 打卡时间", "上班 1 打卡结果", "下班 1 打卡时间", "下班 1 打卡结果",
        "上班 2 打卡时间", "上班 2 打卡结果", "下班 2 打卡时间", "下班 2 打卡结果", "关联的审批单"]


def build(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "每日统计"
    ws["A1"] = "每日统计 2026-10-01 至 2026-10-31"
    ws.append(HEAD)
    for emp, name in (("00101", "曹操"), ("00102", "刘备")):
        for d in days_of(10):
            rest = is_weekend(d) or d.day <= 7
            if rest:
                vals = REST_PUNCH.get((name, d.day), ("--", "休息", "--", "休息", "--", "休息", "--", "休息"))
            else:
                vals = SPECIAL.get((name, d.day)) or tuple(v.format(d.day % 10) for v in OK)
            approval = "外勤 10-19 全天" if (name, d.day) == ("刘备", 19) else "--"
            ws.append([name, emp, "客服部", f"2026-10-{d.day:02d}", "星期" + weekday_char(d),
                       "休息" if rest else SHIFT, *vals, approval])
    wb.save(path)
