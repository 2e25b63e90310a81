"""よくある間違い 3: スケジューラを呼ぶ位置を間違える。

(a) ``scheduler.step()`` を ``optimizer.step()`` より先に呼ぶと、PyTorch は
    警告を出し、学習率の予定が 1 エポック前にずれる。
(b) エポック単位のスケジューラ(StepLR など)をバッチごとに呼ぶと、
    学習率が想定の「1 エポックのバッチ数」倍の速さで下がる。

各エポックで実際に使われた学習率(optimizer.step() のときの値)を記録する。
"""

import warnings

import torch
import torch.nn as nn
from torch.optim.lr_scheduler import StepLR

epochs, batches_per_epoch = 4, 10


def run(mode: str):
    model = nn.Linear(2, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    scheduler = StepLR(optimizer, step_size=2, gamma=0.1)  # 2 エポックで 1/10
    used_lrs = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(epochs):
            if mode == "scheduler_first":
                scheduler.step()  # 誤り (a): 学習の前に呼ぶ
            used_lrs.append(optimizer.param_groups[0]["lr"])
            for _ in range(batches_per_epoch):
                optimizer.zero_grad()
                model(torch.ones(1, 2)).sum().backward()
                optimizer.step()
                if mode == "per_batch":
                    scheduler.step()  # 誤り (b): バッチごとに呼ぶ
            if mode == "correct":
                scheduler.step()  # 正しい例: エポックの終わりに 1 回
    messages = [str(w.message).split(". ")[0] for w in caught]
    return used_lrs, messages


results = {}
for label, mode in [
    ("誤り (a): エポックの最初に scheduler.step()", "scheduler_first"),
    ("誤り (b): バッチごとに scheduler.step()", "per_batch"),
    ("正しい例: optimizer.step() のあと、エポックの終わりに 1 回", "correct"),
]:
    lrs, messages = run(mode)
    results[mode] = (lrs, messages)
    print(label)
    print(f"    各エポックの学習率: {[f'{lr:.0e}' for lr in lrs]}")
    print(f"    警告: {messages[0] if messages else 'なし'}")
