"""requirements.lock と pyproject.toml の固定が食い違っていないことを確かめる。

pyproject.toml の直接の固定(``[project].dependencies`` と ``dev``)は、どれも
requirements.lock に同じ版で載っていなければならない。載っていない・版が違う
ときは、そのパッケージ名を示して失敗する(``make lock`` で作り直す)。
torch は 2.13.0(CPU 版)だけを認め、CUDA 版が引き込む nvidia-* も認めない。
"""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LOCK = ROOT / "requirements.lock"
TORCH_VERSION = Version("2.13.0")

# lock の 1 行: 「名前==版」(後ろの「# via …」の注釈行は字下げされている)
PIN_LINE = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<ver>\S+)$")


def direct_pins() -> list[Requirement]:
    """pyproject.toml の dependencies と dev にある固定。"""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["dev"]
    return [Requirement(s) for s in specs]


def locked() -> dict[str, Version]:
    """requirements.lock の「正規化した名前 → 版」。形の崩れた行は失敗。"""
    pins: dict[str, Version] = {}
    bad: list[str] = []
    for n, line in enumerate(LOCK.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = PIN_LINE.match(line)
        if m is None:
            bad.append(f"{LOCK.name}:{n}: {line}")
            continue
        pins[canonicalize_name(m["name"])] = Version(m["ver"])
    assert not bad, "「名前==版」でない行があります:\n" + "\n".join(bad)
    return pins


PINS = direct_pins()


def test_pyproject_pins_are_exact():
    loose = [
        str(r) for r in PINS if [s.operator for s in r.specifier] != ["=="]
    ]
    assert not loose, f"pyproject.toml で == で固定していない依存: {loose}"


@pytest.mark.parametrize("req", PINS, ids=[r.name for r in PINS])
def test_direct_pin_matches_lock(req):
    lock = locked()
    name = canonicalize_name(req.name)
    assert name in lock, (
        f"{req.name} が requirements.lock にありません(make lock で作り直す)"
    )
    # torch==2.13.0 は 2.13.0+cpu も含む(PEP 440 のローカル版)
    assert req.specifier.contains(lock[name], prereleases=True), (
        f"{req.name}: pyproject.toml は {req.specifier}、"
        f"requirements.lock は {lock[name]}(make lock で作り直す)"
    )


def test_lock_has_cpu_torch_only():
    lock = locked()
    assert "torch" in lock, "requirements.lock に torch がありません"
    torch = lock["torch"]
    assert Version(torch.public) == TORCH_VERSION and torch.local in (
        None,
        "cpu",
    ), f"requirements.lock の torch は {torch}(2.13.0 の CPU 版だけを認める)"
    nvidia = sorted(n for n in lock if n.startswith("nvidia-"))
    assert not nvidia, f"CUDA 版の torch の依存が入っています: {nvidia}"


def test_lock_excludes_the_project_itself():
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert canonicalize_name(project["name"]) not in locked()
