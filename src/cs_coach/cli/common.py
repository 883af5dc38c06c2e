"""What every command shares: the Typer apps, exit codes, one-line error messages, common options, settings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from .. import Coach, Config, PackError, UnknownNameError
from ..baseline import BaselineError
from ..config import ConfigError, find_config, load_config
from ..inputs import Document, InputError, Options, WriteError, gather
from ..models import SEVERITY_RANK
from ..render import RuleInfo, rule_catalogue

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Coach Korean customer-service replies.")
pack_app = typer.Typer(no_args_is_help=True, help="Work with rule pack files.")
app.add_typer(pack_app, name="pack")


@app.callback()
def _root() -> None:
    """cs-coach: find wording that hurts the customer experience, and rewrite it."""


EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem the user can fix: reported as `cs-coach: error: …` with exit code 2."""


def fail(message: str) -> typer.Exit:
    """Print the error and return the exit to raise (exit code 2)."""
    typer.echo(f"cs-coach: error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def warn(message: str) -> None:
    typer.echo(f"cs-coach: warning: {message}", err=True)


@contextmanager
def usage_errors() -> Iterator[None]:
    """Turn every error a user can cause into exit code 2 with a one-paragraph message."""
    try:
        yield
    except (InputError, WriteError, ConfigError, UsageError, PackError, UnknownNameError, BaselineError) as exc:
        raise fail(str(exc)) from exc


# -- shared options -----------------------------------------------------------------------------------------
Paths = Annotated[list[str] | None, typer.Argument(help="Files or folders; '-' reads stdin.", show_default=False)]
Texts = Annotated[list[str] | None, typer.Option("--text", "-t", help="A reply given on the command line.")]
ColumnOpt = Annotated[
    str | None, typer.Option("--column", "--field", help="CSV column or JSON field (dotted path) with the replies.")
]
IdColumnOpt = Annotated[
    str | None, typer.Option("--id-column", "--id-field", help="Column or field naming each reply.")
]
IgnoreColumnOpt = Annotated[
    str | None,
    typer.Option("--ignore-column", "--ignore-field", help="Column or field listing rules to skip for that reply."),
]
EncodingOpt = Annotated[str, typer.Option(help="Encoding of input files (e.g. cp949 for Korean Excel CSVs).")]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="Settings file (default: nearest cs-coach.toml or pyproject.toml).")
]
SelectOpt = Annotated[list[str] | None, typer.Option("--select", help="Only these rules, packs or categories.")]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rules, packs or categories.")]
PackOpt = Annotated[list[str] | None, typer.Option("--pack", help="An extra pack file (YAML) to add.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary on stderr.")]


def split_commas(values: Sequence[str] | None) -> list[str]:
    """Repeated options that may also be comma-separated (`--select a,b --select c`), flattened."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def load_settings(
    config_path: Path | None, paths: Sequence[str], select: Sequence[str] | None, ignore: Sequence[str] | None,
    packs: Sequence[str] | None,
) -> Config:
    """Config from --config or discovered upward from the first path, then command-line additions."""
    if config_path is not None:
        if not config_path.is_file():
            raise UsageError(f"{config_path}: no such config file")
        config = load_config(config_path)
    else:
        start = next((Path(p) for p in paths if p != "-"), Path.cwd())
        found = find_config(start if start.exists() else Path.cwd())
        config = load_config(found) if found else Config()
    update: dict[str, list[str]] = {}
    if select:
        update["select"] = [*config.select, *split_commas(select)]
    if ignore:
        update["ignore"] = [*config.ignore, *split_commas(ignore)]
    if packs:
        update["extra_packs"] = [*config.extra_packs, *packs]
    return config.model_copy(update=update) if update else config


@dataclass(frozen=True)
class Inputs:
    """What check, fix and report start from: settings, the documents read, and the Coach to run."""

    config: Config
    docs: list[Document]
    coach: Coach
    catalogue: dict[str, RuleInfo]

    @property
    def known(self) -> set[str]:
        return self.coach.known_names()


def open_inputs(
    paths: Sequence[str], texts: Sequence[str], options: Options, config_path: Path | None,
    select: Sequence[str] | None, ignore: Sequence[str] | None, packs: Sequence[str] | None,
) -> Inputs:
    """Settings (file plus command line), then the documents, then the Coach: the shared start of a run."""
    config = load_settings(config_path, paths, select, ignore, packs)
    docs = gather(paths, texts, options, warn)
    coach, catalogue = make_coach(config)
    return Inputs(config, docs, coach, catalogue)


def make_coach(config: Config) -> tuple[Coach, dict[str, RuleInfo]]:
    """The Coach for these settings and the metadata of its active rules."""
    coach = Coach(config=config)
    return coach, rule_catalogue(coach.ruleset.rules)


def fail_threshold(fail_on: str | None, config: Config) -> int:
    """The severity rank from which findings make the exit code 1 (`none`: never)."""
    name = fail_on or config.fail_on
    if name == "none":
        return len(SEVERITY_RANK) + 1
    if name not in SEVERITY_RANK:
        raise UsageError(f"--fail-on must be one of error, warning, info, none (got {name!r})")
    return SEVERITY_RANK[name]
