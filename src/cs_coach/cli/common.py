"""What every command shares: the Typer apps, exit codes, one-line error messages, common options, settings."""

from __future__ import annotations

import dataclasses
import errno
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from typer.core import TyperGroup

try:  # typer >= 0.20 vendors click and raises its own copies of click's exceptions
    from typer import _click as click  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older typer with click itself
    import click  # type: ignore[no-redef]

from .. import Coach, Config, PackError, UnknownNameError
from ..baseline import BaselineError
from ..config import ConfigError, find_config, load_config
from ..inputs import Document, InputError, Options, WriteError, gather
from ..models import SEVERITY_RANK
from ..render import RuleInfo, rule_catalogue

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class OneLineErrors(TyperGroup):
    """Every way a run can end goes through here: usage errors and unexpected exceptions become one
    `cs-coach: error:` line with exit 2 (never typer's boxed panel, never a traceback; CS_COACH_DEBUG=1
    re-raises for developers)."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.NoArgsIsHelpError:  # the help was printed already
            sys.exit(EXIT_USAGE)
        except click.exceptions.ClickException as exc:
            ctx = getattr(exc, "ctx", None)
            command = ctx.command_path if ctx is not None else "cs-coach"
            typer.echo(f"cs-coach: error: {exc.format_message()} (see '{command} --help')", err=True)
            sys.exit(EXIT_USAGE)
        except typer.Abort:
            typer.echo("cs-coach: aborted", err=True)
            sys.exit(130)
        except KeyboardInterrupt:
            sys.exit(130)
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # `cs-coach … | head`: the reader left
                sys.exit(EXIT_FINDINGS)
            _internal(exc)
        except Exception as exc:
            _internal(exc)
        sys.exit(code if isinstance(code, int) else EXIT_CLEAN)


def _internal(exc: BaseException) -> None:
    if os.environ.get("CS_COACH_DEBUG", "").strip() not in ("", "0"):
        raise exc
    typer.echo(
        f"cs-coach: error: internal error: {type(exc).__name__}: {exc} (a bug: please report it with the input;"
        " CS_COACH_DEBUG=1 shows the traceback)",
        err=True,
    )
    sys.exit(EXIT_USAGE)


EXAMPLES = """Examples:

  cs-coach check replies.csv                 # lint a reply library (txt, md, csv, tsv, jsonl, json)

  cs-coach check -t "환불은 규정상 안 됩니다."     # one reply

  cs-coach fix macros.csv --diff             # what the safe fixes would change

  cs-coach report replies/ -o report.html    # an HTML report of a whole folder

  cs-coach explain an-doeda                  # why a rule exists, with examples
"""

app = typer.Typer(
    cls=OneLineErrors, add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    help="Coach Korean customer-service replies.", epilog=EXAMPLES,
)
pack_app = typer.Typer(no_args_is_help=True, help="Work with rule pack files.")
app.add_typer(pack_app, name="pack")


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"cs-coach {__version__}")
        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """cs-coach: find wording that hurts the customer experience, and rewrite it."""


def stdin_is_terminal() -> bool:
    """Whether nobody is piping replies in (then `check` without paths checks the current folder)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


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


def check_output_path(path: Path) -> None:
    """Refuse an output path that cannot be written before any work is done (missing folder, a folder)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; give a file name")
    if not folder.is_dir():
        raise UsageError(f"{path}: folder {folder} does not exist")


@contextmanager
def output_file(path: Path | None) -> Iterator[IO[str] | None]:
    """Where a command writes its output: None for stdout, else an atomic file (temp file in the same folder,
    moved into place only when the command finished). Every problem is a UsageError naming the path."""
    if path is None:
        yield None
        return
    check_output_path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(temp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        os.replace(temp, path)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    finally:
        Path(temp).unlink(missing_ok=True)


def write_output(path: Path, content: str) -> None:
    """A whole document (report, worksheet) written to `path` through `output_file`."""
    with output_file(path) as handle:
        assert handle is not None
        handle.write(content)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def split_commas(values: Sequence[str] | None) -> list[str]:
    """Repeated options that may also be comma-separated (`--select a,b --select c`), flattened."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def settings_file(config_path: Path | None, paths: Sequence[str]) -> Path | None:
    """The settings file a run uses: --config, else the nearest one above the first path (or the cwd)."""
    if config_path is not None:
        if not config_path.is_file():
            raise UsageError(f"{config_path}: no such config file")
        return config_path
    start = next((Path(p) for p in paths if p != "-"), Path.cwd())
    return find_config(start if start.exists() else Path.cwd())


def load_settings(
    config_path: Path | None, paths: Sequence[str], select: Sequence[str] | None, ignore: Sequence[str] | None,
    packs: Sequence[str] | None,
) -> Config:
    """Config from --config or discovered upward from the first path, then command-line additions."""
    found = settings_file(config_path, paths)
    config = load_config(found) if found else Config()
    update: dict[str, list[str]] = {}
    if select:
        update["select"] = [*config.select, *split_commas(select)]
    if ignore:
        update["ignore"] = [*config.ignore, *split_commas(ignore)]
    if packs:
        update["extra_packs"] = [*config.extra_packs, *packs]
    return config.model_copy(update=update) if update else config


def describe_settings(
    config_path: Path | None, paths: Sequence[str], select: Sequence[str] | None, ignore: Sequence[str] | None,
    packs: Sequence[str] | None,
) -> str:
    """What a run would use: the settings file, every setting, and each pack with its file (--show-settings)."""
    found = settings_file(config_path, paths)
    config = load_settings(config_path, paths, select, ignore, packs)
    coach = Coach(config=config)
    lines = [f"settings file: {found or 'none (defaults)'}"]
    for name, value in config.model_dump().items():
        lines.append(f"{name.replace('_', '-')} = {value!r}")
    files: dict[str, str] = {}
    counts: dict[str, list[int]] = {}
    for compiled, active in zip(coach.ruleset.rules, coach.plan.active, strict=True):
        files.setdefault(compiled.pack, compiled.file)
        counts.setdefault(compiled.pack, [0, 0])[active] += 1
    lines.append(f"packs: {len(counts)}")
    lines += [f"  {pack}: {on} of {off + on} rules active ({files[pack]})" for pack, (off, on) in counts.items()]
    return "\n".join(lines)


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
    max_chars: int | None = None,
) -> Inputs:
    """Settings (file plus command line), then the documents, then the Coach: the shared start of a run."""
    config = load_settings(config_path, paths, select, ignore, packs)
    if max_chars is not None and max_chars < 1:
        raise UsageError(f"--max-chars must be at least 1 (got {max_chars})")
    options = dataclasses.replace(options, max_chars=max_chars or config.max_chars)
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
