"""インストールした PyTorch のバージョンと、GPU が使えるかを確かめる。

``torch.version.cuda`` は、その PyTorch が CUDA 向けにビルドされていれば
CUDA のバージョン、CPU 版なら ``None`` になる。``torch.cuda.is_available()``
は、CUDA 版であっても GPU とドライバが見つからなければ ``False`` を返す。
"""

# nondeterministic: インストールされたバージョンと機械の情報を表示する

import torch

print(f"PyTorch のバージョン: {torch.__version__}")
print(f"ビルドに使われた CUDA: {torch.version.cuda}")
print(f"CUDA が使えるか: {torch.cuda.is_available()}")
# CUDA・MPS・XPU などをまとめて調べる(PyTorch 2.6 以降)
print(f"アクセラレータが使えるか: {torch.accelerator.is_available()}")
