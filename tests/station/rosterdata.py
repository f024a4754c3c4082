"""Generated roster files for the tests: fictitious names, checksum-valid fictitious ID numbers."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from sfs_desktop.core.idcheck import make_id_number

TOWNSHIP = "430922101"  # the test station's township (tests/conftest.init_dir)
HEADER = ["姓名", "身份证号", "性别", "出生日期", "岗位", "编制类型", "学历", "法律职业资格", "资格证号", "入职日期", "联系电话"]


def ident(birth: date, seq: int) -> str:
    return make_id_number("430922", birth, seq)


ZHOU = ident(date(1985, 3, 12), 101)  # odd: 男
LIU = ident(date(1990, 7, 1), 202)  # even: 女
TAN = ident(date(1978, 11, 30), 303)


def good_rows() -> list[list]:
    return [
        ["周明远", ZHOU, "男", "1985-03-12", "所长", "政法专项编制", "大学本科", "是", "A20104309220001", "2008/9/1", "13807370001"],
        ["刘晓燕", LIU, "", "", "工作人员", "02", "大学专科", "否", "", "2015年3月2日", "13807370002"],
        ["谭国华", TAN, "男", "", "03", "购买服务", "高中", "否", "", "20200601", ""],
        ["龚小兰", "", "女", "1995.5.20", "辅助人员", "购买服务", "大学专科", "否", "", "2021-07-01", ""],
    ]


def bad_rows() -> list[list]:
    """Each row wrong in one named way; the expected (column, words) are in BAD_REASONS, same order."""
    bad_check = ZHOU[:17] + ("0" if ZHOU[17] != "0" else "1")
    return [
        ["何志强", bad_check, "男", "", "工作人员", "", "", "否", "", "", ""],
        ["曾丽", ident(date(1992, 2, 2), 404), "", "1993-02-02", "工作人员", "", "", "否", "", "", ""],
        ["彭建军", ident(date(1980, 1, 1), 505), "男", "", "科长", "", "", "否", "", "", ""],
        ["罗芳", ident(date(1988, 8, 8), 606), "", "", "工作人员", "", "", "是", "", "", ""],
        ["姚勇", ident(date(1983, 4, 4), 707), "", "", "工作人员", "", "", "否", "", "2099-01-01", ""],
        ["邓静", ident(date(1991, 6, 6), 808), "", "", "工作人员", "", "", "也许", "", "", ""],
        ["", ident(date(1975, 5, 5), 909), "", "", "工作人员", "", "", "否", "", "", ""],
        ["方军", ident(date(1986, 9, 9), 111), "", "", "工作人员", "", "", "否", "", "下个月", ""],
        ["周明远", ZHOU, "男", "", "所长", "", "", "否", "", "", ""],  # the first good row again
    ]


BAD_REASONS = [
    ("身份证号", "校验码应为"), ("出生日期", "与身份证号中的出生日期不一致"), ("岗位", "的值“科长”不在可选范围内"),
    ("资格证号", "请填写“资格证号”"), ("入职日期", "不能晚于今天"), ("法律职业资格", "应填“是”或“否”"),
    ("姓名", "必须填写"), ("入职日期", "应为日期"), ("", "与第 2 行是同一条记录"),
]


def write_xlsx(path: Path, rows: list[list], header: list[str] = HEADER) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list], encoding: str, header: list[str] = HEADER) -> Path:
    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


AREA_HEADER = ["区划代码", "名称", "层级"]


def area_rows() -> list[list]:
    return [[f"{TOWNSHIP}001", "桃花社区", "社区"], [f"{TOWNSHIP}201", "竹山村", "村"], [f"{TOWNSHIP}202", "石牛村", "village"]]
