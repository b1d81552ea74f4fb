"""A WeCom 上下班打卡_月报 (xlsxwriter) for a partial month (the export ends on the 26th): one row per person,
姓名/账号/所属规则 merged over the two header rows, group headers 考勤概况 / 异常统计 / 打卡明细, one column per
day headed `1\\n星期四`, day cells like `正常 ;`, `正常（休息） ;`, `迟到8分钟; 缺卡1次;`, `旷工480分钟 ;`,
`地点异常1次 ;`, `--` before a person joined, and the summary numbers stored as text (`3.0`)."""
import xlsxwriter
from casekit import days_of, weekday_char, is_weekend

LAST = 26
PEOPLE = {
    "黄蓉": {"account": "huangrong", "joined": 14, 15: "迟到12分钟 ;", 20: "迟到8分钟; 缺卡1次;"},
    "郭靖": {"account": "guojing", 12: "旷工480分钟 ;", 13: "缺卡2次 ;", 21: "早退20分钟 ;", 22: "迟到45分钟 ;"},
    "杨过": {"account": "yangguo", 12: "地点异常1次 ;", 19: "正常（请假） ;", 20: "正常（请假） ;",
             21: "正常（请假） ;", 22: "正常（请假） ;", 23: "正常（请假） ;"},
}


def cell_for(info, d):
    if d.day < info.get("joined", 1):
        return "--"
    if is_weekend(d) or d.day <= 7:
        return "正常（休息） ;"
    return info.get(d.day, "正常 ;")


def build(path):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("上下班打卡_月报")
    head = wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True})
    days = [d for d in days_of(10) if d.day <= LAST]
    first_day_col = 8
    last_col = first_day_col + len(days) - 1
    ws.merge_range(0, 0, 0, last_col, "上下班打卡_月报", head)
    ws.merge_range(1, 0, 1, last_col, "统计时间:10-01 ～ 10-26 制表时间:2026-10-27 09:00:11")
    for c, label in enumerate(["姓名", "账号", "所属规则"]):
        ws.merge_range(2, c, 3, c, label, head)
    ws.merge_range(2, 3, 2, 4, "考勤概况", head)
    ws.write_row(3, 3, ["应打卡天数", "正常天数"], head)
    ws.merge_range(2, 5, 2, 7, "异常统计", head)
    ws.write_row(3, 5, ["迟到次数", "缺卡次数", "旷工次数"], head)
    ws.merge_range(2, first_day_col, 2, last_col, "打卡明细", head)
    for i, d in enumerate(days):
        ws.write_string(3, first_day_col + i, f"{d.day}\n星期{weekday_char(d)}", head)
    for r, (name, info) in enumerate(PEOPLE.items(), start=4):
        cells = [cell_for(info, d) for d in days]
        work = [c for c in cells if c != "--" and "休息" not in c]
        late = sum(1 for c in cells if "迟到" in c)
        missing = sum(1 for c in cells if "缺卡" in c)
        absent = sum(1 for c in cells if "旷工" in c)
        ws.write_row(r, 0, [name, info["account"], "客服打卡"])
        ws.write_row(r, 3, [f"{len(work)}.0", f"{sum(1 for c in work if c == '正常 ;')}.0",
                            f"{late}.0", f"{missing}.0", f"{absent}.0"])
        ws.write_row(r, first_day_col, cells)
    wb.close()
