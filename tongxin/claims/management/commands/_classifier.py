"""Which classifier a command uses: --model PATH, the configured model file, or the fallback."""

from pathlib import Path

from django.core.management.base import CommandError, OutputWrapper

from claimtext import ClaimModel, LexiconClassifier, ModelVersionError
from tongxin.claims import engine


def load_for_command(
    model: str | None, *, lexicon: bool, stdout: OutputWrapper
) -> ClaimModel | LexiconClassifier:
    if lexicon:
        stdout.write(f"使用法定用语规则（{LexiconClassifier.version}）。")
        return LexiconClassifier()
    path = Path(model) if model else engine.model_path()
    if not path.exists():
        if model:
            raise CommandError(f"找不到模型文件：{path}")
        stdout.write(
            f"未找到模型文件 {path}，使用法定用语规则（{LexiconClassifier.version}）。"
            "可先运行 claims_train。"
        )
        return LexiconClassifier()
    try:
        loaded = ClaimModel.load(path)
    except ModelVersionError as exc:
        raise CommandError(f"模型文件不可用：{exc}") from None
    stdout.write(f"使用模型 {path}（{loaded.info.n_examples} 条训练数据）。")
    return loaded
