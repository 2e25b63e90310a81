"""オプティマイザが内部に持つ状態の量を数える(メモリ使用量の比較)。

1 ステップ更新したあと、``optimizer.state`` に保存されたテンソルの要素数を
パラメータ数で割る。Adam はパラメータ 1 個につき 2 個の値(勾配とその 2 乗の
移動平均)を持つので、SGD より多くのメモリを使う。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(100, 100), nn.ReLU(), nn.Linear(100, 10))
n_params = sum(p.numel() for p in model.parameters())

optimizers = {
    "SGD": lambda ps: torch.optim.SGD(ps, lr=0.1),
    "SGD (momentum)": lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9),
    "RMSprop": lambda ps: torch.optim.RMSprop(ps, lr=0.01),
    "Adagrad": lambda ps: torch.optim.Adagrad(ps, lr=0.01),
    "Adadelta": lambda ps: torch.optim.Adadelta(ps),
    "Adam": lambda ps: torch.optim.Adam(ps, lr=0.001),
    "AdamW": lambda ps: torch.optim.AdamW(ps, lr=0.001),
}
state_per_param = {}
print(f"パラメータ数: {n_params:,}")
for name, make in optimizers.items():
    opt = make(model.parameters())
    opt.zero_grad()
    model(torch.randn(8, 100)).sum().backward()
    opt.step()
    n_state = sum(
        v.numel()
        for state in opt.state.values()
        for v in state.values()
        if torch.is_tensor(v) and v.dim() > 0  # step などのスカラーは除く
    )
    state_per_param[name] = n_state / n_params
    print(
        f"{name:<15} 状態の要素数 {n_state:>7,}"
        f"(パラメータ 1 個あたり {state_per_param[name]:.0f})"
    )
