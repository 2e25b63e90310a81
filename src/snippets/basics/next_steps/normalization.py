"""BatchNorm と LayerNorm: どの向きに正規化するかと、学習時・推論時の違い。

``nn.BatchNorm1d`` はミニバッチの中で特徴量ごと(列ごと)に平均 0・分散 1
にそろえる。学習中はバッチの統計を使い、その移動平均を覚えておいて、
``eval()`` では覚えた統計を使う。そのため学習中の出力は、同じサンプルでも
一緒に並んだほかのサンプルによって変わる。
``nn.LayerNorm`` はサンプルごと(行ごと)に特徴量の向きで正規化するので、
バッチの大きさや中身に左右されず、学習時と推論時で同じ計算になる。
"""

import torch
import torch.nn as nn


def show(t: torch.Tensor) -> str:
    """小数第 2 位まで(-0.00 は 0.00 と表示する)。"""
    return ", ".join(f"{v if abs(v) >= 5e-3 else 0.0:.2f}" for v in t.tolist())


torch.manual_seed(0)
# 8 サンプル × 4 特徴量。特徴量ごとに平均と大きさをずらしておく
x = torch.randn(8, 4) * torch.tensor([1.0, 5.0, 0.5, 20.0]) + 3.0

bn = nn.BatchNorm1d(4)
ln = nn.LayerNorm(4)
bn.train()
y_bn = bn(x).detach()
y_ln = ln(x).detach()
print(f"入力の列ごとの平均: {show(x.mean(dim=0))}")
print(f"BatchNorm の出力の列ごとの平均: {show(y_bn.mean(dim=0))}")
bn_std = y_bn.std(dim=0, correction=0)
print(f"BatchNorm の出力の列ごとの標準偏差: {show(bn_std)}")
print(f"LayerNorm の出力の行ごとの平均: {show(y_ln.mean(dim=1))}")
ln_std = y_ln.std(dim=1, correction=0)
print(f"LayerNorm の出力の行ごとの標準偏差: {show(ln_std)}")

# 学習中の BatchNorm: 同じサンプルでも、一緒に並ぶバッチで出力が変わる
first_alone = bn(x[:4])[0]
first_in_full = bn(x)[0]
bn_depends_on_batch = not torch.allclose(first_alone, first_in_full)
print(f"BatchNorm(学習中)の出力がバッチの中身で変わる: {bn_depends_on_batch}")

# LayerNorm: 1 サンプルだけでも、バッチの中でも同じ出力
ln_same = torch.allclose(ln(x[:1])[0], ln(x)[0])
print(f"LayerNorm の出力はバッチによらない: {ln_same}")

# 推論時の BatchNorm: 学習中に覚えた移動平均を使うので、1 サンプルでも動く
# (移動平均は 0 から始まり、バッチを通すたびにその平均へ 1 割ずつ近づく)
bn.eval()
with torch.no_grad():
    y_eval = bn(x[:1])
print(f"BatchNorm が覚えた移動平均: {show(bn.running_mean)}")
print(f"eval() では 1 サンプルでも計算できる: 形 {tuple(y_eval.shape)}")
