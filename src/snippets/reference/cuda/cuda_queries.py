"""CUDA が無くても呼べる問い合わせ関数(CPU でも動く)。"""

import torch

print(f"torch.cuda.is_available(): {torch.cuda.is_available()}")
print(f"torch.cuda.device_count(): {torch.cuda.device_count()}")
torch.cuda.empty_cache()  # CUDA を初期化していなければ何もしない
print("torch.cuda.empty_cache(): OK")

if torch.cuda.is_available():
    print(f"GPU 0 の名前: {torch.cuda.get_device_name(0)}")
else:
    print("GPU がないので get_device_name などは呼ばない")
