"""The calculator page's form, generated from `laborlaw.describe()`: widgets, and the POST
turned back into the library's inputs (lists typed one item a line)."""

import re
from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tongxin.calculators import presenters
from tongxin.calculators.selectors import ParameterValue

LIST_TYPES = {"money_list", "date_list", "period_list", "object_list"}
AUTO_PREFIX = "auto__"  # hidden copy of a prefilled value: unchanged means "fill from the place"
_SPLIT = re.compile(r"[\s,，、;；]+")
_PERIOD_SPLIT = re.compile(r"\s*(?:至|到|~|～|—|–|,|，|\s)\s*")

RELATIONS = {
    "配偶": "spouse",
    "子女": "child",
    "父母": "parent",
    "祖父母": "grandparent",
    "外祖父母": "grandparent",
    "孙子女": "grandchild",
    "外孙子女": "grandchild",
    "兄弟姐妹": "sibling",
    "其他": "other",
}
CLAIM_KINDS = {
    "工资": "wages",
    "工伤医疗费": "work_injury_medical",
    "经济补偿": "severance",
    "赔偿金": "damages",
    "其他": "other",
}
PLACEHOLDERS = {
    "money_list": gettext_lazy("每行一个金额，如\n8000\n8200"),
    "date_list": gettext_lazy("每行一个日期，如 2024-10-01"),
    "period_list": gettext_lazy("每行一段：开始日 至 结束日，如 2024-01-01 至 2024-02-15"),
    "dependants": gettext_lazy(
        "每行一人：关系（配偶/子女/父母/祖父母/孙子女/兄弟姐妹/其他），可加“孤寡老人”或“孤儿”"
    ),
    "claim_items": gettext_lazy("每行一项：名称 金额 类别（工资/工伤医疗费/经济补偿/赔偿金/其他）"),
    "month": gettext_lazy("YYYY-MM-DD 或 YYYY-MM"),
}
# Page-level fields that are not calculator inputs but carry their own errors.
PAGE_FIELDS = ("place", "on")


@dataclass
class FieldView:
    name: str
    label: str
    help: str
    type: str
    widget: str  # select / textarea / date / text
    required: bool
    options: list[tuple[str, str]] = field(default_factory=list)
    value: str = ""
    auto_value: str = ""
    placeholder: str = ""
    error: str = ""
    jurisdiction_param: str = ""
    source: ParameterValue | None = None


@dataclass
class Group:
    one_of: str
    fields: list[FieldView]


def field_views(
    description: dict[str, Any],
    *,
    data: QueryDict | None = None,
    records: dict[str, ParameterValue] | None = None,
    errors: dict[str, str] | None = None,
) -> tuple[list[FieldView | Group], list[FieldView]]:
    """(case facts, with one_of alternatives grouped; jurisdiction parameters)."""
    errors = errors or {}
    records = records or {}
    facts: list[FieldView | Group] = []
    groups: dict[str, Group] = {}
    params: list[FieldView] = []
    for spec in description["inputs"]:
        view = _view(spec)
        view.error = errors.get(view.name, "")
        if data is not None:
            view.value = data.get(view.name, "")
            view.auto_value = data.get(AUTO_PREFIX + view.name, "")
        if view.jurisdiction_param and view.name != "non_working_days":
            record = records.get(view.jurisdiction_param)
            view.source = record
            if record is not None and (data is None or view.value == view.auto_value):
                view.value = view.auto_value = _text(record.value)
            params.append(view)
        elif spec["one_of"]:
            group = groups.get(spec["one_of"])
            if group is None:
                group = groups[spec["one_of"]] = Group(spec["one_of"], [])
                facts.append(group)
            group.fields.append(view)
        else:
            facts.append(view)
    return facts, params


