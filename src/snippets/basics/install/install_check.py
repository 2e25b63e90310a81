"""インストールの確認: バージョン、CUDA の有無、GPU の数。

``torch.version.cuda`` は、この PyTorch が「どの CUDA 向けにビルドされたか」
を示す(CPU 版では ``None``)。``torch.cuda.is_available()`` は、いま実際に
CUDA の GPU を使えるかを示す。CUDA 版を入れても、ドライバがない・古いと
``False`` になる。
"""

import sys

import torch

print(f"Python: {sys.version.split()[0]}")
print(f"PyTorch: {torch.__version__}")
print(f"ビルドに使われた CUDA: {torch.version.cuda}")  # CPU 版は None
cuda_ok = torch.cuda.is_available()
print(f"CUDA が使えるか: {cuda_ok}")
print(f"使える GPU の数: {torch.cuda.device_count()}")
if cuda_ok:
    print(f"GPU 0: {torch.cuda.get_device_name(0)}")

# 簡単な計算が動けば、インストールは成功している
torch.manual_seed(0)
x = torch.rand(2, 3)
print(f"計算の確認: {tuple(x.shape)} のテンソルの合計 = {x.sum().item():.4f}")
