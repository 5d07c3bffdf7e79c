"""`manage.py claims_train --data FILE.jsonl [--from-db] [--model PATH]`: train the claim
classifier on labelled lines ({"text", "labels": [names], "doc"?}) and/or on the claim types
staff confirmed in the platform, and save it (default: settings.CLAIMS_MODEL_PATH)."""

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claimtext import LABELS, ModelConfig, train
from tongxin.claims import engine, selectors

from ._jsonl import read_examples


class Command(BaseCommand):
    help = "训练诉求类型识别模型（CAIL2019 劳动争议 20 类）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", type=Path, help="带标注的 JSONL 文件")
        parser.add_argument(
            "--from-db", action="store_true", help="加入工作人员在平台上确认的诉求类型"
        )
        parser.add_argument("--model", type=Path, help="模型保存路径（默认 CLAIMS_MODEL_PATH）")
        parser.add_argument(
            "--folds",
            type=int,
            default=ModelConfig.threshold_folds,
            help="选择阈值和判定方式的内部交叉验证折数（0 = 不调）",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        if not opts["data"] and not opts["from_db"]:
            raise CommandError("请指定 --data 文件或 --from-db（或两者）。")
        if opts["folds"] < 0 or opts["folds"] == 1:
            raise CommandError("--folds 应为 0 或不小于 2 的整数。")
        examples = []
        if opts["data"]:
            from_file = read_examples(opts["data"])
            self.stdout.write(f"读取 {opts['data']}：{len(from_file)} 条。")
            examples += from_file
        if opts["from_db"]:
            from_db = list(selectors.claim_training_examples())
            self.stdout.write(f"平台确认的诉求类型：{len(from_db)} 条。")
            examples += from_db
        if not examples:
            raise CommandError("没有训练数据。")
        t0 = time.perf_counter()

        def progress(step: str) -> None:
            self.stdout.write(f"  [{time.perf_counter() - t0:6.1f}s] {step}")
            self.stdout.flush()

        config = replace(ModelConfig(), threshold_folds=opts["folds"])
        self.stdout.write(f"开始训练（{len(examples)} 条）…")
        model = train(examples, config, progress=progress)
        path = model.save(opts["model"] or engine.model_path())
        info = model.info
        self.stdout.write(
            f"已保存 {path}（{path.stat().st_size / 1e6:.1f} MB，{info.n_features:,} 个特征），"
            f"用时 {info.train_seconds:.1f} 秒。"
        )
        if info.inner_cv_score is not None:
            self.stdout.write(f"内部交叉验证 CAIL 得分：{info.inner_cv_score:.4f}")
        source_names = {"model": "模型", "rule": "规则", "off": "不预测"}
        for name in LABELS:
            self.stdout.write(
                f"  {name}：正例 {info.positives[name]}，判定方式 "
                f"{source_names[info.sources[name]]}"
            )
