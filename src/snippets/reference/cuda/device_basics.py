"""デバイスを選び、テンソルを移し、結果を NumPy に戻す(CPU でも動く)。

PyTorch は演算の前にテンソルを自動で同じデバイスへ移すことはしない。
演算するテンソルは、すべて ``.to(device)`` で同じデバイスに揃える。
"""

import torch

print(f"PyTorch: {torch.__version__}")
print(f"CUDA(ビルド): {torch.version.cuda}")
print(f"CUDA が使えるか: {torch.cuda.is_available()}")

# GPU があれば GPU、なければ CPU
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"使うデバイス: {device}")

torch.manual_seed(0)
a = torch.randn(2, 3)  # CPU 上に作られる
b = torch.randn(2, 3)
print(f"a.device: {a.device}")  # テンソルが置かれているデバイス

a = a.to(device)  # 選んだデバイスへ移す(新しいテンソルが返る)
print(f"a.to(device).device: {a.device}")
print(f"a.cpu().device: {a.cpu().device}")  # CPU へ戻す

# 演算するテンソルは同じデバイスに揃える(b も明示的に移す)
c = a + b.to(device)
print(f"a + b.to(device): device={c.device}")

# NumPy へは CPU 経由で変換する(CUDA テンソルの .numpy() はエラー)
arr = c.cpu().numpy()
print(f"NumPy 配列: shape={arr.shape}, dtype={arr.dtype}")

# 最初から目的のデバイス上に作る
d = torch.tensor([1, 2], device=device)
print(f"torch.tensor([1, 2], device=device): {d.device}")
