"""テストの共通設定。``snippet`` フィクスチャは snippet_pipeline.pytest_plugin
(ルートの conftest.py が読み込む)にある。
"""
