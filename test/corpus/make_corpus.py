"""Builds workbooks with writers other than this project's, for the file-adapter tests.

Usage: python3 make_corpus.py OUTDIR. Writes openpyxl.xlsx (chart, comment, image, data validation,
conditional format, table, defined name, hidden and very-hidden sheets, custom properties),
xlsxwriter.xlsx (chart, comment, custom properties, 1904 dates) and openpyxl.xlsm (a VBA project part).
"""
import base64
import datetime as dt
import sys
import zipfile
from pathlib import Path

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)

ROWS = [
    (dt.date(2026, 10, 2), "小王", "迟到", 12),
    (dt.date(2026, 10, 3), "小王", "迟到", 25),
    (dt.date(2026, 10, 5), "小李", "正常", None),
    (dt.date(2026, 10, 6), "小李", "缺卡", None),
]
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def openpyxl_book(path, keep_vba=False):
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.drawing.image import Image
    from openpyxl.formatting.rule import CellIsRule, DataBarRule
    from openpyxl.styles import PatternFill
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table
    import io

    wb = Workbook()
    ws = wb.active
    ws.title = "10月考勤"
    ws.append(["日期", "姓名", "状态", "迟到分钟"])
    for r in ROWS:
        ws.append(list(r))
    for row in ws.iter_rows(min_row=2, max_col=1):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    ws["C3"].fill = PatternFill("solid", fgColor="FFFF00")
    ws["E1"] = "备注"
    ws["E2"] = "#N/A"  # openpyxl stores error codes as error cells
    ws["E3"] = "事假1天"
    ws["E3"].hyperlink = "https://example.invalid/approval/1"
    ws["E4"] = "0012"  # a number kept as text
    ws["B2"].comment = Comment("主管备注：已核实", "经理")
    dv = DataValidation(type="list", formula1='"迟到,早退,缺卡,正常"')
    ws.add_data_validation(dv)
    dv.add("C2:C50")
    ws.conditional_formatting.add("D2:D50", CellIsRule(operator="greaterThan", formula=["20"], fill=PatternFill("solid", bgColor="FFC7CE")))
    ws.conditional_formatting.add("D2:D50", DataBarRule(start_type="min", end_type="max", color="638EC6"))
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=4, min_row=1, max_row=5), titles_from_data=True)
    ws.add_chart(chart, "F2")
    ws.add_image(Image(io.BytesIO(PNG)), "F20")
    ws.freeze_panes = "A2"

    t = wb.create_sheet("投诉")
    t.append(["日期", "客服", "投诉原因"])
    t.append([dt.date(2026, 10, 4), "小王", "态度差"])
    t.append([dt.date(2026, 10, 8), "小李", "回复慢"])
    t["A2"].number_format = "yyyy/m/d"
    t["A3"].number_format = "yyyy/m/d"
    t.add_table(Table(displayName="投诉表", ref="A1:C3"))

    h = wb.create_sheet("备用")
    h.append(["说明", "这是隐藏表"])
    h.sheet_state = "hidden"
    v = wb.create_sheet("配置")
    v.append(["key", "value"])
    v.sheet_state = "veryHidden"
    dn = DefinedName("迟到阈值", attr_text="'10月考勤'!$D$2:$D$5")
    if hasattr(wb.defined_names, "add"):
        wb.defined_names.add(dn)
    else:
        wb.defined_names.append(dn)
    try:
        from openpyxl.packaging.custom import StringProperty

        wb.custom_doc_props.append(StringProperty(name="店铺", value="测试店"))
    except Exception:  # older openpyxl without custom properties
        pass
    wb.save(path)


def xlsxwriter_book(path):
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {"date_1904": True})
    ws = wb.add_worksheet("10月考勤")
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, ["日期", "姓名", "状态", "迟到分钟"])
    for i, r in enumerate(ROWS, start=1):
        ws.write_datetime(i, 0, dt.datetime.combine(r[0], dt.time()), date)
        ws.write_string(i, 1, r[1])
        ws.write_string(i, 2, r[2])
        if r[3] is not None:
            ws.write_number(i, 3, r[3])
    ws.write_comment("B2", "主管备注")
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"values": "='10月考勤'!$D$2:$D$5"})
    ws.insert_chart("F2", chart)
    ws.merge_range("F20:H20", "合并说明")
    wb.set_custom_property("店铺", "测试店")
    wb.close()


def add_vba(src, dst):
    """An .xlsm: the openpyxl workbook with a vbaProject.bin part registered as Excel does."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                ).replace(
                    b"</Types>",
                    b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
                )
            zout.writestr(item, data)
        zout.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"VBA project stand-in")


def csv_files():
    """The same attendance as CSV: UTF-8 with and without a BOM, and GBK (what Excel on a Chinese Windows saves)."""
    lines = ["日期,姓名,状态,迟到分钟"] + [f"{r[0].isoformat()},{r[1]},{r[2]},{'' if r[3] is None else r[3]}" for r in ROWS]
    lines.append('2026-10-07,"小王, 售前",迟到,5')
    text = "\r\n".join(lines) + "\r\n"
    (out / "10月考勤-utf8.csv").write_bytes(text.encode("utf-8"))
    (out / "10月考勤-bom.csv").write_bytes(text.encode("utf-8-sig"))
    (out / "10月考勤-gbk.csv").write_bytes(text.encode("gbk"))


def manager_book(path):
    """A manager's workbook: their own sheet called 评分表 and a payroll formula pointing at it."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "10月考勤"
    ws.append(["日期", "姓名", "状态", "迟到分钟"])
    for r in ROWS:
        ws.append(list(r))
    own = wb.create_sheet("评分表")
    own.append(["我自己的评分表", 42])
    pay = wb.create_sheet("工资")
    pay.append(["小王", "='评分表'!B1"])
    wb.save(path)


openpyxl_book(out / "openpyxl.xlsx")
csv_files()
manager_book(out / "manager.xlsx")
xlsxwriter_book(out / "xlsxwriter.xlsx")
add_vba(out / "openpyxl.xlsx", out / "openpyxl.xlsm")
print("ok")
