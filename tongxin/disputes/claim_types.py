"""What each claim type means: the labour-law calculator that computes its amount, the claim
labels (claimtext, CAIL2019) that suggest it, and the statute behind it."""

from dataclasses import dataclass

from tongxin.disputes.models import ClaimType, SeparationCorrection


@dataclass(frozen=True)
class ClaimSpec:
    calculator: str | None  # laborlaw calculator name, None for non-monetary or free amounts
    labels: tuple[str, ...]  # claimtext labels that suggest this claim
    basis: str
    monetary: bool = True


CLAIM_SPECS: dict[str, ClaimSpec] = {
    ClaimType.WAGES: ClaimSpec(
        "final_wages", ("支付工资", "未支付足额劳动报酬"), "《劳动法》第50条；《工资支付暂行规定》"
    ),
    ClaimType.OVERTIME: ClaimSpec("overtime_pay", ("支付加班工资",), "《劳动法》第44条"),
    ClaimType.DOUBLE_WAGE: ClaimSpec(
        "double_wage", ("支付未签订劳动合同二倍工资赔偿", "未签订劳动合同"), "《劳动合同法》第82条"
    ),
    ClaimType.SEVERANCE: ClaimSpec(
        "severance", ("支付经济补偿金", "经济性裁员"), "《劳动合同法》第46条、第47条"
    ),
    ClaimType.DAMAGES: ClaimSpec(
        "unlawful_termination_damages",
        ("不支付违法解除劳动关系赔偿金",),
        "《劳动合同法》第48条、第87条",
    ),
    ClaimType.NOTICE_PAY: ClaimSpec(
        "notice_pay", ("用人单位提前通知解除",), "《劳动合同法》第40条"
    ),
    ClaimType.ANNUAL_LEAVE: ClaimSpec("annual_leave_pay", (), "《职工带薪年休假条例》第5条"),
    ClaimType.ARREARS_PENALTY: ClaimSpec("wage_arrears_penalty", (), "《劳动合同法》第85条"),
    ClaimType.WORK_INJURY: ClaimSpec(
        "work_injury_disability", ("支付工伤赔偿",), "《工伤保险条例》第33条至第37条"
    ),
    ClaimType.WORK_DEATH: ClaimSpec(
        "work_injury_death", ("支付工亡补助金|丧葬补助金|抚恤金",), "《工伤保险条例》第39条"
    ),
    ClaimType.BONUS: ClaimSpec(None, ("不支付奖金",), "《劳动法》第50条；劳动合同约定"),
    ClaimType.DEPOSIT_REFUND: ClaimSpec(
        None, ("违法向劳动者收取财物",), "《劳动合同法》第9条、第84条"
    ),
    ClaimType.SOCIAL_INSURANCE: ClaimSpec(None, (), "《社会保险法》第58条、第63条", monetary=False),
    ClaimType.CONFIRM_RELATION: ClaimSpec(
        None, ("存在劳动关系",), "《劳动争议调解仲裁法》第2条", monetary=False
    ),
    ClaimType.SEPARATION_RECORD: ClaimSpec(
        None, ("解除劳动关系",), "《劳动合同法》第50条；《社会保险法》第45条", monetary=False
    ),
    ClaimType.OTHER: ClaimSpec(None, (), "《劳动争议调解仲裁法》第2条"),
}
assert set(CLAIM_SPECS) == set(ClaimType.values), "every claim type needs a spec"


def claim_types_for_labels(labels: list[str]) -> list[str]:
    """Claim types suggested by recognised claim labels, in catalogue order."""
    wanted = set(labels)
    return [t for t, spec in CLAIM_SPECS.items() if wanted & set(spec.labels)]


# Separation reasons after which the worker lost the job 非因本人意愿 and may claim
# unemployment benefit (社会保险法 art. 45; 失业保险金申领发放办法 art. 4).
R = SeparationCorrection.Reason
INVOLUNTARY_REASONS = frozenset(
    {
        R.WORKER_ART38,
        R.EMPLOYER_ART40_41,
        R.MUTUAL_EMPLOYER,
        R.CONTRACT_EXPIRED,
        R.EMPLOYER_CLOSED,
        R.DISMISSED_FOR_CAUSE,
    }
)
