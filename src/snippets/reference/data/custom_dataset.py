"""自作の Dataset を DataLoader でバッチに分けて読み込む。

Dataset は ``__len__``(サンプル数)と ``__getitem__``(index 番目の
サンプル)を持つクラス。DataLoader がそれをバッチにまとめ、シャッフルする。
"""

import torch
from torch.utils.data import DataLoader, Dataset


class CustomDataset(Dataset):
    def __init__(self, data, targets):
        self.data = data
        self.targets = targets

    def __getitem__(self, index):
        return self.data[index], self.targets[index]

    def __len__(self):
        return len(self.data)


torch.manual_seed(0)
data_samples = torch.randn(200, 10)  # 特徴量 10 個のサンプルが 200 個
target_labels = torch.randint(0, 3, (200,))  # 3 クラスのラベル

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
train_dataset = CustomDataset(data_samples, target_labels)
train_loader = DataLoader(
    dataset=train_dataset,
    batch_size=64,
    shuffle=True,
    num_workers=0,  # 0 はメインプロセスで読み込む(後述)
)

print(f"len(train_dataset) = {len(train_dataset)}")
print(f"len(train_loader)  = {len(train_loader)}(バッチ数)")

num_epochs = 2
for epoch in range(num_epochs):
    sizes = []
    for batch_data, batch_labels in train_loader:
        batch_data = batch_data.to(device)
        batch_labels = batch_labels.to(device)
        sizes.append(len(batch_data))  # ここで順伝播・逆伝播・更新を行う
    print(f"エポック {epoch}: バッチの大きさ {sizes}")
print(f"1 バッチの形: {tuple(batch_data.shape)}, {tuple(batch_labels.shape)}")
