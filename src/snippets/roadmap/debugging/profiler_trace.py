"""torch.profiler で処理時間の内訳を調べ、Chrome トレースに書き出す。

``torch.profiler.profile`` の中で実行した演算ごとの時間を集計し、
``key_averages().table()`` で表にする。``export_chrome_trace`` で書いた
JSON は、Chrome の ``chrome://tracing`` や https://ui.perfetto.dev で
時系列として見られる。``record_function`` で区間に名前を付けられる。
時間は実行する環境で変わるので、ここでは多い順の演算名と
ファイルの中身だけを確かめる。
"""

# nondeterministic: 計測した実行時間を表示する
# stderr: ^USDT:.*profiler_(start|stop)$

import json
import tempfile
from pathlib import Path

import torch
import torch.nn as nn
from torch.profiler import ProfilerActivity, profile, record_function

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(256, 512), nn.ReLU(), nn.Linear(512, 10))
x = torch.randn(128, 256)

activities = [ProfilerActivity.CPU]
if torch.cuda.is_available():
    activities.append(ProfilerActivity.CUDA)

with profile(activities=activities, record_shapes=True) as prof:
    for _ in range(5):
        with record_function("forward_backward"):
            model(x).sum().backward()

table = prof.key_averages().table(sort_by="cpu_time_total", row_limit=8)
print(table)

with tempfile.TemporaryDirectory() as tmp:
    trace_path = Path(tmp) / "trace.json"
    prof.export_chrome_trace(str(trace_path))
    trace = json.loads(trace_path.read_text())
    size_kib = trace_path.stat().st_size / 1024

event_names = {e.get("name") for e in trace["traceEvents"]}
print(f"トレースのイベント数: {len(trace['traceEvents'])}")
print(f"'forward_backward' の区間を含む: {'forward_backward' in event_names}")
