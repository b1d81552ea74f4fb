"""A WeCom 上下班打卡_日报 (openpyxl): merged title, a `统计时间:10-01 ～ 10-31 制表时间:…` row, group headers
(基础信息 / 打卡结果 / 异常统计 / 假勤统计) over field headers, 时间 as `2026/10/12 星期一`, 考勤结果 such as
正常（休息） 正常（请假） 正常（补卡） 正常（出差） 迟到30分钟 旷工480分钟 缺卡1次 早退149分钟 and
`迟到5分钟; 缺卡1次;`, 假勤申请 texts, and the summary columns stored as text ("1.0") as WeCom does."""
from openpyxl import Workbook
from openpyxl.styles import Alignment
from casekit import days_of, weekday_char, is_weekend

AGENTS = [("马丽", "mali"), ("秦川", "qinchuan"), ("邓超", "dengchao")]
# (agent, day) -> (考勤结果, 假勤申请, late n, late min, absent n, missing n, 事假 days, 调休 days, 年假 days)
SPECIAL = {
    ("马丽", 12): ("迟到30分钟", "", 1, 30, 0, 0, 0, 0, 0),
    ("马丽", 13): ("迟到31分钟", "", 1, 31, 0, 0, 0, 0, 0),
    ("马丽", 14): ("正常（请假）", "事假 1天", 0, 0, 0, 0, 1, 0, 0),
    ("马丽", 15): ("缺卡1次", "", 0, 0, 0, 1, 0, 0, 0),
    ("马丽", 16): ("迟到5分钟; 缺卡1次;", "", 1, 5, 0, 1, 0, 0, 0),
    ("秦川", 19): ("旷工480分钟", "", 0, 0, 1, 0, 0, 0, 0),
    ("秦川", 20): ("正常（补卡）", "补卡申请 10-20 09:00", 0, 0, 0, 0, 0, 0, 0),
    ("秦川", 21): ("缺卡2次", "", 0, 0, 0, 2, 0, 0, 0),
    ("秦川", 22): ("正常（请假）", "事假 1天", 0, 0, 0, 0, 1, 0, 0),
    ("秦川", 23): ("正常（请假）", "病假 1天", 0, 0, 0, 0, 0, 0, 0),
    ("秦川", 26): ("正常（请假）", "调休假 1天", 0, 0, 0, 0, 0, 1, 0),
    ("邓超", 12): ("正常（请假）", "事假 1天", 0, 0, 0, 0, 1, 0, 0),
    ("邓超", 13): ("正常（请假）", "事假 1天", 0, 0, 0, 0, 1, 0, 0),
    ("邓超", 14): ("正常（请假）", "病假 1天", 0, 0, 0, 0, 0, 0, 0),
    ("邓超", 15): ("正常（请假）", "调休假 1天", 0, 0, 0, 0, 0, 1, 0),
    ("邓超", 27): ("正常（出差）", "出差 1天", 0, 0, 0, 0, 0, 0, 0),
    ("邓超", 28): ("早退149分钟", "", 0, 0, 0, 0, 0, 0, 0),
    ("邓超", 29): ("正常（请假）", "年假 1天", 0, 0, 0, 0, 0, 0, 1),
}
HEAD = ["时间", "姓名", "账号", "部门", "工号", "所属规则", "班次", "假勤申请", "考勤结果",
        "迟到次数(次)", "迟到时长(分钟)", "旷工次数(次)", "缺卡次数(次)", "事假(天)", "调休假(天)", "年假(天)"]


def build(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "概况统计与打卡明细"
    ws.merge_cells("A1:P1")
    ws["A1"] = "上下班打卡_日报"
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:P2")
    ws["A2"] = "统计时间:10-01 ～ 10-31  制表时间:2026-11-02 10:31:05"
    for rng, label in [("A3:G3", "基础信息"), ("H3:I3", "打卡结果"), ("J3:M3", "异常统计"), ("N3:P3", "假勤统计")]:
        ws.merge_cells(rng)
        ws[rng.split(":")[0]] = label
    ws.append(HEAD)
    for i, (name, account) in enumerate(AGENTS):
        for d in days_of(10):
            rest = is_weekend(d) or d.day <= 7
            if rest:
                vals = ("正常（休息）", "", 0, 0, 0, 0, 0, 0, 0)
            else:
                vals = SPECIAL.get((name, d.day), ("正常", "", 0, 0, 0, 0, 0, 0, 0))
            ws.append([f"2026/10/{d.day:02d} 星期{weekday_char(d)}", name, account, "客服部", f"KF{i + 1:03d}",
                       "客服打卡规则", "休息" if rest else "白班 09:00-18:00", vals[1] or "--", vals[0]]
                      + [f"{v:.1f}" for v in vals[2:]])
    wb.save(path)
