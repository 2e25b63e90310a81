"""問題4 解答例(PyTorch): 784 → 256 → 128 → 10、Dropout 0.3。"""

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class PyTorchModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.dropout1 = nn.Dropout(0.3)
        self.fc2 = nn.Linear(256, 128)
        self.dropout2 = nn.Dropout(0.3)
        self.fc3 = nn.Linear(128, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.dropout1(F.relu(self.fc1(x)))
        x = self.dropout2(F.relu(self.fc2(x)))
        return self.fc3(x)


model = PyTorchModel()
output = model(torch.randn(32, 784))
n_params = sum(p.numel() for p in model.parameters())
print(f"出力の形: {tuple(output.shape)}")
print(f"パラメータ数: {n_params:,}")
