from datetime import datetime

from ninja import Field, Schema


class ClaimSuggestIn(Schema):
    text: str = Field(..., min_length=1, max_length=4000)


class SuggestionOut(Schema):
    label: str
    code: str
    confidence: float | None
    source: str


class ClassifierOut(Schema):
    kind: str
    version: str


class ClaimSuggestOut(Schema):
    classifier: ClassifierOut
    suggestions: list[SuggestionOut]


class ConfirmedOut(Schema):
    labels: list[str]
    corrected: bool
    confirmed_by: str | None
    confirmed_at: datetime


class WorkOrderClaimsOut(Schema):
    tracking_code: str
    classifier: ClassifierOut
    suggestions: list[SuggestionOut]
    confirmed: ConfirmedOut | None


class ClaimLabelsIn(Schema):
    labels: list[str] = Field(..., max_length=20)


class SimilarFilter(Schema):
    k: int = Field(5, ge=1, le=20)


class SimilarCaseOut(Schema):
    source: str
    title: str
    url: str
    received: str | None
    status: str
    outcome: str
    solved: bool | None
    score: float


class SimilarCasesOut(Schema):
    tracking_code: str
    index_built_at: datetime | None
    index_size: int
    results: list[SimilarCaseOut]
