"""Read one pack file as YAML with hard limits, keeping where every node was written.

A pack comes from a pull request as often as from its author, so reading it must be bounded before any
object is built: the file's size, the nesting depth and the number of aliases are checked while the node
graph is composed, and the size of the tree that the aliases *stand for* (an alias bomb is a small graph
that expands to billions of nodes) is counted on the graph, with no copy made. Only then are Python
objects constructed. The composed graph is kept to turn a problem's path (rules.3.match.0) into the line
and column it was written at.

PyYAML is imported lazily: a warm start (packs from the disk cache) never needs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

MAX_BYTES = 2_000_000
"""Largest pack file read (the biggest built-in pack is under 50 KB)."""
MAX_DEPTH = 40
"""Deepest nesting of mappings and sequences, counted through aliases (built-in packs reach 11)."""
MAX_ALIASES = 2_000
"""Most alias uses (*name) in one file."""
MAX_NODES = 300_000
"""Most nodes in the tree the file stands for once every alias is expanded (built-in packs: under 12,000 each)."""


class LimitError(ValueError):
    """The file is over one of the limits above; `line`/`column` (1-based) say where and `path` (keys and
    indexes from the top: rules, 3, match, 0, ...) which node, when known; `root` is the node graph when
    the whole file could be composed (to name the rule by its id)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 path: Sequence[str | int] = (), root: Any = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.path = list(path)
        self.root = root
        self.rule_id: str | None = None


@dataclass(frozen=True)
class Document:
    """A loaded YAML document: the plain data and the node graph it was built from (for locations)."""

    data: Any
    root: Any  # yaml.Node

    def locate(self, path: Sequence[str | int]) -> tuple[int, int] | None:
        """(line, column), 1-based, of the deepest node on `path` that exists. Unknown path parts are skipped
        (pydantic adds union branch names such as 'pattern' or 'str' that the file does not contain)."""
        return locate(self.root, path)


