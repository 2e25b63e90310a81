"""はじめてのモデル: PyTorch で線形回帰 y = 2x + 1 を学習する。

データを作り、``nn.Module`` でモデルを定義し、損失関数とオプティマイザを選び、
「順伝播 → 損失 → 勾配を 0 に → 逆伝播 → 更新」をくり返す。最後に学習した
重みとバイアスを、最小二乗法の厳密解と比べ、損失の推移と回帰直線を図にする。

入力 x は標準正規分布(平均 0、標準偏差 1)から取る。x の大きさがそろって
いるので、学習率 0.1 の勾配降下法はどの乱数シードでも安定して収束する。
"""

import matplotlib.pyplot as plt
import matplotlib_fontja  # noqa: F401  import するだけで図の日本語が描ける
import torch
import torch.nn as nn
import torch.optim as optim

# ---- 1. データ準備 ----
# 乱数シードを固定して、毎回同じデータ・同じ初期値にする
SEED = 42
torch.manual_seed(SEED)

# 入力 X: 標準正規分布に従う 100 個の値、形は (100, 1) = (サンプル数, 特徴量数)
X_train = torch.randn(100, 1)
# 出力 y: 真の関係 y = 2x + 1 に、標準偏差 0.5 のノイズを加える
y_train = 2 * X_train + 1 + 0.5 * torch.randn(100, 1)
print(f"X_train: {tuple(X_train.shape)}, y_train: {tuple(y_train.shape)}")
print(f"x の範囲: {X_train.min().item():.2f} 〜 {X_train.max().item():.2f}")


# ---- 2. モデル定義 ----
class LinearRegressionModel(nn.Module):
    """y = wx + b を計算する 1 入力 1 出力のモデル。"""

    def __init__(self):
        super().__init__()  # nn.Module の初期化を必ず呼ぶ
        # 重み w(形 (1, 1))とバイアス b(形 (1,))を持つ全結合層
        self.linear = nn.Linear(in_features=1, out_features=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(x)


model = LinearRegressionModel()
print("\n初期パラメータ:")
for name, param in model.named_parameters():
    print(f"  {name}: {param.detach().flatten().tolist()}")


# ---- 3. 損失関数とオプティマイザ ----
criterion = nn.MSELoss()  # 平均二乗誤差
optimizer = optim.SGD(model.parameters(), lr=0.1)  # 勾配降下法、学習率 0.1


# ---- 4. 学習ループ ----
num_epochs = 100
loss_history = []
print(f"\n--- 学習開始({num_epochs} エポック)---")
for epoch in range(num_epochs):
    y_pred = model(X_train)  # 順伝播(model.forward を直接呼ばない)
    loss = criterion(y_pred, y_train)  # 損失
    loss_history.append(loss.item())  # .item() で Python の数値にする

    optimizer.zero_grad()  # 前回の勾配を消す(勾配は足し込まれるため)
    loss.backward()  # 逆伝播: 各パラメータの .grad に勾配が入る
    optimizer.step()  # パラメータを更新: p ← p − lr × p.grad

    if (epoch + 1) % 20 == 0:
        print(f"Epoch [{epoch + 1:3d}/{num_epochs}]  Loss: {loss.item():.4f}")
print("--- 学習完了 ---")


# ---- 5. 結果の確認 ----
learned_w = model.linear.weight.item()
learned_b = model.linear.bias.item()
print(f"\n学習した重み w = {learned_w:.4f}、バイアス b = {learned_b:.4f}")
print("データを作った真の値: w = 2、b = 1")

# 最小二乗法の厳密解(列 [x, 1] の連立方程式を解く)と比べる
A = torch.cat([X_train, torch.ones_like(X_train)], dim=1)
w_ls, b_ls = torch.linalg.lstsq(A, y_train).solution.flatten().tolist()
print(f"最小二乗法の厳密解: w = {w_ls:.4f}、b = {b_ls:.4f}")

# 図 1: 損失の推移
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(range(1, num_epochs + 1), loss_history)
ax.set_yscale("log")
ax.set_title("学習中の損失(MSE)の推移")
ax.set_xlabel("エポック")
ax.set_ylabel("損失(対数目盛)")
fig.tight_layout()
plt.show()

# 図 2: データと学習した直線
with torch.no_grad():  # 予測だけなので勾配は不要
    x_line = torch.linspace(X_train.min().item(), X_train.max().item(), 50)
    y_line = model(x_line.unsqueeze(1)).squeeze(1)
fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(X_train.numpy(), y_train.numpy(), alpha=0.6, label="データ")
ax.plot(x_line.numpy(), y_line.numpy(), color="red", label="学習した直線")
ax.plot(
    x_line.numpy(),
    (2 * x_line + 1).numpy(),
    color="gray",
    linestyle="--",
    label="真の直線 y = 2x + 1",
)
ax.set_title("線形回帰の結果")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.legend()
fig.tight_layout()
plt.show()
