"""データ拡張をテンソル演算だけで書く(torchvision を使わない)。

画像のデータ拡張は torchvision.transforms でもできるが、ここでは
依存を増やさないよう、テンソル演算で次の 3 つを実装する。

- ランダムな平行移動: 周囲を 0 で埋めてから 8×8 を切り出す(RandomCrop 相当)
- ランダムな明るさの変化: 画素値に倍率を掛ける(ColorJitter の明るさ相当)
- ガウスノイズ

手書き数字は左右反転すると別の形になるので、反転は使わない(拡張は
ラベルが変わらない変換だけを選ぶ)。乱数は ``torch.Generator`` で固定する。
"""

import matplotlib.pyplot as plt
import matplotlib_fontja  # noqa: F401  import するだけで図の日本語が描ける
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits


def random_shift(images: torch.Tensor, max_shift: int, g) -> torch.Tensor:
    """(N, 1, H, W) の画像を、画像ごとに最大 max_shift 画素ずらす。"""
    n, _, h, w = images.shape
    padded = F.pad(images, [max_shift] * 4)  # 上下左右を 0 で埋める
    dy = torch.randint(0, 2 * max_shift + 1, (n,), generator=g)
    dx = torch.randint(0, 2 * max_shift + 1, (n,), generator=g)
    return torch.stack(
        [padded[i, :, dy[i] : dy[i] + h, dx[i] : dx[i] + w] for i in range(n)]
    )


def augment(images: torch.Tensor, g: torch.Generator) -> torch.Tensor:
    out = random_shift(images, max_shift=1, g=g)
    scale = torch.empty(len(out), 1, 1, 1).uniform_(0.8, 1.2, generator=g)
    out = out * scale  # 明るさ
    out = out + 0.05 * torch.randn(out.shape, generator=g)  # ノイズ
    return out.clamp(0.0, 1.0)


digits = load_digits()
images = torch.tensor(digits.images[:6], dtype=torch.float32).unsqueeze(1) / 16
g = torch.Generator().manual_seed(0)
augmented = augment(images, g)
print(f"入力 {tuple(images.shape)} -> 拡張後 {tuple(augmented.shape)}")
lo, hi = augmented.min().item(), augmented.max().item()
print(f"画素値の範囲: {lo:.2f} 〜 {hi:.2f}")
print(f"元画像との差の平均: {(augmented - images).abs().mean().item():.3f}")

fig, axes = plt.subplots(2, 6, figsize=(8, 3))
for i in range(6):
    axes[0, i].imshow(images[i, 0].numpy(), cmap="gray_r", vmin=0, vmax=1)
    axes[1, i].imshow(augmented[i, 0].numpy(), cmap="gray_r", vmin=0, vmax=1)
    axes[0, i].set_axis_off()
    axes[1, i].set_axis_off()
axes[0, 0].set_title("元画像", loc="left")
axes[1, 0].set_title("拡張後", loc="left")
fig.tight_layout()
plt.show()
