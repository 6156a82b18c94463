"""The knowledge texts an image ships, and the copy an admin keeps editing on a volume.

At first start the volume is empty: every shipped file is copied onto it, and a manifest
records the content hash each file had in the image. At an upgrade the new image may ship newer
texts. They are never copied over the volume's files (an admin may have edited them): they are
reported, so an admin can look at them and upload what should change.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from .editing import content_hash
from .loader import knowledge_files

MANIFEST = ".shipped.json"


@dataclass(frozen=True)
class ShippedChange:
    path: str  # relative to the knowledge directory, e.g. faq/faq-x.md
    status: str  # "ny": only in the image; "nyare": the image's version changed since the copy
    edited: bool  # the volume's copy differs from what was copied (an admin changed it)


def _shipped(shipped: Path) -> dict[str, Path]:
    files = {str(p.relative_to(shipped)): p for p in knowledge_files(shipped)}
    readme = shipped / "README.md"
    if readme.is_file():
        files["README.md"] = readme
    return files


def seed(shipped: Path, target: Path) -> list[str]:
    """Copy the shipped texts onto an empty knowledge directory; returns what was copied
    (nothing when the directory already holds knowledge)."""
    if target.is_dir() and knowledge_files(target):
        return []
    manifest = {}
    for rel, source in sorted(_shipped(shipped).items()):
        destination = target / rel
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        manifest[rel] = content_hash(source.read_bytes())
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return sorted(manifest)


def changes_in_image(shipped: Path, target: Path) -> list[ShippedChange]:
    """Shipped files that are new or newer than the copy made at first start."""
    try:
        manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    out = []
    for rel, source in sorted(_shipped(shipped).items()):
        if rel == "README.md":
            continue
        now = content_hash(source.read_bytes())
        copied = manifest.get(rel)
        on_volume = target / rel
        volume_hash = content_hash(on_volume.read_bytes()) if on_volume.is_file() else None
        if volume_hash == now:
            continue  # the volume already has the image's version
        edited = volume_hash is not None and copied is not None and volume_hash != copied
        if copied is None:
            out.append(ShippedChange(rel, "ny", on_volume.is_file()))
        elif now != copied:
            out.append(ShippedChange(rel, "nyare", edited))
    return out
