"""Page input only: turning the case forms' fields into the services' payloads."""

import json
import re
import unicodedata
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _

from tongxin.core.exceptions import ApplicationError
from tongxin.core.validation import MOBILE_RE

ID_RE = re.compile(r"^[0-9]{17}[0-9Xx]$")
LIST_FIELDS = ("workers", "mediators")
EMPLOYER_FIELDS = ("name", "uscc", "legal_rep_name", "legal_rep_title", "address")
WORKER_FIELDS = ("name", "phone", "id_number", "gender", "occupation", "address")


def parse_roster(text: str) -> list[dict[str, Any]]:
    """One worker per line: name, then in any order a mobile number, an ID number and the
    word 代表 for an elected representative, separated by spaces or commas."""
    workers = []
    for number, line in enumerate(text.splitlines(), start=1):
        tokens = [t for t in re.split(r"[\s,，、;；]+", line.strip()) if t]
        if not tokens:
            continue
        worker: dict[str, Any] = {"role": "worker", "name": tokens[0]}
        for token in tokens[1:]:
            token = unicodedata.normalize("NFKC", token)  # full-width digits → ASCII
            if MOBILE_RE.match(token):
                worker["phone"] = token
            elif ID_RE.match(token):
                worker["id_number"] = token
            elif token in ("代表", "*"):
                worker["is_representative"] = True
            else:
                raise ApplicationError(
                    _("职工名单第 %(n)d 行：看不懂“%(t)s”（每行：姓名 手机号 身份证号 代表）。")
                    % {"n": number, "t": token},
                    code="roster",
                    field="roster",
                )
        workers.append(worker)
    return workers


def application_data(post: QueryDict) -> dict[str, Any]:
    """The application form: case fields, the employer, then the applicant or the roster."""
    data: dict[str, Any] = {
        k: post.get(k, "")
        for k in (
            "kind",
            "source",
            "application_form",
            "received_on",
            "requests",
            "facts",
            "evidence",
            "referring_court",
            "court_case_no",
            "court_procedure",
        )
    }
    employer = {"role": "employer", **{f: post.get(f"employer_{f}", "") for f in EMPLOYER_FIELDS}}
    if post.get("roster", "").strip():
        workers = parse_roster(post["roster"])
    else:
        workers = [{"role": "worker", **{f: post.get(f"worker_{f}", "") for f in WORKER_FIELDS}}]
    data["parties"] = [employer, *workers]
    if post.get("claim_type"):
        data["claims"] = [
            {
                "worker": i,
                "type": post["claim_type"],
                "amount_claimed": post.get("claim_amount", ""),
            }
            for i in range(1, len(data["parties"]))
        ]
    return data


def transition_payload(post: QueryDict) -> dict[str, Any]:
    """An action form: lists for multi-selects, `amounts.<claim id>` into one dict and the
    calculator page's inputs (JSON) into a dict."""
    # An empty field means "not given" (a change form changes only what was filled in).
    data: dict[str, Any] = {
        k: v for k, v in post.items() if v != "" and not k.startswith(("amounts.", "csrf"))
    }
    for key in LIST_FIELDS:
        if key in post:
            data[key] = [v for v in post.getlist(key) if v]
    data["amounts"] = {
        k.removeprefix("amounts."): v for k, v in post.items() if k.startswith("amounts.") and v
    }
    if raw := post.get("calculator_inputs"):  # the calculator page's inputs, as JSON
        try:
            data["calculator_inputs"] = json.loads(raw)
        except ValueError:
            raise ApplicationError(
                _("计算器输入无效。"), code="invalid", field="calculator_inputs"
            ) from None
    return data
