"""The operator commands of the union tree: import_orgs, create_staff, create_agency_staff,
issue_token."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from openpyxl import Workbook

from tongxin.core.models import AuditEntry
from tongxin.orgs.models import OrgUnit, StaffRole

HEADER = "code,name,level,parent_code\n"
# Children before their parent on purpose: the file need not be in tree order.
TREE = (
    "JJKFQ,晋江经济开发区工会,PARK,JJ\n"
    "QZ,泉州市总工会,CITY,\n"
    "JJ,晋江市总工会,COUNTY,QZ\n"
    "JJ-HX,恒兴鞋业工会,BASE,JJKFQ\n"
)


def _run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _csv(tmp_path: Path, text: str, *, bom: bool = False) -> Path:
    path = tmp_path / "orgs.csv"
    path.write_text(("\ufeff" if bom else "") + text, encoding="utf-8")
    return path


def test_import_orgs_builds_the_tree_from_csv(db, tmp_path):
    out = _run("import_orgs", str(_csv(tmp_path, HEADER + TREE, bom=True)))

    assert "已导入 4 个组织" in out
    assert "已导入 4/4" in out  # progress
    park = OrgUnit.objects.get(code="JJKFQ")
    assert park.parent.code == "JJ"
    assert park.level == OrgUnit.Level.PARK
    assert OrgUnit.objects.get(code="JJ-HX").path == "/QZ/JJ/JJKFQ/JJ-HX/"
    assert AuditEntry.objects.filter(action="org_upsert").count() == 4


def test_import_orgs_reads_xlsx_and_a_second_import_updates(db, tmp_path):
    _run("import_orgs", str(_csv(tmp_path, HEADER + TREE)))
    book = Workbook()
    sheet = book.active
    sheet.append(["code", "name", "level", "parent_code"])
    sheet.append(["JJ-HX", "恒兴鞋业有限公司工会", "BASE", "JJ"])  # renamed and moved up
    path = tmp_path / "orgs.xlsx"
    book.save(path)

    _run("import_orgs", str(path))

    moved = OrgUnit.objects.get(code="JJ-HX")
    assert (moved.name, moved.path) == ("恒兴鞋业有限公司工会", "/QZ/JJ/JJ-HX/")
    assert OrgUnit.objects.count() == 4


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("QZ,泉州市总工会,CITY,\nJJ,晋江市总工会,TOWN_HALL,QZ\n", "未知层级"),
        ("QZ,泉州市总工会,CITY,\nJJ,,COUNTY,QZ\n", "第 3 行缺少 name"),
        ("QZ,泉州市总工会,CITY,\nJJ,晋江市总工会,COUNTY,NOWHERE\n", "找不到上级组织"),
    ],
    ids=["unknown-level", "missing-name", "unknown-parent"],
)
def test_import_orgs_refuses_a_bad_file_and_imports_nothing(db, tmp_path, rows, message):
    with pytest.raises(CommandError, match=message):
        _run("import_orgs", str(_csv(tmp_path, HEADER + rows)))
    assert not OrgUnit.objects.filter(code="QZ").exists()  # the good first row is not kept


def test_import_orgs_names_missing_columns_and_files(db, tmp_path):
    with pytest.raises(CommandError, match="缺少列：level"):
        _run("import_orgs", str(_csv(tmp_path, "code,name\nQZ,泉州市总工会\n")))
    with pytest.raises(CommandError, match="找不到文件"):
        _run("import_orgs", str(tmp_path / "none.csv"))


def test_import_orgs_reads_a_gb18030_csv_as_chinese_excel_saves_it(db, tmp_path):
    # given the tree saved as CSV by Excel or WPS on a Chinese Windows (GBK/GB18030)
    path = tmp_path / "orgs.csv"
    path.write_bytes((HEADER + TREE + "JJ-GB,䶮鑫电子厂工会,BASE,JJKFQ\n").encode("gb18030"))
    # when it is imported
    out = _run("import_orgs", str(path))
    # then the Chinese names arrive intact (䶮 exists in GB18030 but not in GBK)
    assert "已导入 5 个组织" in out
    names = dict(OrgUnit.objects.values_list("code", "name"))
    assert (names["QZ"], names["JJ-GB"]) == ("泉州市总工会", "䶮鑫电子厂工会")


def test_import_orgs_refuses_a_file_in_no_known_encoding(db, tmp_path):
    # given bytes that are neither UTF-8 nor GB18030 (a stray 0xFF)
    path = tmp_path / "orgs.csv"
    path.write_bytes(HEADER.encode() + b"QZ,\xff\xfe,CITY,\n")
    # when it is imported, then a clear error and nothing imported
    with pytest.raises(CommandError) as refused:
        _run("import_orgs", str(path))
    assert str(refused.value) == "无法识别文件编码：请将 CSV 另存为 UTF-8 或 GBK（GB18030）编码。"
    assert OrgUnit.objects.count() == 0


def test_create_staff_gives_a_login_with_a_role(db, tree):
    out = _run(
        "create_staff", "--username", "li", "--org", "JJKFQ", "--role", "handler",
        "--password", "pw-li-2026",
    )  # fmt: skip

    assert "晋江经济开发区工会" in out
    user = User.objects.get(username="li")
    assert user.check_password("pw-li-2026")
    assert list(StaffRole.objects.filter(user=user).values_list("org__code", "role")) == [
        ("JJKFQ", "handler")
    ]
    client = Client()
    assert client.login(username="li", password="pw-li-2026")
    assert client.get("/workbench/").status_code == 200


def test_create_staff_refuses_an_unknown_org_or_role(db, tree):
    with pytest.raises(CommandError, match="找不到组织代码"):
        _run("create_staff", "--username", "li", "--org", "NOPE", "--role", "handler")
    with pytest.raises(CommandError):
        _run("create_staff", "--username", "li", "--org", "JJKFQ", "--role", "boss")
    assert not User.objects.filter(username="li").exists()


@pytest.mark.parametrize("username", ["", "   ", "\t"], ids=["empty", "spaces", "tab"])
def test_create_staff_refuses_an_empty_username(db, tree, username):
    # when an admin runs create_staff without a real username
    with pytest.raises(CommandError) as refused:
        _run("create_staff", "--username", username, "--org", "JJKFQ", "--role", "admin")
    assert str(refused.value) == "用户名不能为空。"
    # then no user, role or audit row is written
    assert (User.objects.count(), StaffRole.objects.count()) == (0, 0)
    assert not AuditEntry.objects.filter(action="staff_create").exists()


def test_create_agency_staff_refuses_an_empty_username(db, tree):
    with pytest.raises(CommandError) as refused:
        _run("create_agency_staff", "--username", " ", "--agency", "JJ-HRSS")
    assert str(refused.value) == "用户名不能为空。"
    assert User.objects.count() == 0


def test_create_staff_trims_the_username(db, tree):
    _run("create_staff", "--username", " li ", "--org", "JJKFQ", "--role", "handler")

    assert list(User.objects.values_list("username", flat=True)) == ["li"]
    assert AuditEntry.objects.get(action="staff_create").data["username"] == "li"


def test_issue_token_prints_a_token_the_api_accepts(db, cast):
    token = _run("issue_token", "supervisor").strip()

    response = Client(headers={"Authorization": f"Bearer {token}"}).get("/api/v1/workorders")

    assert response.status_code == 200
    with pytest.raises(CommandError, match="找不到用户"):
        _run("issue_token", "nobody")
