"""Writing a file so that no reader ever sees half of it.

`staged` writes text to a synced temporary file beside its target; the caller renames it
over the target (os.replace) or links it to a name that must be free (os.link, which
fails if the name exists: a lock). Used by the session store, the session locks and the
library index.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged(path: Path, text: str) -> Iterator[Path]:
    """A synced temporary file holding `text` in `path`'s folder (created if needed), removed
    on exit: the caller renames it over `path` (os.replace) or links it to a free name
    (os.link), so readers see the old file or the new one, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        yield temp
    finally:
        temp.unlink(missing_ok=True)
