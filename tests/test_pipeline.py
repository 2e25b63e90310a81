"""snippet_pipeline の約束: 記録の鍵、分担、マーカー、トレースバックのパス。"""

import json

import pytest

from snippet_pipeline import records
from snippet_pipeline.markers import ROOT, Snippet, all_snippets, shard

EXPECT_ERROR = [s for s in all_snippets() if s.expect_error]


def test_record_is_what_the_test_saw(snippet):
    name = "practice/pytorch_intro/autograd/autograd_basics"
    result = snippet.result(name)
    saved = records.load(Snippet.from_id(name))
    assert saved is not None
    assert saved["outputs"] == result.outputs
    assert records.text_of(saved["outputs"]) == snippet.stdout(name)


def test_record_name_depends_on_content(tmp_path):
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text('print("a")\n')
    b.write_text('print("b")\n')
    assert records.record_path(Snippet(a)) != records.record_path(Snippet(b))


def test_record_name_depends_on_environment(monkeypatch):
    one = Snippet.from_id("practice/pytorch_intro/autograd/autograd_basics")
    before = records.record_path(one)
    changed = dict(records.environment())
    changed["packages"] = [*changed["packages"], "torch==9.9.9"]
    monkeypatch.setattr(records, "environment", lambda: changed)
    records.environment_key.cache_clear()
    try:
        assert records.record_path(one) != before
    finally:
        records.environment_key.cache_clear()


def test_shards_split_every_snippet_once():
    everything = [s.id for s in all_snippets()]
    parts = [
        [s.id for s in shard(all_snippets(), f"{k}/3")] for k in (1, 2, 3)
    ]
    assert sorted(sum(parts, [])) == sorted(everything)
    with pytest.raises(ValueError):
        shard(everything, "3/2")


def test_markers(tmp_path):
    path = tmp_path / "x.py"
    path.write_text(
        '"""例。"""\n\n# requires: cuda\n# expect-error: RuntimeError\n'
        "# nondeterministic: 時間を測る\n"
    )
    snippet = Snippet(path)
    assert snippet.requires_cuda
    assert snippet.expect_error == "RuntimeError"
    assert snippet.nondeterministic == "時間を測る"
    assert snippet.helper_of is None


@pytest.mark.parametrize("one", EXPECT_ERROR, ids=lambda s: s.id)
def test_tracebacks_name_repository_paths(snippet, one):
    if not one.runnable_here:
        pytest.skip(f"{one.id}: CUDA GPU が必要なスニペット(# requires: cuda)")
    outputs = json.dumps(snippet.result(one.id).outputs, ensure_ascii=False)
    assert one.relpath in outputs
    assert str(ROOT) not in outputs, "ビルドした機械の絶対パスが出ている"


def test_new_page_scaffold_makes_three_files(tmp_path, monkeypatch):
    from snippet_pipeline import scaffold

    monkeypatch.setattr(scaffold, "ROOT", tmp_path)
    part = tmp_path / "docs" / "practice"
    part.mkdir(parents=True)
    (part / "index.md").write_text("# 部\n\n```{toctree}\nintro\n```\n")
    made = scaffold.create(part / "data_loading.md", "データの読み込み")
    assert [p.relative_to(tmp_path).as_posix() for p in made] == [
        "docs/practice/data_loading.md",
        "src/snippets/practice/data_loading/example.py",
        "tests/practice/test_data_loading.py",
    ]
    page = made[0].read_text()
    assert page.startswith("# データの読み込み")
    assert "この章で学ぶこと" in page and "前提" in page
    assert "{snippet} practice/data_loading/example.py" in page
    assert "intro\ndata_loading\n" in (part / "index.md").read_text()


@pytest.mark.parametrize("kind", ["cpu", "cuda"])
def test_reader_install_command_has_every_pin(kind):
    import tomllib

    from snippet_pipeline import reader_env

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    text = reader_env.command(kind)
    for pin in project["project"]["dependencies"]:
        name, version = pin.split("==")
        if kind == "cuda" and name == "tensorflow-cpu":
            name = "tensorflow[and-cuda]"
        assert f"{name}=={version}" in text, pin
    assert ("download.pytorch.org/whl/cpu" in text) == (kind == "cpu")
