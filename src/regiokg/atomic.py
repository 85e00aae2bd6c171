"""Write files so that a reader sees either the old file or the complete new one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_path", "remove_stale_parts", "write_atomically"]

# mkstemp creates files only their owner may read; published dumps and pages should get the
# mode an ordinary open() would give. The umask can only be read by setting it, so once.
_UMASK = os.umask(0)
os.umask(_UMASK)
_FILE_MODE = 0o666 & ~_UMASK


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_parts(target: Path) -> None:
    """Remove the temporary files that writers of ``target`` killed before they could
    finish left beside it (their names carry the writer's process id; parts of writers
    still running are kept)."""
    target = Path(target)
    for part in target.parent.glob(f".{target.name}.*.part"):
        pid = part.name[len(target.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            part.unlink(missing_ok=True)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; when the block ends without an exception the
    file there replaces ``target`` in one rename, otherwise it is removed and ``target`` is
    left as it was. Parts left by killed writers of ``target`` are removed first."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(target)
    prefix = f".{target.name}.{os.getpid()}."
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".part", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    tmp_path.chmod(_FILE_MODE)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


def write_atomically(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically (see :func:`atomic_path`) and return it."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)
