"""チェックポイントと再開: 途中で止めて再開しても、通しの学習と同じ結果になる。

再開に必要なのはモデルの重みだけではない。オプティマイザの状態(Adam の
移動平均など)、スケジューラの状態、エポック数、乱数生成器の状態も
まとめて 1 つの辞書に保存する。中身はテンソルと基本型だけなので、
``torch.load`` の既定 ``weights_only=True`` のまま読み込める。
ここでは 6 エポック通しで学習した結果と、3 エポックで保存 → 新しい
オブジェクトに読み込み → 残り 3 エポック、の結果を比べる。
"""

import tempfile
from pathlib import Path

import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(256, 8)
y = X @ torch.randn(8, 1) + 0.1 * torch.randn(256, 1)


def make_training_objects():
    torch.manual_seed(1)  # モデルの初期値を毎回同じにする
    model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    scheduler = torch.optim.lr_scheduler.StepLR(
        optimizer, step_size=2, gamma=0.5
    )
    generator = torch.Generator().manual_seed(2)  # バッチの順序を決める乱数
    return model, optimizer, scheduler, generator


def train_epoch(model, optimizer, scheduler, generator) -> float:
    order = torch.randperm(len(X), generator=generator)
    for idx in order.split(32):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(X[idx]), y[idx])
        loss.backward()
        optimizer.step()
    scheduler.step()
    return loss.item()


# (a) 通しで 6 エポック
model_a, opt_a, sched_a, gen_a = make_training_objects()
for _ in range(6):
    train_epoch(model_a, opt_a, sched_a, gen_a)

# (b) 3 エポックで保存し、まったく新しいオブジェクトで再開する
model_b, opt_b, sched_b, gen_b = make_training_objects()
done_epochs = 3
for _ in range(done_epochs):
    last_loss = train_epoch(model_b, opt_b, sched_b, gen_b)

with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "checkpoint.pt"
    torch.save(
        {
            "epoch": done_epochs,
            "model": model_b.state_dict(),
            "optimizer": opt_b.state_dict(),
            "scheduler": sched_b.state_dict(),
            "generator": gen_b.get_state(),
            "loss": last_loss,
        },
        path,
    )
    del model_b, opt_b, sched_b, gen_b  # 中断したつもり

    model_c, opt_c, sched_c, gen_c = make_training_objects()
    ckpt = torch.load(path)  # weights_only=True(既定)で読める
    model_c.load_state_dict(ckpt["model"])
    opt_c.load_state_dict(ckpt["optimizer"])
    sched_c.load_state_dict(ckpt["scheduler"])
    gen_c.set_state(ckpt["generator"])
    start_epoch = ckpt["epoch"]

print(f"エポック {start_epoch} から再開(保存時の損失 {ckpt['loss']:.4f})")
for _ in range(start_epoch, 6):
    train_epoch(model_c, opt_c, sched_c, gen_c)

identical = all(
    torch.equal(p, q)
    for p, q in zip(model_a.parameters(), model_c.parameters(), strict=True)
)
print(f"通しの学習と再開した学習の重みが完全に一致: {identical}")
lr_a, lr_c = sched_a.get_last_lr()[0], sched_c.get_last_lr()[0]
print(f"学習率: 通し {lr_a:.5f} / 再開 {lr_c:.5f}")
