"""自前の Dataset と DataLoader: ``__len__`` と ``__getitem__`` を書くだけ。

``torch.utils.data.Dataset`` を継承し、データ数を返す ``__len__`` と、
i 番目の (入力, ラベル) を返す ``__getitem__`` を実装する。``DataLoader`` が
シャッフルとバッチへのまとめを受け持つ。``num_workers`` は読み込みを別
プロセスで並列化する設定で、CPU のコア数より大きくしない(ここでは
メインプロセスで読む 0)。
"""

import torch
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, Dataset


class DigitsDataset(Dataset):
    """scikit-learn 同梱の手書き数字(8×8 画素)を 1×8×8 の画像として返す。"""

    def __init__(self):
        digits = load_digits()
        self.images = torch.tensor(digits.images, dtype=torch.float32) / 16
        self.labels = torch.tensor(digits.target)

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, i: int) -> tuple[torch.Tensor, torch.Tensor]:
        return self.images[i].unsqueeze(0), self.labels[i]


dataset = DigitsDataset()
print(f"データ数: {len(dataset)}")
image, label = dataset[0]
print(f"1 件目: 画像 {tuple(image.shape)}, ラベル {label.item()}")

loader = DataLoader(
    dataset,
    batch_size=32,
    shuffle=True,
    num_workers=0,
    generator=torch.Generator().manual_seed(0),  # シャッフルの順序を固定
)
batch_images, batch_labels = next(iter(loader))
print(f"1 バッチの画像: {tuple(batch_images.shape)}")
print(f"1 バッチのラベル: {tuple(batch_labels.shape)}")
n_batches = len(loader)  # ceil(1797 / 32)
print(f"1 エポックのバッチ数(イテレーション数): {n_batches}")
