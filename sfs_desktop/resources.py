"""Where the shipped data files live: beside the package in a wheel or frozen build, else the repo."""

from pathlib import Path
import sys


def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "resources", here.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError("找不到程序资源目录 resources/，安装可能不完整")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
