"""`manage.py claims_eval --data FILE.jsonl [--model PATH]`: micro-F1, macro-F1 and
score = (micro-F1 + macro-F1) / 2 as the official CAIL2019 要素识别 judger computes them
(per label; a label with TP = FP = FN = 0 scores F1 = 1)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from claimtext import LABELS, judge
from claimtext.labels import LABEL_TO_CODE

from ._classifier import load_for_command
from ._jsonl import read_objects


class Command(BaseCommand):
    help = "按 CAIL2019 官方评测方式评估诉求类型识别。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", type=Path, required=True)
        parser.add_argument("--model", help="模型文件（默认 CLAIMS_MODEL_PATH，缺失时用规则）")
        parser.add_argument("--lexicon", action="store_true", help="只用法定用语规则")

    def handle(self, *args: Any, **opts: Any) -> None:
        clf = load_for_command(opts["model"], lexicon=opts["lexicon"], stdout=self.stdout)
        rows = [obj for _n, obj in read_objects(opts["data"], need_labels=True) if obj]
        truth = [obj["labels"] for obj in rows]
        report = judge(truth, clf.predict([obj["text"] for obj in rows]))
        self.stdout.write(f"句子数：{len(rows)}")
        self.stdout.write(f"micro-F1: {report.micro_f1:.4f}")
        self.stdout.write(f"macro-F1: {report.macro_f1:.4f}")
        self.stdout.write(f"score:    {report.score:.4f}")
        self.stdout.write("label\tcode\tsupport\tP\tR\tF1")
        for name in LABELS:
            c = report.counts[name]
            p, r, f = report.per_label[name]
            self.stdout.write(
                f"{name}\t{LABEL_TO_CODE[name]}\t{c.tp + c.fn}\t{p:.3f}\t{r:.3f}\t{f:.3f}"
            )
