"""A user's model file as a checkpoint carries it, and the rule that such code runs only when
the user trusts it.

Registry models (and the data-only ``pattern:`` specs) are built from names and load freely.
A model defined in a Python file is code: opening a checkpoint must never run it unasked, as
Hugging Face's ``trust_remote_code`` made the convention. So a checkpoint stores the file's
source text and its SHA-256 (it can be reviewed, and rebuilt on a machine where the original
path does not exist), and loading it asks a trust policy first: a yes/no (the command line's
``--trust-model-code``) or a function of the code (the app's dialog and its remembered hashes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cnnviz.core.errors import ModelLoadError, error_message
from cnnviz.core.files import UnsafeFileError, read_capped
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, error_text

#: the largest model file read (a model's source is a few kilobytes)
MAX_SOURCE_BYTES = 4 << 20


@dataclass(frozen=True)
class ModelCode:
    """A model file's source, the name in it to build, where it was and its hash."""

    path: str
    name: str
    source: str
    sha256: str

    @classmethod
    def from_source(cls, path: str, name: str, source: str) -> ModelCode:
        return cls(path, name, source, hashlib.sha256(source.encode("utf-8")).hexdigest())

    @classmethod
    def read(cls, spec: str) -> ModelCode:
        """The file named by ``path/to/file.py:Name`` as it is on disk now."""
        parsed = ModelSpec.parse(spec)
        path = Path(parsed.path).expanduser()
        if not path.exists():
            raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{path}: no such file; check the path to your model file"), path=path))
        if not path.is_file():
            raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{path}: is not a file; give a .py file that defines your model"),
                path=path))
        try:
            source = read_capped(path, MAX_SOURCE_BYTES).decode("utf-8")
        except (OSError, UnicodeDecodeError, UnsafeFileError) as exc:
            raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{path}: cannot be read ({error})"),
                path=path, error=error_text(exc))) from None
        return cls.from_source(str(path), parsed.name, source)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelCode:
        code = cls(str(data["path"]), str(data["name"]), str(data["source"]),
                   str(data["sha256"]))  # fmt: skip
        if cls.from_source(code.path, code.name, code.source).sha256 != code.sha256:
            raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                "Error", "the stored source of {path} does not match its hash"), path=code.path))
        return code

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]


#: whether a model file may run: a plain yes/no, or a function of the code
TrustPolicy = bool | Callable[[ModelCode], bool]


def compared_with_disk(code: ModelCode) -> str:
    """How a checkpoint's stored source compares with the file at its recorded path on this
    machine. The stored source is what would run, so a user deciding whether to trust it must
    know when it is not the file they see on disk."""
    try:
        on_disk = ModelCode.read(f"{code.path}:{code.name}")
    except ModelLoadError:
        return f"{code.path} is not on this machine; the stored source is what would run"
    if on_disk.sha256 == code.sha256:
        return f"the stored source is the same as {code.path}"
    return (f"the stored source differs from {code.path} (SHA-256 {on_disk.short_hash}... on "
            f"disk); the stored source is what would run")


def is_trusted(code: ModelCode, policy: TrustPolicy) -> bool:
    return bool(policy(code)) if callable(policy) else bool(policy)


class UntrustedModelCodeError(ModelLoadError):
    """A checkpoint's model is code that the user has not said to trust; ``code`` says which."""

    def __init__(self, code: ModelCode, source: str) -> None:
        self.code = code
        self.source = source
        super().__init__(
            f"{source}: its model is Python code ({code.name} from {code.path}, SHA-256 "
            f"{code.short_hash}...) stored in the checkpoint, and loading it would run that "
            f"code; {compared_with_disk(code)}. Read it with `cnnviz show-code {source}`; if "
            f"you trust it, allow it with --trust-model-code (in the app: Trust)"
        )
