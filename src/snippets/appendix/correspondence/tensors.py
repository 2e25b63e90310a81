"""テンソルの作成と演算: PyTorch と TensorFlow で同じ値になるか。

各行の ``[同等]`` は変換した組が許容誤差の内で一致すること、``[罠]`` は
そのまま書き換えた組が一致しないことを示す(付録の対応表が読む)。
"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np
import tensorflow as tf
import torch

TOL = 1e-5  # float32 の丸め(相対 1e-7 ほど)を見込んだ許容誤差


def compare(row: str, a, b, tol: float, trap: bool = False) -> None:
    """2 つの結果の最大の絶対差を 1 行で表示する(付録の表とテストが読む)。"""
    a, b = (np.asarray(v, dtype=np.float64) for v in (a, b))
    diff = float(np.max(np.abs(a - b)))
    kind = "罠" if trap else "同等"
    print(f"[{kind}] {row}: 最大差 {diff:.2g}(許容 {tol:g})")


data = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
compare("from_list", torch.tensor(data), tf.constant(data), 0)
zeros_ones = [torch.zeros(2, 3), torch.ones(2, 3)]
compare("zeros_ones", zeros_ones, [tf.zeros((2, 3)), tf.ones((2, 3))], 0)

# 行列積・和・softmax: 同じ入力なら丸めの範囲で一致する
a = np.random.default_rng(0).standard_normal((3, 4)).astype(np.float32)
t, k = torch.from_numpy(a), tf.constant(a)
ops_torch = torch.cat(
    [(t @ t.T).ravel(), t.sum(dim=1), torch.softmax(t, dim=-1).ravel()]
)
ops_tf = tf.concat(
    [
        tf.reshape(tf.matmul(k, k, transpose_b=True), [-1]),
        tf.reduce_sum(k, axis=1),
        tf.reshape(tf.nn.softmax(k, axis=-1), [-1]),
    ],
    axis=0,
)
compare("operations", ops_torch, ops_tf, TOL)

# 同じシードでも、乱数の値は一致しない(乱数の生成器が別物)
torch.manual_seed(0)
tf.random.set_seed(0)
compare("same_seed", torch.randn(2, 3), tf.random.normal((2, 3)), TOL, True)
# 分布は同じ: 100 万個の平均と標準偏差を比べる
r_torch, r_tf = torch.randn(10**6), tf.random.normal((10**6,))
stats_torch = [r_torch.mean().item(), r_torch.std().item()]
stats_tf = [float(tf.reduce_mean(r_tf)), float(tf.math.reduce_std(r_tf))]
compare("normal_distribution", stats_torch, stats_tf, 1e-2)


def draw_torch() -> torch.Tensor:
    torch.manual_seed(0)
    return torch.randn(3)


def draw_tf() -> tf.Tensor:
    tf.random.set_seed(0)
    return tf.random.normal((3,))


# シードを固定し直せば、それぞれの中では同じ乱数が出る(1 回目と 2 回目)
compare("seed", [draw_torch(), draw_tf()], [draw_torch(), draw_tf()], 0)

# NumPy から: torch.from_numpy はメモリを共有し、TensorFlow はコピーする
arr = np.zeros(3, dtype=np.float32)
shared, copied = torch.from_numpy(arr), tf.convert_to_tensor(arr)
copied_torch = torch.tensor(arr)  # torch.tensor はコピーする
arr[0] = 1.0  # 元の配列を書き換えると、共有している側だけが変わる
compare("from_numpy_shared", shared, copied, 0, trap=True)
compare("from_numpy", copied_torch, copied, 0)
