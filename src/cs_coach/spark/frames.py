"""The Spark side: declared schemas and the `mapInArrow` functions that run `rows` on each batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from .rows import FINDING_FIELDS, SCORE_FIELDS, finding_rows, fixed_texts, score_rows
from .settings import ShippedSettings, coach_for

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

    from ..engine import Coach

_INT_FIELDS = {"start", "end", "overall", "errors", "warnings", "infos"}
_LIST_FIELDS = {"also"}


class SparkInputError(ValueError):
    """A column named by the caller is missing, or the text column is not a string column."""


def check_dataframe_with(
    df: DataFrame, text_col: str, id_cols: tuple[str, ...], settings: ShippedSettings, unsafe: bool
) -> DataFrame:
    return _map_rows(df, text_col, id_cols, settings, FINDING_FIELDS,
                     lambda coach, ids, cells: finding_rows(coach, ids, cells, unsafe))


def score_dataframe_with(
    df: DataFrame, text_col: str, id_cols: tuple[str, ...], settings: ShippedSettings
) -> DataFrame:
    return _map_rows(df, text_col, id_cols, settings, SCORE_FIELDS, score_rows)


def _map_rows(
    df: DataFrame, text_col: str, id_cols: tuple[str, ...], settings: ShippedSettings, fields: tuple[str, ...],
    rows: Callable[[Coach, list[tuple], list], Iterable[tuple]],
) -> DataFrame:
    """The id and text columns, batch by batch through one worker's Coach, into rows of a declared schema."""
    _require_columns(df, text_col, id_cols)
    schema = _schema(df, id_cols, fields)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        coach = coach_for(settings)
        for batch in batches:
            ids, cells = _split(batch, id_cols, text_col)
            yield _batch(list(rows(coach, ids, cells)), schema)

    return df.select(*id_cols, text_col).mapInArrow(run, schema)


def fix_dataframe_with(
    df: DataFrame, text_col: str, settings: ShippedSettings, unsafe: bool, output_col: str
) -> DataFrame:
    from pyspark.sql.types import StringType, StructField, StructType

    _require_columns(df, text_col, ())
    for name in (output_col, "fix_error"):
        if name in df.columns:
            raise SparkInputError(f"the table already has a column {name!r}; choose another output_col")
    added = [StructField(output_col, StringType()), StructField("fix_error", StringType())]
    schema = StructType([*df.schema.fields, *added])

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import pyarrow as pa

        coach = coach_for(settings)
        for batch in batches:
            cells = batch.column(text_col).to_pylist()
            fixed, errors = zip(*fixed_texts(coach, cells, unsafe), strict=True) if cells else ((), ())
            columns = [*batch.columns, pa.array(list(fixed), pa.string()), pa.array(list(errors), pa.string())]
            yield pa.RecordBatch.from_arrays(columns, names=[*batch.schema.names, output_col, "fix_error"])

    return df.mapInArrow(run, schema)


def _require_columns(df: DataFrame, text_col: str, id_cols: tuple[str, ...]) -> None:
    from pyspark.sql.types import StringType

    missing = [c for c in (text_col, *id_cols) if c not in df.columns]
    if missing:
        raise SparkInputError(f"no column {', '.join(map(repr, missing))}; the table has {', '.join(df.columns)}")
    if not isinstance(df.schema[text_col].dataType, StringType):
        kind = df.schema[text_col].dataType.simpleString()
        raise SparkInputError(f"column {text_col!r} holds {kind}, not text; cast it to string first")
    taken = set(FINDING_FIELDS) | set(SCORE_FIELDS)
    clashes = [c for c in id_cols if c in taken]
    if clashes:
        raise SparkInputError(f"id column {', '.join(map(repr, clashes))} clashes with an output column; rename it")


def _schema(df: DataFrame, id_cols: tuple[str, ...], fields: tuple[str, ...]) -> StructType:
    from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType

    def kind(name: str):
        if name in _LIST_FIELDS:
            return ArrayType(StringType())
        if name in _INT_FIELDS or name.startswith("score_"):
            return IntegerType()
        return StringType()

    id_fields = [StructField(c, df.schema[c].dataType, True) for c in id_cols]
    return StructType([*id_fields, *(StructField(name, kind(name), True) for name in fields)])


def _split(batch: pa.RecordBatch, id_cols: tuple[str, ...], text_col: str) -> tuple[list[tuple], list]:
    cells = batch.column(text_col).to_pylist()
    columns = [batch.column(c).to_pylist() for c in id_cols]
    ids = list(zip(*columns, strict=True)) if columns else [()] * len(cells)
    return ids, cells


def _batch(rows: list[tuple], schema: StructType) -> pa.RecordBatch:
    import pyarrow as pa
    from pyspark.sql.pandas.types import to_arrow_schema

    arrow_schema = to_arrow_schema(schema)
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema.fields)
    arrays = [pa.array(list(values), type=field.type) for values, field in zip(columns, arrow_schema, strict=True)]
    return pa.RecordBatch.from_arrays(arrays, schema=arrow_schema)
