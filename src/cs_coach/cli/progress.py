"""Checking many replies with a progress bar on stderr, suppressions applied as each report arrives."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence

from .. import Coach
from ..inputs import Document, Record, suppress
from ..render import Checked
from .common import warn

PROGRESS_MIN = 100
"""Fewer replies than this finish too fast for a progress bar to help."""


class Progress:
    """A rich progress bar on stderr, shown only on a terminal and only for long runs."""

    def __init__(self, total: int, label: str, quiet: bool) -> None:
        from rich.console import Console

        console = Console(stderr=True)
        self.bar = None
        if not quiet and total >= PROGRESS_MIN and console.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self.bar = Bar(
                TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                console=console, transient=True,
            )
            self.task = self.bar.add_task(label, total=total)

    def __enter__(self) -> Progress:
        if self.bar:
            self.bar.start()
        return self

    def advance(self) -> None:
        if self.bar:
            self.bar.advance(self.task)

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()


def checked(coach: Coach, docs: Sequence[Document], known: set[str], quiet: bool) -> Iterator[Checked]:
    """Stream every record through `check_many` (batched, order kept), with suppressions applied."""
    pending: deque[Record] = deque()

    def texts() -> Iterator[str]:
        for doc in docs:
            for record in doc.records:
                pending.append(record)
                yield record.text

    total = sum(len(d.records) for d in docs)
    warned: set[str] = set()
    with Progress(total, "checking", quiet) as progress:
        for report in coach.check_many(texts()):
            record = pending.popleft()
            progress.advance()
            yield record, suppress(record, report, known, warned, warn, coach.check)
