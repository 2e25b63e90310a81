"""CUDA が無くても呼べる問い合わせ関数(CPU でも動く)。

メモリ量を返す ``memory_allocated()`` / ``memory_reserved()`` は、CUDA を
使っていなければ 0 を返す。詳しい内訳を作る ``memory_summary()`` は、
CUDA がないと例外になる。
"""

import torch

print(f"torch.cuda.is_available(): {torch.cuda.is_available()}")
print(f"torch.cuda.device_count(): {torch.cuda.device_count()}")
torch.cuda.empty_cache()  # CUDA を初期化していなければ何もしない
print("torch.cuda.empty_cache(): OK")
allocated = torch.cuda.memory_allocated()  # まだ何も確保していない
print(f"torch.cuda.memory_allocated(): {allocated}")
print(f"torch.cuda.memory_reserved(): {torch.cuda.memory_reserved()}")

if torch.cuda.is_available():
    print(f"GPU 0 の名前: {torch.cuda.get_device_name(0)}")
    summary_error = None
else:
    print("GPU がないので get_device_name などは呼ばない")
    try:
        torch.cuda.memory_summary()
        summary_error = None
    except Exception as e:  # CUDA がないと内訳を作れない
        summary_error = type(e).__name__
        print(f"torch.cuda.memory_summary(): {summary_error} になる")
