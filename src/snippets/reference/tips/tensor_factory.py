"""torch.tensor() と torch.Tensor() の違い。

``torch.tensor(data, dtype=..., device=..., requires_grad=...)`` はデータから
テンソルを作る関数で、dtype をデータから推論し、引数で指定もできる。
``torch.Tensor`` はクラスのコンストラクタで、常に既定の浮動小数点型
(float32)になり、整数を並べると未初期化のテンソルを作る。
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

data = [1, 2, 3]
t1 = torch.tensor(data)  # dtype はデータから推論(整数 → int64)
t2 = torch.tensor(data, dtype=torch.float32, device=device)
t3 = torch.Tensor(data)  # 常に float32
print(f"torch.tensor(data):            {t1}, dtype={t1.dtype}")
print(f"torch.tensor(data, float32):   dtype={t2.dtype}, device={t2.device}")
print(f"torch.Tensor(data):            {t3}, dtype={t3.dtype}")

# torch.Tensor(2, 3) は「2×3 の未初期化テンソル」。中身は不定なので表示しない
t4 = torch.Tensor(2, 3)
print(f"torch.Tensor(2, 3).shape:      {t4.shape}")

# 形状だけを決めるときは、意図がはっきりする関数を使う
print(f"torch.empty(2, 3).shape:       {torch.empty(2, 3).shape}(未初期化)")
print(f"torch.zeros(2, 3):\n{torch.zeros(2, 3)}")

# torch.tensor は勾配の追跡も指定できる
w = torch.tensor([0.5, -0.5], requires_grad=True)
print(f"requires_grad: {w.requires_grad}")
