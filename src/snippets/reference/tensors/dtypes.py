"""主なデータ型(dtype)と、1 要素あたりのバイト数を確かめる。

今の PyTorch では、型は ``torch.float32`` のような dtype で指定し、置き場所は
``device`` で指定する。``torch.FloatTensor`` のような「型ごとのクラス」は
古い API で、``x.type()`` の文字列に名残があるだけなので新しく使わない。
"""

import torch

dtypes = [
    ("8 ビット符号なし整数", torch.uint8),
    ("8 ビット符号付き整数", torch.int8),
    ("16 ビット符号付き整数", torch.int16),
    ("32 ビット符号付き整数", torch.int32),
    ("64 ビット符号付き整数", torch.int64),
    ("16 ビット浮動小数点(半精度)", torch.float16),
    ("16 ビット浮動小数点(bfloat16)", torch.bfloat16),
    ("32 ビット浮動小数点", torch.float32),
    ("64 ビット浮動小数点", torch.float64),
    ("ブール", torch.bool),
]
for name, dtype in dtypes:
    x = torch.zeros(3, dtype=dtype)
    print(
        f"{str(dtype):<15} {x.element_size()} バイト  "
        f"x.type()={x.type():<19} {name}"
    )

print()
print(f"既定の浮動小数点型: {torch.get_default_dtype()}")
print(f"torch.tensor([1, 2]).dtype:   {torch.tensor([1, 2]).dtype}")
print(f"torch.tensor([1.0, 2]).dtype: {torch.tensor([1.0, 2]).dtype}")
# 型の変換は .to(dtype) で行う
print(f".to(torch.float16): {torch.tensor([1, 2]).to(torch.float16)}")
