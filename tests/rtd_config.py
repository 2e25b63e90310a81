"""``.readthedocs.yaml`` を読み、Read the Docs が実行するコマンドを順に返す。

設定の検証(``tests/test_readthedocs_config.py``)と、ビルドの再現
(``tests/hosted``)が同じ読み方をするための部品。``build.jobs`` の段階は
Read the Docs が実行する順(``build.commands`` があればそれだけ)。
"""

from pathlib import Path

import yaml

CONFIG = Path(__file__).resolve().parent.parent / ".readthedocs.yaml"

#: Read the Docs が build.jobs を実行する順(apt_packages を入れるのは
#: pre_system_dependencies と post_system_dependencies の間)
JOB_ORDER = (
    "post_checkout",
    "pre_system_dependencies",
    "post_system_dependencies",
    "pre_create_environment",
    "create_environment",
    "post_create_environment",
    "pre_install",
    "install",
    "post_install",
    "pre_build",
    "build.html",
    "post_build",
)


def load(path: Path = CONFIG) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def commands(config: dict) -> list[str]:
    """実行されるコマンドを順に。"""
    build = config.get("build", {})
    if "commands" in build:
        return list(build["commands"])
    jobs = build.get("jobs", {})
    found = []
    for name in JOB_ORDER:
        step = jobs
        for part in name.split("."):
            step = step.get(part, {}) if isinstance(step, dict) else {}
        found += step if isinstance(step, list) else []
    return found
