"""The classic 考勤表 symbol matrix (openpyxl): merged title 2026年10月考勤表, a weekday row above the day row,
上午/下午 rows per agent with merged name cells, a COUNTIF block 迟到/请假/旷工 under a merged 统计 header,
a legend row 注：√出勤 ●休假 ○事假 ☆病假 ※迟到 ◇早退 ×旷工 △出差 ÷年休, and a signature footer."""
from openpyxl import Workbook
from openpyxl.utils import get_column_letter as col
from casekit import days_of, weekday_char, is_weekend

HOLIDAY = set(range(1, 9))  # National Day week: left blank like weekends
# (agent, day, half) -> symbol; half "am", "pm" or "both"
MARKS = {
    "小王": [(13, "both", "※"), (20, "am", "※"), (22, "pm", "○"), (27, "both", "×")],
    "李娜": [(12, "both", "○"), (13, "both", "○"), (14, "both", "○"), (15, "both", "☆"), (16, "am", "○"),
             (19, "both", "÷"), (20, "both", "△"), (21, "both", "△")],
    "陈静": [(23, "pm", "◇"), (26, "pm", "※")],
    "刘洋": [(28, "am", "×")],
}
FIRST_DAY_COL = 4  # D


def build(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "考勤表"
    days = list(days_of(10))
    last_day_col = FIRST_DAY_COL + len(days) - 1
    stat = last_day_col + 1
    end = col(stat + 2)
    ws.merge_cells(f"A1:{end}1")
    ws["A1"] = "2026年10月考勤表"
    ws["A2"] = "部门：客服部"
    for c in ("A", "B", "C"):
        ws.merge_cells(f"{c}3:{c}4")
    ws["A3"], ws["B3"], ws["C3"] = "序号", "姓名", "时段"
    for i, d in enumerate(days):
        ws.cell(row=3, column=FIRST_DAY_COL + i, value=weekday_char(d))
        ws.cell(row=4, column=FIRST_DAY_COL + i, value=d.day)
    ws.merge_cells(start_row=3, start_column=stat, end_row=3, end_column=stat + 2)
    ws.cell(row=3, column=stat, value="统计")
    for k, label in enumerate(["迟到", "请假", "旷工"]):
        ws.cell(row=4, column=stat + k, value=label)
    row = 5
    for n, (name, marks) in enumerate(MARKS.items(), start=1):
        ws.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=1)
        ws.merge_cells(start_row=row, start_column=2, end_row=row + 1, end_column=2)
        ws.cell(row=row, column=1, value=n)
        ws.cell(row=row, column=2, value=name)
        ws.cell(row=row, column=3, value="上午")
        ws.cell(row=row + 1, column=3, value="下午")
        by_day = {}
        for d, half, sym in marks:
            for h in (["am", "pm"] if half == "both" else [half]):
                by_day[(d, h)] = sym
        for i, d in enumerate(days):
            if is_weekend(d) or d.day in HOLIDAY:
                continue
            for k, h in enumerate(["am", "pm"]):
                ws.cell(row=row + k, column=FIRST_DAY_COL + i, value=by_day.get((d.day, h), "√"))
        rng = f"{col(FIRST_DAY_COL)}{row}:{col(last_day_col)}{row + 1}"
        for k, formula in enumerate(
            [f'=COUNTIF({rng},"※")', f'=COUNTIF({rng},"○")+COUNTIF({rng},"☆")', f'=COUNTIF({rng},"×")']
        ):
            ws.merge_cells(start_row=row, start_column=stat + k, end_row=row + 1, end_column=stat + k)
            ws.cell(row=row, column=stat + k, value=formula)
        row += 2
    row += 1
    ws.merge_cells(f"A{row}:{end}{row}")
    ws[f"A{row}"] = "注：√出勤 ●休假 ○事假 ☆病假 ※迟到 ◇早退 ×旷工 △出差 ÷年休"
    ws[f"A{row + 1}"] = "考勤员："
    ws[f"H{row + 1}"] = "部门主管："
    wb.save(path)
