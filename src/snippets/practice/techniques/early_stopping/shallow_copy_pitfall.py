"""落とし穴: state_dict().copy() は浅いコピーで、最良の重みを保存できない。

``dict.copy()`` は辞書という入れ物だけを複製し、中のテンソルはモデルの
パラメータと同じメモリを指したまま。学習を続けると「保存したはずの重み」も
一緒に書き換わり、あとで ``load_state_dict`` しても何も戻らない。
"""

import torch
import torch.nn as nn
from sklearn.datasets import load_digits

torch.manual_seed(0)
digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16.0
y = torch.tensor(digits.target)
X_train, y_train, X_val, y_val = X[:1400], y[:1400], X[1400:], y[1400:]

model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def val_loss_of(model: nn.Module) -> float:
    with torch.no_grad():
        return criterion(model(X_val), y_val).item()


def train_one_epoch() -> None:
    for idx in torch.randperm(len(X_train)).split(32):
        optimizer.zero_grad()
        criterion(model(X_train[idx]), y_train[idx]).backward()
        optimizer.step()


train_one_epoch()
saved_loss = val_loss_of(model)  # この時点の重みを「保存」する
shallow = model.state_dict().copy()  # 誤り: 浅いコピー
deep = {k: v.detach().clone() for k, v in model.state_dict().items()}  # 正しい

weight = model[0].weight
print(
    f"浅いコピーはパラメータとメモリを共有しているか: "
    f"{shallow['0.weight'].data_ptr() == weight.data_ptr()}"
)

for _ in range(5):  # 学習を続ける(重みが変わる)
    train_one_epoch()
current_loss = val_loss_of(model)

model.load_state_dict(shallow)
shallow_restored_loss = val_loss_of(model)
model.load_state_dict(deep)
deep_restored_loss = val_loss_of(model)

print(f"保存した時点の検証損失:         {saved_loss:.6f}")
print(f"学習を続けた後の検証損失:       {current_loss:.6f}")
print(f"浅いコピーから「復元」した損失: {shallow_restored_loss:.6f}")
print(f"clone() から復元した損失:       {deep_restored_loss:.6f}")