def _view(spec: dict[str, Any]) -> FieldView:
    kind = spec["type"]
    view = FieldView(
        name=spec["name"],
        label=spec["label_zh"],
        help=spec["help"],
        type=kind,
        widget="text",
        required=spec["required"],
        jurisdiction_param=spec["jurisdiction_param"] or "",
    )
    default = spec["default"]
    if kind == "bool":
        view.widget = "select"
        shown = (
            _("（默认：是）") if default is True else _("（默认：否）") if default is False else ""
        )
        view.options = [("", shown or _("（未填）")), ("true", _("是")), ("false", _("否"))]
    elif spec["choices"]:
        view.widget = "select"
        shown = (
            _("（默认：%(choice)s）") % {"choice": presenters.choice_label(default)}
            if default
            else _("（请选择）")
        )
        view.options = [("", shown)] + [(c, presenters.choice_label(c)) for c in spec["choices"]]
    elif kind in LIST_TYPES:
        view.widget = "textarea"
        view.placeholder = str(PLACEHOLDERS.get(spec["name"]) or PLACEHOLDERS.get(kind, ""))
    elif kind == "date":
        view.widget = "date"
    elif kind in PLACEHOLDERS:
        view.placeholder = str(PLACEHOLDERS[kind])
    elif default is not None:
        view.placeholder = _("默认 %(value)s") % {"value": default}
    return view


def _text(value: object) -> str:
    text = str(value)
    return text[:-3] if text.endswith(".00") else text


def calculation_inputs(
    description: dict[str, Any], data: QueryDict
) -> tuple[dict[str, Any], dict[str, str]]:
    """The library's inputs from a POST, and errors for lines that cannot be read."""
    inputs: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for spec in description["inputs"]:
        name, kind = spec["name"], spec["type"]
        raw = (data.get(name) or "").strip()
        if not raw:
            continue
        if spec["jurisdiction_param"] and raw == (data.get(AUTO_PREFIX + name) or "").strip():
            continue  # the prefilled figure, unchanged: the service fills it with its source
        try:
            inputs[name] = _parse(name, kind, raw)
        except ValueError as exc:
            errors[name] = str(exc)
    return inputs, errors


def error_field(description: dict[str, Any], field: str | None) -> str:
    """The form field an error belongs to: `dependants[0].relation` → `dependants`; an error
    that names no field of the form goes to the top of the form (`__all__`)."""
    name = re.split(r"[\[.]", field or "", maxsplit=1)[0]
    names = {spec["name"] for spec in description["inputs"]}
    return name if name in names or name in PAGE_FIELDS else "__all__"


def entered(facts: list[FieldView | Group], params: list[FieldView]) -> list[tuple[str, str]]:
    """(label, value as shown) of every field the mediator filled, for the printout."""
    views = [v for item in facts for v in (item.fields if isinstance(item, Group) else [item])]
    return [(v.label, dict(v.options).get(v.value, v.value)) for v in views + params if v.value]


def _lines(raw: str) -> list[str]:
    return [line.strip() for line in raw.splitlines() if line.strip()]


def _parse(name: str, kind: str, raw: str) -> Any:
    if kind in ("money_list", "date_list"):
        return [item for item in _SPLIT.split(raw) if item]
    if kind == "period_list":
        periods = []
        for line in _lines(raw):
            parts = [p for p in _PERIOD_SPLIT.split(line) if p]
            if len(parts) != 2:
                raise ValueError(
                    _("无法识别“%(line)s”：每行应为“开始日 至 结束日”") % {"line": line}
                )
            periods.append({"start": parts[0], "end": parts[1]})
        return periods
    if name == "dependants":
        return [_dependant(line) for line in _lines(raw)]
    if name == "claim_items":
        return [_claim_item(line) for line in _lines(raw)]
    return raw


def _dependant(line: str) -> dict[str, Any]:
    words = [w for w in _SPLIT.split(line) if w]
    relation = RELATIONS.get(words[0], words[0])
    item: dict[str, Any] = {"relation": relation}
    rest = set(words[1:])
    if rest & {"孤寡老人", "孤寡", "widowed_elderly"}:
        item["widowed_elderly"] = True
    if rest & {"孤儿", "orphan"}:
        item["orphan"] = True
    return item


def _claim_item(line: str) -> dict[str, Any]:
    words = [w for w in _SPLIT.split(line) if w]
    if len(words) != 3:
        raise ValueError(_("无法识别“%(line)s”：每行应为“名称 金额 类别”") % {"line": line})
    return {"name": words[0], "amount": words[1], "kind": CLAIM_KINDS.get(words[2], words[2])}
