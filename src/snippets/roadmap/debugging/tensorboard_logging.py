"""TensorBoard に学習の記録を書き、書いた値を読み戻して確かめる。

``torch.utils.tensorboard.SummaryWriter`` は、損失や学習率などのスカラーを
イベントファイルに書き出す(``pip install tensorboard`` が別途必要)。
ふだんはターミナルで ``tensorboard --logdir <ディレクトリ>`` を起動して
ブラウザで見る。ここでは一時ディレクトリに書き、``EventAccumulator`` で
読み戻して、記録した値がそのまま入っていることを確かめる。
"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import tempfile

import torch
import torch.nn as nn
from tensorboard.backend.event_processing.event_accumulator import (
    EventAccumulator,
)
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
X = torch.randn(64, 4)
y = X.sum(dim=1, keepdim=True)
model = nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

with tempfile.TemporaryDirectory() as logdir:
    with SummaryWriter(log_dir=logdir) as writer:
        for step in range(20):
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(X), y)
            loss.backward()
            grad_norm = nn.utils.clip_grad_norm_(model.parameters(), 1e9)
            optimizer.step()
            writer.add_scalar("train/loss", loss.item(), step)
            writer.add_scalar("train/grad_norm", grad_norm.item(), step)
            lr = optimizer.param_groups[0]["lr"]
            writer.add_scalar("train/lr", lr, step)

    acc = EventAccumulator(logdir)
    acc.Reload()  # イベントファイルを読み込む
    tags = acc.Tags()["scalars"]
    logged_loss = [e.value for e in acc.Scalars("train/loss")]

print(f"記録されたタグ: {sorted(tags)}")
print(f"train/loss の記録数: {len(logged_loss)}")
print(f"最初と最後の損失: {logged_loss[0]:.4f} -> {logged_loss[-1]:.4f}")
