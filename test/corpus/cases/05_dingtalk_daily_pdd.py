"""A DingTalk 每日统计 export (xlsxwriter): two title rows, a two-row header (基础信息 / 打卡结果 / 统计 over the
field headers), every calendar day for everyone including 休息 rows, dates as `26-10-12 星期一`, `--` for empty,
上班1/下班1 打卡时间 and 打卡结果 (正常 迟到 严重迟到 旷工迟到 早退 缺卡), 关联的审批单 texts, text-stored 工号 with
leading zeros, and a resigned person marked `冯雪（已离职）` whose rows stop when she left."""
import xlsxwriter
from casekit import days_of, weekday_char, is_weekend

SHIFT = "早班 09:00-18:00"
AGENTS = [("吴芳", "0012"), ("郑凯", "0015"), ("何琳", "0021"), ("冯雪（已离职）", "0030")]
NORMAL = ("08:5{}", "正常", "18:0{}", "正常", "", 0, 0, 0, 0)
# (agent, day) -> (in time, in result, out time, out result, approval, late count, late minutes, missing count, absent days)
SPECIAL = {
    ("吴芳", 12): ("09:12", "迟到", "18:01", "正常", "", 1, 12, 0, 0),
    ("吴芳", 13): ("09:41", "严重迟到", "18:03", "正常", "", 1, 41, 0, 0),
    ("吴芳", 14): ("--", "缺卡", "18:05", "正常", "", 0, 0, 1, 0),
    ("吴芳", 15): ("--", "缺卡", "--", "缺卡", "事假 10-15 09:00到10-15 18:00 8小时", 0, 0, 2, 0),
    ("吴芳", 16): ("--", "--", "--", "--", "事假 10-16 09:00到10-16 18:00 8小时", 0, 0, 0, 0),
    ("吴芳", 20): ("--", "--", "--", "--", "调休 10-20 09:00到10-20 18:00 8小时", 0, 0, 0, 0),
    ("郑凯", 19): ("09:20", "迟到", "17:30", "早退", "", 1, 20, 0, 0),
    ("郑凯", 20): ("09:50", "严重迟到", "18:00", "正常", "", 1, 50, 0, 0),
    ("郑凯", 21): ("11:40", "旷工迟到", "18:02", "正常", "", 1, 160, 0, 1),
    ("何琳", 22): ("08:55", "正常", "--", "缺卡", "调休 10-22 14:00到10-22 18:00 4小时", 0, 0, 1, 0),
    ("何琳", 26): ("--", "--", "--", "--", "出差 10-26 09:00到10-28 18:00 3天", 0, 0, 0, 0),
    ("何琳", 27): ("--", "--", "--", "--", "出差 10-26 09:00到10-28 18:00 3天", 0, 0, 0, 0),
    ("何琳", 28): ("--", "--", "--", "--", "出差 10-26 09:00到10-28 18:00 3天", 0, 0, 0, 0),
    ("何琳", 29): ("09:45", "迟到", "18:00", "正常", "事假 10-29 09:00到10-29 10:00 1小时", 1, 45, 0, 0),
    ("冯雪（已离职）", 13): ("09:05", "迟到", "18:00", "正常", "", 1, 5, 0, 0),
}
LEFT_AFTER = {"冯雪（已离职）": 16}
HEAD = ["姓名", "考勤组", "部门", "工号", "职位", "UserId", "日期", "班次",
        "上班1打卡时间", "上班1打卡结果", "下班1打卡时间", "下班1打卡结果", "关联的审批单",
        "迟到次数", "迟到时长(分钟)", "缺卡次数", "旷工天数"]


def build(path):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("每日统计")
    bold = wb.add_format({"bold": True, "align": "center", "valign": "vcenter"})
    ws.write_string(0, 0, "每日统计 统计日期：2026-10-01 至 2026-10-31")
    ws.write_string(1, 0, "报表生成时间：2026-11-01 09:12")
    ws.merge_range(2, 0, 2, 7, "基础信息", bold)
    ws.merge_range(2, 8, 2, 12, "打卡结果", bold)
    ws.merge_range(2, 13, 2, 16, "统计", bold)
    ws.write_row(3, 0, HEAD, bold)
    r = 4
    for name, emp in AGENTS:
        for d in days_of(10):
            if d.day > LEFT_AFTER.get(name, 31):
                break
            rest = is_weekend(d) or d.day <= 7
            if rest:
                vals = ("--", "休息", "--", "休息", "", 0, 0, 0, 0)
            else:
                vals = SPECIAL.get((name, d.day))
                if vals is None:
                    n = d.day % 10
                    vals = (NORMAL[0].format(n), "正常", NORMAL[2].format(n), "正常", "", 0, 0, 0, 0)
            row = [name, "客服考勤组", "客服部", emp, "客服专员", "uid" + emp,
                   f"26-10-{d.day:02d} 星期{weekday_char(d)}", "休息" if rest else SHIFT,
                   vals[0], vals[1], vals[2], vals[3], vals[4] or "--"]
            for c, v in enumerate(row):
                ws.write_string(r, c, v)
            for c, v in enumerate(vals[5:]):
                ws.write_number(r, 13 + c, v)
            r += 1
    wb.close()
