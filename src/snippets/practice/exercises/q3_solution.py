"""問題3 解答例: 特徴量ごとに標準化するカスタムデータセット。

``__init__`` で平均と標準偏差を計算して標準化し、テンソルに変換しておく。
``__getitem__`` は (特徴量, ラベル) の組を返す。
"""

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset


class NormalizedDataset(Dataset):
    """特徴量を平均 0、標準偏差 1 に標準化するデータセット。"""

    def __init__(self, data: np.ndarray, labels: np.ndarray):
        self.mean = data.mean(axis=0)
        self.std = data.std(axis=0) + 1e-8  # 0 除算を避ける
        normalized = (data - self.mean) / self.std
        self.data = torch.tensor(normalized, dtype=torch.float32)
        self.labels = torch.tensor(labels, dtype=torch.long)

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, idx: int):
        return self.data[idx], self.labels[idx]


rng = np.random.default_rng(42)
data = rng.normal(loc=10, scale=5, size=(100, 10))  # 平均 10、標準偏差 5
labels = rng.integers(0, 3, size=100)

dataset = NormalizedDataset(data, labels)
loader = DataLoader(dataset, batch_size=16, shuffle=True)

xb, yb = next(iter(loader))
print(f"バッチの形: x {tuple(xb.shape)}, y {tuple(yb.shape)}")
print(f"標準化後の平均: {dataset.data.mean():.4f}")
# torch の std() は既定で不偏標準偏差(n-1 で割る)なので 1 よりわずかに大きい
print(f"標準化後の標準偏差(不偏): {dataset.data.std():.4f}")
print(f"標準化後の標準偏差(n で割る): {dataset.data.std(correction=0):.4f}")
