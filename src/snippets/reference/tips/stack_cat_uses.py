"""torch.stack と torch.cat の典型的な使い方。

stack は「同じ形のものを束ねて次元を増やす」、cat は「既にある次元を
つなげて長くする」。
"""

import torch

torch.manual_seed(0)

# stack: 1 枚ずつの画像(C, H, W)からバッチ(N, C, H, W)を作る
img1 = torch.randn(3, 224, 224)
img2 = torch.randn(3, 224, 224)
batch = torch.stack((img1, img2), dim=0)
print(f"画像バッチ:           {tuple(batch.shape)}")

# stack: 特徴ベクトルのフレームを時系列 (T, D) に並べる
frame1 = torch.randn(256)
frame2 = torch.randn(256)
sequence = torch.stack((frame1, frame2), dim=0)
print(f"フレームの系列:       {tuple(sequence.shape)}")

# cat: 画像とテキストの特徴量を特徴の次元で連結する
image_features = torch.randn(10, 512)
text_features = torch.randn(10, 256)
combined = torch.cat((image_features, text_features), dim=1)
print(f"マルチモーダル特徴量: {tuple(combined.shape)}")

# cat: 2 つの出力を先頭の次元でつなぐ
conv_out1 = torch.randn(32, 64, 64)
conv_out2 = torch.randn(32, 64, 64)
merged = torch.cat((conv_out1, conv_out2), dim=0)
print(f"出力の連結:           {tuple(merged.shape)}")