def _loader_class(fast: bool) -> type:
    import yaml
    from yaml.composer import Composer
    from yaml.constructor import SafeConstructor
    from yaml.events import AliasEvent, CollectionStartEvent
    from yaml.resolver import Resolver

    parser: type = yaml.parser.Parser
    reader_scanner: tuple[type, ...] = (yaml.reader.Reader, yaml.scanner.Scanner)
    if fast:
        from yaml.cyaml import CParser

        parser = CParser  # libyaml parses; the composer below stays in Python to enforce the limits
        reader_scanner = ()

    class BoundedComposer(Composer):
        """Composer that refuses too deep nesting and too many aliases while it composes."""

        def __init__(self) -> None:
            super().__init__()
            self._depth = 0
            self._aliases = 0
            self._path: list[str | int | None] = []  # where composition is: the key or index of each level
            self._ids: dict[int, str] = {}  # rule number -> id, as composed so far

        def compose_node(self, parent: Any, index: Any) -> Any:
            # index: an int in a sequence, the key node for a mapping's value, None for a key or the root
            self._path.append(index if isinstance(index, int) else getattr(index, "value", None))
            try:
                node = self._compose_bounded(parent, index)
            finally:
                where = self._where()
                self._path.pop()
            if len(where) == 3 and where[0] == "rules" and where[2] == "id" and isinstance(where[1], int):
                self._ids[where[1]] = str(node.value)  # to name the rule if a later part of it is refused
            return node

        def _compose_bounded(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()
            if isinstance(event, AliasEvent):
                self._aliases += 1
                if self._aliases > MAX_ALIASES:
                    raise self._limit_here(f"more than {MAX_ALIASES} aliases", event.start_mark)
            elif isinstance(event, CollectionStartEvent):
                self._depth += 1
                if self._depth > MAX_DEPTH:
                    raise self._limit_here(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
                try:
                    return super().compose_node(parent, index)
                finally:
                    self._depth -= 1
            return super().compose_node(parent, index)

        def _where(self) -> list[str | int]:
            return [part for part in self._path if part is not None]

        def _limit_here(self, message: str, mark: Any) -> LimitError:
            error = _limit(message, mark, self._where())
            number = error.path[1] if len(error.path) > 1 and error.path[0] == "rules" else None
            error.rule_id = self._ids.get(number) if isinstance(number, int) else None
            return error

    class PackLoader(BoundedComposer, parser, *reader_scanner, SafeConstructor, Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            if fast:
                parser.__init__(self, stream)
            else:
                yaml.reader.Reader.__init__(self, stream)
                yaml.scanner.Scanner.__init__(self)
                parser.__init__(self)
            BoundedComposer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    return PackLoader


_LOADERS: dict[bool, type] = {}


def _loader(fast: bool) -> type:
    if fast not in _LOADERS:
        _LOADERS[fast] = _loader_class(fast)
    return _LOADERS[fast]


def _has_libyaml() -> bool:
    try:
        from yaml.cyaml import CParser  # noqa: F401
    except ImportError:
        return False
    return True


def _limit(message: str, mark: Any, path: Sequence[str | int] = (), root: Any = None) -> LimitError:
    if mark is None:
        return LimitError(message, path=path, root=root)
    return LimitError(message, mark.line + 1, mark.column + 1, path, root)


def load(content: bytes) -> Document:
    """Parse one pack file. Raises LimitError (over a limit), yaml.YAMLError (not YAML) or UnicodeDecodeError.

    libyaml parses when present; when it rejects the text, the pure-Python parser re-reads it to word
    the error (its messages point at the problem; libyaml's are terse)."""
    import yaml

    if len(content) > MAX_BYTES:
        raise LimitError(f"the file is {len(content):,} bytes; a pack may have at most {MAX_BYTES:,}")
    text = content.decode("utf-8")
    if _has_libyaml():
        try:
            return _load_with(_loader(True), text)
        except yaml.YAMLError:
            pass
    return _load_with(_loader(False), text)


def _load_with(loader_class: type, text: str) -> Document:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return Document(None, None)
        _check_expansion(root)
        return Document(loader.construct_document(root), root)
    finally:
        loader.dispose()


def _check_expansion(root: Any) -> None:
    """Count the nodes of the tree the graph stands for (aliases expanded) without building it; refuse
    cycles, trees over MAX_NODES and paths deeper than MAX_DEPTH."""
    from yaml.nodes import MappingNode, SequenceNode

    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    path: list[str | int] = []

    def size(node: Any, depth: int) -> int:
        key = id(node)
        known = sizes.get(key)
        if known is not None:
            return known
        if not isinstance(node, MappingNode | SequenceNode):
            return 1
        if key in on_path:
            raise _limit("a YAML alias refers to a node that contains it", node.start_mark, path, root)
        if depth > MAX_DEPTH:
            raise _limit(f"nested more than {MAX_DEPTH} levels deep once aliases are expanded", node.start_mark,
                         path, root)
        on_path.add(key)
        if isinstance(node, MappingNode):
            children = [(None, k) for k, _ in node.value] + [(getattr(k, "value", "?"), v) for k, v in node.value]
        else:
            children = list(enumerate(node.value))
        total = 1
        for part, child in children:
            if part is not None:
                path.append(part)
            total += size(child, depth + 1)
            if total > MAX_NODES:
                raise _limit(f"expands to more than {MAX_NODES:,} YAML nodes (aliases inside aliases?)",
                             node.start_mark, path, root)
            if part is not None:
                path.pop()
        on_path.discard(key)
        sizes[key] = total
        return total

    size(root, 1)


def locate(root: Any, path: Sequence[str | int]) -> tuple[int, int] | None:
    from yaml.nodes import MappingNode, SequenceNode

    if root is None:
        return None
    node, mark = root, root.start_mark
    for part in path:
        if isinstance(node, SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            mark = node.start_mark
        elif isinstance(node, MappingNode):
            found = next(((k, v) for k, v in node.value if getattr(k, "value", None) == str(part)), None)
            if found is None:
                continue  # a union branch name, or a key the file lacks: the parent is the best place
            mark = found[0].start_mark  # the key: where a reader looks for 'form:' or a misspelt field
            node = found[1]
        else:
            continue
    return mark.line + 1, mark.column + 1
