"""最良の重みは、テンソルごとに複製して保存する(浅いコピーにしない)。"""

import torch.nn as nn

model = nn.Linear(4, 2)
best_weights = {k: v.detach().clone() for k, v in model.state_dict().items()}
# 複製したテンソルは、モデルのパラメータとメモリを共有しない
print(best_weights["weight"].data_ptr() != model.weight.data_ptr())
