"""淘宝 fines (xlsxwriter): a 罚款登记 sheet mixing 类型 罚款 / 奖励 / 支出 with amounts written 50元, ¥20.00,
full-width ５０ and blank (priced by the scheme), handover misses typed in words; a 投诉 sheet whose buyer
complaints escalate to dismissal, a quarrel between colleagues and an unverified complaint."""
import datetime as dt
import xlsxwriter

FINES = [
    # date, name, reason, amount, type, remark
    (12, "小王", "上班时间玩游戏被抓到", "50元", "罚款", "主管决定罚50"),
    (13, "小王", "未交接，晚班客户没人跟进", None, "罚款", ""),
    (20, "小王", "交接本没写，漏处理退款", None, "罚款", "第二次"),
    (14, "李娜", "桌面没清洁", "¥20.00", "罚款", ""),
    (15, "李娜", "提出的赠品搭配建议被采纳", "５０", "奖励", "公司发"),
    (16, None, "买零食（部门活动）", "¥35.00", "支出", "基金箱"),
    (21, "陈静", "泄露同事电话给顾客", None, "罚款", ""),
]
COMPLAINTS = [
    # date, 旺旺, content, 是否查实
    (12, "陈静", "买家投诉服务态度差", "是"),
    (19, "陈静", "和顾客吵架", "是"),
    (26, "陈静", "顾客投诉回复不耐烦", "是"),
    (22, "刘洋", "和同事吵架", "是"),
    (23, "刘洋", "顾客投诉发货慢，说客服不理人", "否"),
]


def build(path):
    wb = xlsxwriter.Workbook(path)
    date_fmt = wb.add_format({"num_format": "m月d日"})
    ws = wb.add_worksheet("罚款登记")
    ws.write_row(0, 0, ["日期", "姓名", "事由", "金额", "类型", "备注"])
    for r, (d, name, reason, amount, kind, remark) in enumerate(FINES, start=1):
        ws.write_datetime(r, 0, dt.datetime(2026, 10, d), date_fmt)
        if name:
            ws.write_string(r, 1, name)
        ws.write_string(r, 2, reason)
        if amount:
            ws.write_string(r, 3, amount)
        ws.write_string(r, 4, kind)
        if remark:
            ws.write_string(r, 5, remark)
    c = wb.add_worksheet("投诉")
    c.write_row(0, 0, ["日期", "旺旺", "投诉内容", "是否查实"])
    for r, (d, who, text, ok) in enumerate(COMPLAINTS, start=1):
        c.write_datetime(r, 0, dt.datetime(2026, 10, d), date_fmt)
        c.write_row(r, 1, [who, text, ok])
    wb.close()
