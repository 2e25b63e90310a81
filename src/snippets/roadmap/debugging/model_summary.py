"""torchinfo でモデルの構造、出力の形、パラメータ数を一覧にする。

``torchinfo.summary(model, input_size=...)`` は、ダミーの入力を 1 回流して、
層ごとの出力の形とパラメータ数を表にする(``pip install torchinfo``)。
``print(model)`` ではわからない「各層の出力の形」がわかるので、形の
食い違いを探すのに役立つ。
"""

import torch.nn as nn
from torchinfo import summary

model = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(8 * 4 * 4, 10),
)
info = summary(
    model,
    input_size=(32, 1, 8, 8),  # (バッチ, チャンネル, 高さ, 幅)
    col_names=("output_size", "num_params"),
    verbose=0,  # 自動では表示せず、戻り値を print する
)
print(info)
total_params = info.total_params
