"""cs_coach on Apache Spark: lint chat-log and macro tables where they live (the `[spark]` extra).

    from cs_coach.spark import check_dataframe
    findings = check_dataframe(spark.table("cs.chat_turns"), text_col="reply", id_cols=("chat_id", "turn"))

Each function maps Arrow record batches (`mapInArrow`) through one Coach per Python worker, loaded once
and reused by every task of that worker; each batch goes through `check_many` in one call. The packs are
resolved on the driver, so an unknown pack name fails before the job starts, and user packs given by
path travel with the job. Output schemas are declared, never inferred. A null or non-string cell gives a
row with an `error` column, never a failed job.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from .frames import check_dataframe_with, fix_dataframe_with, score_dataframe_with
from .settings import ship

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame

__all__ = ["check_dataframe", "fix_dataframe", "score_dataframe"]


def check_dataframe(
    df: DataFrame,
    text_col: str = "reply",
    id_cols: Sequence[str] = (),
    packs: Iterable[str | Path] | None = None,
    config: Config | None = None,
    unsafe: bool = False,
) -> DataFrame:
    """One row per finding: the id columns, rule_id, also, category, severity, start, end, text, message,
    the first suggestion (safe ones only unless `unsafe`) and its applicability, the sentence's act, error."""
    return check_dataframe_with(df, text_col, tuple(id_cols), ship(packs, config), unsafe)


def score_dataframe(
    df: DataFrame,
    text_col: str = "reply",
    id_cols: Sequence[str] = (),
    packs: Iterable[str | Path] | None = None,
    config: Config | None = None,
) -> DataFrame:
    """One row per reply: the id columns, overall and score_<category>, speech_level, counts by severity."""
    return score_dataframe_with(df, text_col, tuple(id_cols), ship(packs, config))


def fix_dataframe(
    df: DataFrame,
    text_col: str = "reply",
    packs: Iterable[str | Path] | None = None,
    config: Config | None = None,
    unsafe: bool = False,
    output_col: str = "fixed",
) -> DataFrame:
    """Every input column plus `output_col` (the text after safe fixes, or all fixes with `unsafe`) and
    `fix_error` (why a cell could not be fixed)."""
    return fix_dataframe_with(df, text_col, ship(packs, config), unsafe, output_col)
