"""The parties as the documents print them.

Phones and ID numbers are printed masked (138****0000, 350***********1234). These papers are
handed to both sides and filed; the project documents ask for masking wherever personal data
is shown (AGENTS.md, README "Personal data", domain-model.md §7: "mask in UI") and state no
reason to print the numbers in full: the parties identify themselves by signing, and the
mediation body holds the full numbers in the case record if an arbitration committee or a
court needs them."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from tongxin.core.masking import mask_id_number, mask_phone
from tongxin.disputes.documents.formatting import chinese
from tongxin.disputes.models import MediationCase, Party

Person = dict[str, Any]


def person(p: Party, *, employer_name: str, on: date) -> Person:
    """A worker's basics (LDMAL art. 12; domain-model.md §3); age as at `on`."""
    age = f"{on.year - p.birth_year}岁" if p.birth_year else ""
    gender = chinese(Party.Gender(p.gender).label) if p.gender else ""
    phone, id_number = mask_phone(p.phone), mask_id_number(p.id_number)
    facts = [
        p.name,
        gender,
        age,
        f"职业：{p.occupation}" if p.occupation else "",
        f"工作单位：{employer_name}" if employer_name else "",
        f"住址：{p.address}" if p.address else "",
        f"联系电话：{phone}" if phone else "",
        f"身份证号码：{id_number}" if id_number else "",
    ]
    return {
        "name": p.name,
        "gender": gender,
        "age": age,
        "occupation": p.occupation,
        "phone": phone,
        "id_number": id_number,
        "is_representative": p.is_representative,
        "basics": "，".join(f for f in facts if f),
    }


def respondent(p: Party | None) -> Person:
    """The employer with its legal representative; blank lines if not yet registered."""
    if p is None:
        return {"name": "", "legal_rep": "", "basics": ""}
    legal_rep = p.legal_rep_name + (f"（{p.legal_rep_title}）" if p.legal_rep_title else "")
    phone = mask_phone(p.phone)
    facts = [
        p.name,
        f"住所：{p.address}" if p.address else "",
        f"统一社会信用代码：{p.uscc}" if p.uscc else "",
        f"法定代表人：{legal_rep}" if legal_rep else "",
        f"联系电话：{phone}" if phone else "",
    ]
    return {"name": p.name, "legal_rep": legal_rep, "basics": "，".join(f for f in facts if f)}


def agent(p: Party) -> Person:
    phone = mask_phone(p.phone)
    acts_for = f"（{p.agent_for.name}的委托代理人）" if p.agent_for else ""
    return {"basics": p.name + acts_for + (f"，联系电话：{phone}" if phone else "")}


@dataclass(frozen=True)
class Cast:
    """A case's parties, read once: workers in the order they were registered."""

    workers: list[Party]
    employer: Party | None
    agents: list[Party]

    @classmethod
    def of(cls, case: MediationCase) -> "Cast":
        parties = sorted(case.parties.select_related("agent_for"), key=lambda p: p.pk)
        return cls(
            workers=[p for p in parties if p.role == Party.Role.WORKER],
            employer=next((p for p in parties if p.role == Party.Role.EMPLOYER), None),
            agents=[p for p in parties if p.role == Party.Role.AGENT],
        )

    @property
    def employer_name(self) -> str:
        return self.employer.name if self.employer else ""

    def acting(self, case: MediationCase, workers: list[Party] | None = None) -> list[Party]:
        """Who appears as 申请人: a collective dispute's elected representatives (LDMAL
        art. 7), otherwise the workers themselves (`workers`, default all)."""
        representatives = [w for w in self.workers if w.is_representative]
        if case.kind == MediationCase.Kind.COLLECTIVE and representatives:
            return representatives
        return self.workers if workers is None else workers

    def applicant_names(self, case: MediationCase) -> str:
        """王工1, or for a collective dispute 王工1、李工2、张工3（推举代表）等23名职工."""
        acting = self.acting(case)
        if case.kind != MediationCase.Kind.COLLECTIVE:
            return "、".join(w.name for w in acting)
        if acting and acting[0].is_representative:
            return "、".join(w.name for w in acting) + f"（推举代表）等{len(self.workers)}名职工"
        first = acting[0].name if acting else ""
        return f"{first}等{len(self.workers)}名职工"
