"""Command line: argument parsing, files and exit codes. Checking and fixing go through the public API.

Exit codes: 0 clean, 1 findings at or above --fail-on (or, for `fix --diff`, changes to make; for
`pack test`, failing examples), 2 usage or input errors (printed as one clear message, never a traceback).
"""

from __future__ import annotations

import difflib
import os
import re
import sys
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from . import CATEGORIES, Coach, Config, PackError, Report, UnknownNameError
from .config import ConfigError, find_config, load_config
from .engine import MAX_TEXT
from .inputs import Document, InputError, Options, Record, expand, from_stdin, from_text, ignore_markers, load
from .models import SEVERITY_RANK
from .render import Checked, RuleInfo, rule_catalogue
from .render.text import render_text, summary

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Coach Korean customer-service replies.")
pack_app = typer.Typer(no_args_is_help=True, help="Work with rule pack files.")
app.add_typer(pack_app, name="pack")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMATS = ("text", "json", "sarif", "github")
PROGRESS_MIN = 100
ALL = {"*", "all"}


class UsageError(Exception):
    """A problem the user can fix: reported as `cs-coach: error: …` with exit code 2."""


def _fail(message: str) -> typer.Exit:
    typer.echo(f"cs-coach: error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def _warn(message: str) -> None:
    typer.echo(f"cs-coach: warning: {message}", err=True)


@contextmanager
def _usage_errors() -> Iterator[None]:
    """Turn every error a user can cause into exit code 2 with a one-paragraph message."""
    try:
        yield
    except (InputError, ConfigError, UsageError, PackError, UnknownNameError) as exc:
        raise _fail(str(exc)) from exc


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


def _split(values: Sequence[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _settings(
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
        update["select"] = [*config.select, *_split(select)]
    if ignore:
        update["ignore"] = [*config.ignore, *_split(ignore)]
    if packs:
        update["extra_packs"] = [*config.extra_packs, *packs]
    return config.model_copy(update=update) if update else config


def _documents(paths: Sequence[str], texts: Sequence[str], options: Options) -> list[Document]:
    """Every input read up front, so that a bad file stops the run (exit 2) before any output."""
    docs: list[Document] = []
    docs.extend(from_text(text, f"<text-{i + 1}>") for i, text in enumerate(texts))
    names = list(paths) or ([] if texts else ["-"])
    files: list[Path] = []
    for name in names:
        if name == "-":
            docs.append(from_stdin(sys.stdin.read()))
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(f"{name}: no such file or folder")
        for child, found in expand([path]):
            if child in files:
                continue
            files.append(child)
            try:
                docs.append(load(child, options))
            except InputError as exc:
                if not found:
                    raise
                _warn(f"skipped {exc}")
    for doc in docs:
        for record in doc.records:
            if len(record.text) > MAX_TEXT:
                where = f"{record.source}:{record.line} ({record.id})"
                raise InputError(f"{where}: reply longer than {MAX_TEXT:,} characters; split it into replies")
    if not any(doc.records for doc in docs):
        _warn("no replies found in " + ", ".join(names or ["the given text"]))
    return docs


class _Progress:
    """A rich progress bar on stderr, shown only on a terminal and only for long runs."""

    def __init__(self, total: int, label: str, quiet: bool) -> None:
        from rich.console import Console

        console = Console(stderr=True)
        self.bar = None
        if not quiet and total >= PROGRESS_MIN and console.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                console=console, transient=True,
            )
            self.task = self.bar.add_task(label, total=total)

    def __enter__(self) -> _Progress:
        if self.bar:
            self.bar.start()
        return self

    def advance(self) -> None:
        if self.bar:
            self.bar.advance(self.task)

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()


def _checked(coach: Coach, docs: Sequence[Document], known: set[str], quiet: bool) -> Iterator[Checked]:
    """Stream every record through `check_many` (batched, order kept), with suppressions applied."""
    pending: deque[Record] = deque()

    def texts() -> Iterator[str]:
        for doc in docs:
            for record in doc.records:
                pending.append(record)
                yield record.text

    total = sum(len(d.records) for d in docs)
    warned: set[str] = set()
    with _Progress(total, "checking", quiet) as progress:
        for report in coach.check_many(texts()):
            record = pending.popleft()
            progress.advance()
            yield record, _suppress(record, report, known, warned)


def _suppress(record: Record, report: Report, known: set[str], warned: set[str]) -> Report:
    """Drop findings named by the reply's `cs-coach: ignore` marker or ignore column (offsets stay exact)."""
    if not record.ignore:
        return report
    names = set(record.ignore)
    unknown = sorted(names - known - ALL - warned)
    if unknown:  # once per name, not once per reply
        warned.update(unknown)
        _warn(f"{record.source}:{record.line} ({record.id}): unknown rule(s) in ignore: {', '.join(unknown)}")
    _, marker_spans = ignore_markers(report.text)
    kept = [
        f
        for f in report.findings
        if not (names & (ALL | {f.rule_id, f.category, f.pack}))
        and not any(f.start < end and start < f.end for start, end in marker_spans)
    ]
    if len(kept) == len(report.findings):
        return report
    from .engine import score

    return report.model_copy(update={"findings": kept, "scores": score(kept)})


def _known(catalogue: dict[str, RuleInfo]) -> set[str]:
    return set(catalogue) | {r.pack for r in catalogue.values()} | set(CATEGORIES)


def _make_coach(config: Config) -> tuple[Coach, dict[str, RuleInfo]]:
    coach = Coach(config=config)
    return coach, rule_catalogue(coach.ruleset.rules)


def _fail_rank(fail_on: str | None, config: Config) -> int:
    name = fail_on or config.fail_on
    if name == "none":
        return len(SEVERITY_RANK) + 1
    if name not in SEVERITY_RANK:
        raise UsageError(f"--fail-on must be one of error, warning, info, none (got {name!r})")
    return SEVERITY_RANK[name]


# -- check ----------------------------------------------------------------------------------------------------
@app.command()
def check(
    paths: Paths = None,
    text: Texts = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json, sarif or github.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the output to this file.")] = None,
    fail_on: Annotated[
        str | None, typer.Option(help="Exit 1 on findings at or above: error, warning, info, none.")
    ] = None,
    column: ColumnOpt = None,
    id_column: IdColumnOpt = None,
    ignore_column: IgnoreColumnOpt = None,
    encoding: EncodingOpt = "utf-8",
    config_path: ConfigOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    pack: PackOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Check replies in files, folders, stdin or --text; exit 1 when a finding reaches --fail-on."""
    with _usage_errors():
        if output_format not in FORMATS:
            raise UsageError(f"--format must be one of {', '.join(FORMATS)} (got {output_format!r})")
        config = _settings(config_path, paths or [], select, ignore, pack)
        threshold = _fail_rank(fail_on, config)
        docs = _documents(paths or [], text or [], Options(column, id_column, ignore_column, encoding))
        coach, catalogue = _make_coach(config)
    known = _known(catalogue)
    stats = {"replies": 0, "flagged": 0, "findings": 0, "worst": -1}

    def counted(results: Iterable[Checked]) -> Iterator[Checked]:
        for record, report in results:
            stats["replies"] += 1
            stats["flagged"] += bool(report.findings)
            stats["findings"] += len(report.findings)
            for f in report.findings:
                stats["worst"] = max(stats["worst"], SEVERITY_RANK[f.severity])
            yield record, report

    results = counted(_checked(coach, docs, known, quiet))
    out = output.open("w", encoding="utf-8") if output else None
    try:
        colour = out is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        for chunk in _render(output_format, results, catalogue, colour):
            typer.echo(chunk, file=out)
    except BrokenPipeError:  # `cs-coach check … | head`: the reader left; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as exc:
        raise _fail(f"{output or 'stdout'}: cannot write: {exc.strerror}") from exc
    finally:
        if out:
            out.close()
    if not quiet:
        typer.echo(summary(stats["replies"], stats["findings"], stats["flagged"]), err=True)
    raise typer.Exit(EXIT_FINDINGS if stats["worst"] >= threshold else EXIT_CLEAN)


def _render(fmt: str, results: Iterable[Checked], catalogue: dict[str, RuleInfo], colour: bool) -> Iterator[str]:
    from .render.machine import render_github, render_json, render_sarif

    if fmt == "text":
        yield from render_text(results, colour=colour)
    elif fmt == "github":
        yield from render_github(results)
    elif fmt == "json":
        yield render_json(results)
    else:
        yield render_sarif(results, catalogue)


# -- fix ------------------------------------------------------------------------------------------------------
@app.command()
def fix(
    paths: Paths = None,
    text: Texts = None,
    unsafe: Annotated[bool, typer.Option("--unsafe", help="Also apply rewrites that change the meaning.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff; exit 1 when there is something to fix.")]
    = False,
    write: Annotated[bool, typer.Option("--write", "-w", help="Rewrite the files in place (atomically).")] = False,
    column: ColumnOpt = None,
    id_column: IdColumnOpt = None,
    ignore_column: IgnoreColumnOpt = None,
    encoding: EncodingOpt = "utf-8",
    config_path: ConfigOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    pack: PackOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Apply safe rewrites: print the fixed text (default), a diff (--diff), or rewrite files (--write)."""
    with _usage_errors():
        if diff and write:
            raise UsageError("give --diff or --write, not both")
        config = _settings(config_path, paths or [], select, ignore, pack)
        docs = _documents(paths or [], text or [], Options(column, id_column, ignore_column, encoding))
        coach, catalogue = _make_coach(config)
    known = _known(catalogue)
    coaches: dict[frozenset[str], Coach | None] = {frozenset(): coach}

    def coach_for(names: frozenset[str]) -> Coach | None:
        """The Coach for a reply that ignores some rules; None when it ignores them all."""
        if names not in coaches:
            coaches[names] = (
                None if names & ALL else Coach(config=config.model_copy(update={"ignore": [
                    *config.ignore, *sorted(names & known)]}))
            )
        return coaches[names]

    outputs: list[tuple[Document, str]] = []
    applied = remaining = 0
    total = sum(len(d.records) for d in docs)
    with _usage_errors(), _Progress(total, "fixing", quiet) as progress:
        for doc in docs:
            fixed: dict[int, str] = {}
            for record in doc.records:
                progress.advance()
                chosen = coach_for(record.ignore)
                if chosen is None:
                    continue
                result = chosen.fix(record.text, unsafe=unsafe)
                if not doc.can_write(record.index, result.text):
                    _warn(f"{doc.name}:{record.line} ({record.id}): fix left out, it would change HTML markup")
                    continue
                applied += len(result.applied)
                remaining += len(result.remaining)
                fixed[record.index] = result.text
            outputs.append((doc, doc.rewrite(fixed)))
    changed = [(doc, new) for doc, new in outputs if new != doc.content]
    if diff:
        for doc, new in changed:
            name = doc.name
            typer.echo(
                "".join(
                    difflib.unified_diff(
                        _lines(doc.content), _lines(new), f"a/{name}", f"b/{name}"
                    )
                ),
                nl=False,
            )
    elif write:
        with _usage_errors():
            for doc, new in changed:
                if doc.name.startswith("<"):
                    raise UsageError("--write needs files; stdin and --text are printed instead")
                write_atomic(doc.path, new, encoding, doc.bom)
                if not quiet:
                    typer.echo(f"fixed {doc.name}", err=True)
    else:
        for doc, new in outputs:
            if len(outputs) > 1:
                typer.echo(f"==> {doc.name} <==")
            typer.echo(new, nl=not new.endswith("\n"))
    if not quiet:
        typer.echo(f"{applied} fixes applied in {len(changed)} file(s); {remaining} findings left", err=True)
    raise typer.Exit(EXIT_FINDINGS if diff and changed else EXIT_CLEAN)


def _lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines


def write_atomic(path: Path, content: str, encoding: str = "utf-8", bom: bool = False) -> None:
    """Replace a file in one step: temp file in the same folder, fsync, os.replace. On error the original stays."""
    try:
        data = content.encode(encoding)
    except UnicodeEncodeError as exc:
        raise UsageError(f"{path}: the fixed text cannot be written as {encoding}: {exc.reason}") from exc
    if bom:
        data = b"\xef\xbb\xbf" + data
    folder = path.resolve().parent
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- report ---------------------------------------------------------------------------------------------------
@app.command()
def report(
    paths: Paths = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("cs-coach-report.html"),
    title: Annotated[str, typer.Option(help="Report title.")] = "cs-coach 상담 문구 점검 보고서",
    top: Annotated[int, typer.Option(help="How many of the worst replies to show.")] = 100,
    text: Texts = None,
    column: ColumnOpt = None,
    id_column: IdColumnOpt = None,
    ignore_column: IgnoreColumnOpt = None,
    encoding: EncodingOpt = "utf-8",
    config_path: ConfigOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    pack: PackOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Write one self-contained HTML report: totals, charts by category and rule, worst replies first."""
    from .render.html import render_html

    with _usage_errors():
        config = _settings(config_path, paths or [], select, ignore, pack)
        docs = _documents(paths or [], text or [], Options(column, id_column, ignore_column, encoding))
        coach, catalogue = _make_coach(config)
    page = render_html(_checked(coach, docs, _known(catalogue), quiet), catalogue, title=title, top=top)
    with _usage_errors():
        try:
            write_atomic(out, page)
        except FileNotFoundError as exc:
            raise UsageError(f"{out}: folder does not exist") from exc
    if not quiet:
        typer.echo(f"wrote {out}", err=True)


# -- helpers for rule authors and trainers ---------------------------------------------------------------------
@app.command()
def rules(
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    config_path: ConfigOpt = None,
    pack: PackOpt = None,
) -> None:
    """List the active rules: id, category, severity, pack and message."""
    with _usage_errors():
        if category is not None and category not in CATEGORIES:
            raise UsageError(f"unknown category {category!r}; categories: {', '.join(CATEGORIES)}")
        _, catalogue = _make_coach(_settings(config_path, [], None, None, pack))
    shown = [r for r in catalogue.values() if category is None or r.category == category]
    width = max((len(r.id) for r in shown), default=10)
    for r in sorted(shown, key=lambda r: (r.category, r.id)):
        typer.echo(f"{r.id:<{width}}  {r.category:<11} {r.severity:<7} {r.pack:<12} {r.message}")
    typer.echo(f"{len(shown)} rules", err=True)


@app.command()
def explain(
    rule: Annotated[str, typer.Argument(help="A rule id, e.g. an-doeda.")],
    config_path: ConfigOpt = None,
    pack: PackOpt = None,
) -> None:
    """Show a rule: why it matters, its examples and the fixes it offers."""
    with _usage_errors():
        coach = Coach(config=_settings(config_path, [], None, None, pack))
    by_id = {c.rule.id: c for c in coach.ruleset.rules}
    if rule not in by_id:
        close = difflib.get_close_matches(rule, list(by_id), n=5, cutoff=0.5)
        hint = f"; did you mean: {', '.join(close)}" if close else "; see `cs-coach rules`"
        raise _fail(f"unknown rule {rule!r}{hint}")
    compiled = by_id[rule]
    r = compiled.rule
    typer.echo(f"{r.id}  ({compiled.pack} · {r.category} · {r.severity} · {r.kind})")
    typer.echo(f"\n{re.sub(r'{[a-z_][a-z0-9_]*}', '…', r.message)}\n\n{r.why}")
    if r.suggest:
        typer.echo("\n고치는 방법:")
        for s in r.suggest:
            what = s.description or _describe(s)
            typer.echo(f"  - {what} ({'안전' if s.applicability == 'safe' else '뜻이 바뀔 수 있음'})")
    typer.echo("\n예:")
    for example in r.examples:
        if example.bad is not None:
            typer.echo(f"  ✗ {example.bad}")
            if example.fix is not None:
                typer.echo(f"    → {example.fix}")
            if example.unsafe_fix is not None:
                typer.echo(f"    → {example.unsafe_fix} (--unsafe)")
        else:
            typer.echo(f"  ✓ {example.good}")


def _describe(suggest: object) -> str:
    for name in ("replace", "prefix", "append"):
        value = getattr(suggest, name, None)
        if isinstance(value, str):
            return f"{name}: {value}"
        if isinstance(value, dict):
            return f"{name}: " + " / ".join(value.values())
    return "morpheme edit"


@app.command()
def tokens(text: Annotated[str, typer.Argument(help="Korean text to analyse.")]) -> None:
    """Print Kiwi's sentences and morphemes (form/tag@start-end): what rule patterns match against."""
    from .analyze import analyze

    for sentence in analyze(text).sentences:
        typer.echo(f"[{sentence.start}-{sentence.end}] {sentence.level}: {text[sentence.start : sentence.end]}")
        typer.echo("  " + " ".join(f"{m.form}/{m.tag}@{m.start}-{m.end}" for m in sentence.morphs))


@pack_app.command("test")
def pack_test(files: Annotated[list[Path], typer.Argument(help="Pack files (YAML) to test.")]) -> None:
    """Run every example embedded in the packs; print failures; exit 1 when any fails."""
    from .examples import cases, run_case
    from .packs import load_packs

    with _usage_errors():
        for path in files:
            if not path.is_file():
                raise UsageError(f"{path}: no such pack file")
        ruleset = load_packs(files)
    names = tuple(str(p) for p in files)
    failed = total = 0
    for case in cases(ruleset):
        total += 1
        problems = run_case(case, names)
        if problems:
            failed += 1
            typer.echo(f"FAIL {case.name}: {case.text}")
            for problem in problems:
                typer.echo(f"    {problem}")
    typer.echo(f"{total} examples, {total - failed} passed, {failed} failed")
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


# -- trainers and the service ---------------------------------------------------------------------------------
@app.command()
def exercises(
    paths: Paths = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the worksheet here (default: stdout).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md or html.")] = "md",
    category: Annotated[list[str] | None, typer.Option(help="Only exercises for these categories.")] = None,
    limit: Annotated[int, typer.Option(help="Most exercises taken from replies.")] = 20,
    column: ColumnOpt = None,
    config_path: ConfigOpt = None,
) -> None:
    """A worksheet with an answer key: from the rules' own examples, or from the worst of your replies."""
    from .render.worksheet import render_worksheet
    from .trainer import exercises_from_replies, exercises_from_rules

    if fmt not in ("md", "html"):
        raise _fail(f"--format must be md or html (got {fmt!r})")
    with _usage_errors():
        categories = _split(category)
        unknown = [c for c in categories if c not in CATEGORIES]
        if unknown:
            raise UsageError(f"unknown category {unknown[0]!r}; categories: {', '.join(CATEGORIES)}")
        coach = Coach(config=_settings(config_path, paths or [], categories or None, None, None))
        if paths:
            docs = _documents(paths, [], Options(column=column))
            items = exercises_from_replies(coach, (r.text for d in docs for r in d.records), limit=limit)
        else:
            items = exercises_from_rules(coach, categories or None)
        page = render_worksheet(items, fmt=fmt)  # type: ignore[arg-type]
        if out is None:
            typer.echo(page, nl=False)
        else:
            write_atomic(out, page)
            typer.echo(f"wrote {out} ({len(items)} exercises)", err=True)


@app.command()
def grade(
    original: Annotated[str, typer.Argument(help="The reply as it was.")],
    rewrite: Annotated[str, typer.Argument(help="The trainee's rewrite.")],
    rule: Annotated[list[str] | None, typer.Option(help="The rules the exercise targets (default: all found).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the grade as JSON.")] = False,
) -> None:
    """Grade a rewrite: problem gone, nothing new, speech level and content kept. Exit 1 when it fails."""
    from .trainer import grade as grade_rewrite

    with _usage_errors():
        result = grade_rewrite(Coach(), original, rewrite, _split(rule) or None)
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        for item in result.items:
            typer.echo(f"{'✓' if item.ok else '✗'} {item.check}: {item.feedback}")
        typer.echo(f"점수 {result.score}/100 · {'통과' if result.passed else '다시 고쳐 보세요'}")
    raise typer.Exit(EXIT_CLEAN if result.passed else EXIT_FINDINGS)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Run the HTTP service and playground (needs the 'server' extra: pip install "cs-coach[server]")."""
    try:
        from .server.app import serve as run_server
    except ImportError as exc:
        raise _fail(f"the HTTP service needs its extra: pip install \"cs-coach[server]\" ({exc.name} missing)") from exc
    run_server(host=host, port=port)


@app.callback()
def _root() -> None:
    """cs-coach: find wording that hurts the customer experience, and rewrite it."""


def main() -> None:
    app()
