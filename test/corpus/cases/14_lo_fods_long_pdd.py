"""A hand-kept sheet that went through LibreOffice: written here as a flat ODS (.fods) with a merged title,
typed dates and a 合计 line, then converted by `soffice --headless --convert-to xlsx`, so the .xlsx carries
LibreOffice's own writer (shared strings, styles, merge records) rather than a Python library's."""
import os
from xml.sax.saxutils import escape

ROWS = [
    ("2026-10-13", "小刘", "迟到", "35分钟", "早高峰"),
    ("2026-10-14", "小刘", "迟到", "1小时5分", "睡过头"),
    ("2026-10-15", "小刘", "请假", "", "事假"),
    ("2026-10-16", "小刘", "迟到", "10", ""),
    ("2026-10-16", "小张", "旷工", "", "无故未到"),
    ("2026-10-19", "小张", "早退", "", "提前走了"),
    ("2026-10-20", "小张", "迟到", "0:35", ""),
]
HEAD = ["日期", "姓名", "考勤情况", "迟到时长", "备注"]


def cell_text(v):
    return f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>'


def cell_date(v):
    return (f'<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="{v}">'
            f"<text:p>{v}</text:p></table:table-cell>")


def build_source(out_dir):
    rows = ['<table:table-row><table:table-cell table:number-columns-spanned="5" office:value-type="string">'
            '<text:p>客服部十月考勤（手工登记）</text:p></table:table-cell>'
            '<table:covered-table-cell table:number-columns-repeated="4"/></table:table-row>',
            "<table:table-row>" + "".join(cell_text(h) for h in HEAD) + "</table:table-row>"]
    for d, name, status, minutes, remark in ROWS:
        cells = [cell_date(d), cell_text(name), cell_text(status)]
        cells.append(cell_text(minutes) if minutes else "<table:table-cell/>")
        cells.append(cell_text(remark) if remark else "<table:table-cell/>")
        rows.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    rows.append("<table:table-row>" + cell_text("合计") + cell_text("迟到4次 旷工1次 请假1次")
                + "</table:table-row>")
    doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="N1"><number:year number:style="long"/><number:text>/</number:text>
  <number:month/><number:text>/</number:text><number:day/></number:date-style>
 <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="考勤登记">
<table:table-column table:number-columns-repeated="5"/>
{"".join(rows)}
</table:table></office:spreadsheet></office:body></office:document>
"""
    path = os.path.join(out_dir, "14_lo_fods_long_pdd.fods")
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)
    return path
