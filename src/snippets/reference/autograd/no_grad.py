"""勾配の追跡を止める 3 つの方法。"""

import torch

torch.manual_seed(0)
x = torch.randn(2, 2, requires_grad=True)

# 方法 1: コンテキストマネージャー
with torch.no_grad():
    y = x * 2
print(f"with torch.no_grad(): y.requires_grad = {y.requires_grad}")


# 方法 2: デコレータ(関数全体で追跡しない)
@torch.no_grad()
def inference(t):
    return t * 2


print(f"@torch.no_grad():     requires_grad = {inference(x).requires_grad}")

# 方法 3: テンソルの属性を変える(in-place)
print(f"変更前: x.requires_grad = {x.requires_grad}")
x.requires_grad_(False)
print(f"変更後: x.requires_grad = {x.requires_grad}")

# 推論専用なら torch.inference_mode() がさらに軽い
w = torch.randn(2, 2, requires_grad=True)
with torch.inference_mode():
    z = w * 2
print(f"inference_mode: z.requires_grad = {z.requires_grad}")
