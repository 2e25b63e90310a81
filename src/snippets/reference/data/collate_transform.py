"""前処理(transform)つきの Dataset と、長さの違う系列をまとめる collate_fn。

Dataset に前処理の関数を渡しておけば、``__getitem__`` でサンプルごとに
適用できる。長さの違うサンプルは既定の collate では 1 つのテンソルに
できないので、パディングする ``collate_fn`` を自分で書く。
"""

import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Dataset


class SequenceDataset(Dataset):
    """長さがばらばらの数値系列と、そのラベル。"""

    def __init__(self, n=10, transform=None):
        g = torch.Generator().manual_seed(0)
        lengths = torch.randint(2, 7, (n,), generator=g)
        self.seqs = [torch.randn(int(k), generator=g) for k in lengths]
        self.labels = torch.randint(0, 2, (n,), generator=g)
        self.transform = transform

    def __len__(self):
        return len(self.seqs)

    def __getitem__(self, idx):
        x = self.seqs[idx]
        if self.transform is not None:
            x = self.transform(x)
        return x, self.labels[idx]


def standardize(x):
    """前処理の例: 系列ごとに平均 0・標準偏差 1 にする。"""
    return (x - x.mean()) / (x.std() + 1e-6)


def my_custom_collate(batch):
    """(系列, ラベル) のリストを、パディングしたテンソルと長さにまとめる。"""
    seqs, labels = zip(*batch, strict=True)
    lengths = torch.tensor([len(s) for s in seqs])
    padded = pad_sequence(
        seqs, batch_first=True
    )  # 短い系列の後ろを 0 で埋める
    return padded, lengths, torch.stack(labels)


test_dataset = SequenceDataset(transform=standardize)
print(f"各サンプルの長さ: {[len(x) for x, _ in test_dataset]}")

test_loader = DataLoader(
    dataset=test_dataset,
    batch_size=4,
    shuffle=False,
    num_workers=0,
    collate_fn=my_custom_collate,
)
for padded, lengths, labels in test_loader:
    print(
        f"バッチ {tuple(padded.shape)}, 長さ {lengths.tolist()}, "
        f"ラベル {labels.tolist()}"
    )
