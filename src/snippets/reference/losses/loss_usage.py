"""代表的な損失関数の使い方: 回帰・多クラス分類・二値分類。

多クラス分類の ``CrossEntropyLoss`` も、二値分類の ``BCEWithLogitsLoss`` も、
モデルの生の出力(ロジット)をそのまま渡す。softmax や sigmoid は損失関数の
中で数値的に安定な形で計算される。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)
inputs = torch.randn(8, 16)

# 平均二乗誤差(回帰)
reg_model = nn.Linear(16, 1)
mse_loss = nn.MSELoss()
targets = torch.randn(8, 1)
loss = mse_loss(reg_model(inputs), targets)
print(f"MSELoss:           {loss.item():.4f}")

# 交差エントロピー(多クラス分類): ロジットとクラス番号(int64)
clf_model = nn.Linear(16, 3)
ce_loss = nn.CrossEntropyLoss()
labels = torch.randint(0, 3, (8,))
loss = ce_loss(clf_model(inputs), labels)
print(f"CrossEntropyLoss:  {loss.item():.4f}")

# 二値分類: ロジットと 0/1 の float のラベル
bin_model = nn.Linear(16, 1)
bce_logits_loss = nn.BCEWithLogitsLoss()
y = torch.randint(0, 2, (8, 1)).float()
logits = bin_model(inputs)
loss = bce_logits_loss(logits, y)
print(f"BCEWithLogitsLoss: {loss.item():.4f}")

# BCELoss は確率を受け取る。通常の値なら同じ結果だが、次の例を参照
loss_bce = nn.BCELoss()(torch.sigmoid(logits), y)
print(f"BCELoss(sigmoid):  {loss_bce.item():.4f}")
