"""`manage.py claims_predict --in FILE.jsonl --out FILE.jsonl [--model PATH]`: the same lines
in the same order, each with "labels" set to the predicted label names."""

import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ._classifier import load_for_command
from ._jsonl import read_objects


class Command(BaseCommand):
    help = "用诉求类型识别模型标注 JSONL 文件中每行的 text。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--in", dest="in_path", type=Path, required=True)
        parser.add_argument("--out", dest="out_path", type=Path, required=True)
        parser.add_argument("--model", help="模型文件（默认 CLAIMS_MODEL_PATH，缺失时用规则）")
        parser.add_argument("--lexicon", action="store_true", help="只用法定用语规则")
        parser.add_argument("--batch", type=int, default=5000)

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["batch"] < 1:
            raise CommandError("--batch 应为正整数。")
        if opts["in_path"].resolve() == opts["out_path"].resolve():
            raise CommandError("--out 不能与 --in 相同。")
        clf = load_for_command(opts["model"], lexicon=opts["lexicon"], stdout=self.stdout)
        rows = list(read_objects(opts["in_path"], need_labels=False))
        texts = [obj["text"] for _n, obj in rows if obj is not None]
        total = len(texts)
        predicted: list[list[str]] = []
        t0 = time.perf_counter()
        for start in range(0, total, opts["batch"]):
            predicted += clf.predict(texts[start : start + opts["batch"]])
            self.stdout.write(f"\r已预测 {len(predicted)}/{total}", ending="")
            self.stdout.flush()
        self.stdout.write("")
        out = opts["out_path"]
        tmp = out.with_name(out.name + ".tmp")
        labels = iter(predicted)
        with open(tmp, "w", encoding="utf-8") as fh:
            for _n, obj in rows:
                if obj is None:
                    fh.write("\n")
                    continue
                obj["labels"] = next(labels)
                fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
        tmp.replace(out)
        elapsed = time.perf_counter() - t0
        self.stdout.write(f"已写入 {out}：{total} 行，用时 {elapsed:.1f} 秒。")
