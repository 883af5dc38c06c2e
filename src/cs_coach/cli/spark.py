"""`cs-coach spark`: lint a table with Apache Spark and write the findings table (the `[spark]` extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..models import SEVERITY_RANK
from ..render.text import summary
from ..spark.rows import FINDING_FIELDS
from .common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    ConfigOpt,
    IgnoreOpt,
    PackOpt,
    QuietOpt,
    SelectOpt,
    UsageError,
    fail_threshold,
    load_settings,
    usage_errors,
    warn,
)

READERS = {".csv": "csv", ".tsv": "csv", ".jsonl": "json", ".json": "json", ".ndjson": "json", ".parquet": "parquet"}
ROW_ID = "row_id"
TEXT_COLUMNS = ("reply", "text", "content", "body", "message", "answer")


def spark(
    inputs: Annotated[list[str], typer.Argument(help="CSV, JSON Lines or Parquet files or folders (Spark paths).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the tables into.")],
    column: Annotated[str | None, typer.Option("--column", help="Column with the replies.")] = None,
    id_column: Annotated[
        list[str] | None, typer.Option("--id-column", help="Column naming each reply (repeatable).")
    ] = None,
    master: Annotated[str, typer.Option(help="Spark master URL.")] = "local[*]",
    output_format: Annotated[str, typer.Option("--format", "-f", help="parquet, csv or json.")] = "parquet",
    input_format: Annotated[
        str | None, typer.Option("--input-format", help="csv, json or parquet (default: from the extension).")
    ] = None,
    scores: Annotated[bool, typer.Option("--scores", help="Also write one score row per reply.")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace tables already in --output.")] = False,
    fail_on: Annotated[
        str | None, typer.Option(help="Exit 1 on findings at or above: error, warning, info, none.")
    ] = None,
    config_path: ConfigOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    pack: PackOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Check a table of replies on Spark: findings go to OUTPUT/findings (and OUTPUT/scores with --scores).

    Example: cs-coach spark chats.parquet --column reply --id-column chat_id -o out/ --master local[2]
    """
    with usage_errors():
        if output_format not in ("parquet", "csv", "json"):
            raise UsageError(f"--format must be parquet, csv or json (got {output_format!r})")
        config = load_settings(config_path, inputs, select, ignore, pack)
        threshold = fail_threshold(fail_on, config)
        fmt = input_format or _reader(inputs)
        for name in ("findings", "scores") if scores else ("findings",):
            if (output / name).exists() and not overwrite:
                raise UsageError(f"{output / name} exists; pass --overwrite to replace it")
        try:
            from pyspark.sql import SparkSession
            from pyspark.sql import functions as F

            from ..spark import check_dataframe, score_dataframe
            from ..spark.frames import SparkInputError
        except ImportError as exc:
            raise UsageError("cs-coach spark needs the spark extra: pip install 'cs-coach[spark]'") from exc

    existing = SparkSession.getActiveSession()  # inside a notebook or test: use it and leave it running
    session = existing or SparkSession.builder.master(master).appName("cs-coach").getOrCreate()
    try:
        with usage_errors():
            table = _read(session, fmt, inputs)
            text_col = column or _text_column(table)
            if not id_column:  # without ids a finding could not be traced back to its row
                table = table.withColumn(ROW_ID, F.monotonically_increasing_id())
            ids = tuple(id_column or (ROW_ID,))
            try:
                findings = check_dataframe(table, text_col, ids, config=config)
                _write(findings, output / "findings", output_format)
                if scores:
                    _write(score_dataframe(table, text_col, ids, config=config), output / "scores", output_format)
            except SparkInputError as exc:
                raise UsageError(str(exc)) from exc
        stored = _stored_schema(findings, output_format)
        written = _read(session, output_format, [str(output / "findings")], schema=stored)
        stats = _stats(table, written)
    finally:
        if existing is None:
            session.stop()
    if stats["errors"]:
        warn(f"{stats['errors']} cells could not be checked; see the error column")
    if not quiet:
        typer.echo(summary(stats["replies"], stats["findings"], stats["flagged"]), err=True)
        typer.echo(f"wrote {output / 'findings'}" + (f" and {output / 'scores'}" if scores else ""), err=True)
    raise typer.Exit(EXIT_FINDINGS if stats["worst"] >= threshold else EXIT_CLEAN)


def _reader(inputs: list[str]) -> str:
    kinds = {READERS.get(Path(p).suffix.lower()) for p in inputs}
    if len(kinds) != 1 or None in kinds:
        raise UsageError("cannot tell the input format from the file names; pass --input-format csv|json|parquet")
    return kinds.pop()  # type: ignore[return-value]


def _read(session, fmt: str, paths: list[str], schema=None):
    reader = session.read.schema(schema) if schema is not None else session.read
    try:
        if fmt == "csv":
            sep = "\t" if all(p.endswith(".tsv") for p in paths) else ","
            return reader.option("header", True).option("multiLine", True).option("sep", sep).csv(paths)
        if fmt == "json":
            return reader.json(paths)
        return reader.parquet(*paths)
    except Exception as exc:  # AnalysisException (missing path, unreadable file) has no stable import path
        raise UsageError(f"cannot read {', '.join(paths)}: {str(exc).splitlines()[0]}") from exc


def _text_column(table) -> str:
    from pyspark.sql.types import StringType

    names = {c.lower(): c for c in table.columns}
    for candidate in TEXT_COLUMNS:
        if candidate in names:
            return names[candidate]
    strings = [f.name for f in table.schema.fields if isinstance(f.dataType, StringType)]
    if len(strings) == 1:
        return strings[0]
    raise UsageError(f"which column holds the replies? pass --column (columns: {', '.join(table.columns)})")


def _stored_schema(frame, fmt: str):
    """The findings schema as written: CSV keeps `also` as comma-separated text."""
    from pyspark.sql.types import StringType, StructField, StructType

    if fmt != "csv":
        return frame.schema
    return StructType([StructField(f.name, StringType()) if f.name == "also" else f for f in frame.schema.fields])


def _write(frame, path: Path, fmt: str) -> None:
    from pyspark.sql import functions as F

    if fmt == "csv":  # CSV has no arrays: `also` becomes a comma-separated list
        if "also" in frame.columns:
            frame = frame.withColumn("also", F.concat_ws(",", "also"))
        frame = frame.write.option("header", True)
    elif fmt == "json":  # keep null columns (error, act) so every line has the whole schema
        frame = frame.write.option("ignoreNullFields", False)
    else:
        frame = frame.write
    try:
        getattr(frame.mode("overwrite"), fmt)(str(path))
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc}") from exc


def _stats(table, findings) -> dict[str, int]:
    from pyspark.sql import functions as F

    checked = findings.where(F.col("error").isNull())
    severities = {row[0] for row in checked.select("severity").distinct().collect()}
    return {
        "replies": table.count(),
        "findings": checked.count(),
        "flagged": checked.select(*[c for c in findings.columns if c not in FINDING_FIELDS]).distinct().count(),
        "errors": findings.where(F.col("error").isNotNull()).count(),
        "worst": max((SEVERITY_RANK[s] for s in severities), default=-1),
    }
