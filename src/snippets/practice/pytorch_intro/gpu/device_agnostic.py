"""デバイスに依存しないコード: GPU があれば GPU、なければ CPU で動かす。

``torch.accelerator`` は CUDA・Apple の MPS・Intel の XPU などをまとめて扱う
(PyTorch 2.6 以降)。どのデバイスで動いたかを表示するので、同じコードが CPU
だけの環境でもそのまま動くことを確かめられる。
"""

import torch

# 使えるアクセラレータ(GPU など)があればそれを、なければ CPU を使う
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
print(f"使用デバイス: {device}")

torch.manual_seed(0)
x = torch.randn(1000, 1000)
x_dev = x.to(device)  # デバイスへ転送(CPU なら同じテンソルのまま)
print(f"x_dev.device: {x_dev.device}")

# 転送先のデバイスで計算する
y_dev = x_dev @ x_dev.T
print(f"計算結果の shape: {y_dev.shape}, device: {y_dev.device}")

# NumPy に渡すときなどは CPU に戻す
y_cpu = y_dev.cpu()
print(f"CPU に戻した結果の device: {y_cpu.device}")

# 最初から目的のデバイス上に作ることもできる(転送のコピーが不要)
z = torch.randn(10, 10, device=device)
print(f"デバイスを指定して作成: {z.device}")
