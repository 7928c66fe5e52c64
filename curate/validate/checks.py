"""The validation checks. Each is a small function `Context -> CheckResult`; `CHECKS` lists
them in report order. They only grade facts gathered beforehand (`profile_dataset`), so one
broken part never stops another check.

Check names are stable (they are JUnit test names and JSON keys): manifest, readable, schema,
unique-ids, empty-texts, exact-duplicates, near-duplicates, boilerplate, languages, dates,
date-coverage, text-length, accounting, removed-records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from curate.validate.config import ValidateConfig
from curate.validate.contract import (
    DATA_OPTIONAL,
    DATA_REQUIRED,
    REMOVED_REQUIRED,
    lookup,
    manifest_problems,
    schema_problems,
)
from curate.validate.dataset import Layout
from curate.validate.profile import DataProfile, RemovedProfile
from curate.validate.report import CheckResult, Status, graded


@dataclass
class Context:
    """Everything a check may look at."""

    layout: Layout
    config: ValidateConfig
    data: DataProfile
    removed: RemovedProfile
    reference: str
    reference_source: str


def _result(
    name: str,
    title: str,
    problems: list[str],
    ok_message: str,
    warnings: list[str] | None = None,
    **details: Any,
) -> CheckResult:
    """A pass/fail check: fail on any problem, warn on any warning."""
    warnings = warnings or []
    if problems:
        status, message = Status.FAIL, "; ".join(problems[:3])
        if len(problems) > 3:
            message += f" (+{len(problems) - 3} more)"
    elif warnings:
        status, message = Status.WARN, "; ".join(warnings[:3])
    else:
        status, message = Status.PASS, ok_message
    details = {"problems": problems, "warnings": warnings, **details}
    return CheckResult(name, title, status, message, details=details)


def _share(count: int, total: int) -> float:
    return round(count / total, 6) if total else 0.0


def check_manifest(ctx: Context) -> CheckResult:
    """manifest.json exists, has the documented keys and types, and lists the files on disk."""
    layout = ctx.layout
    manifest = layout.manifest
    if manifest is None:
        return _result(
            "manifest",
            "Manifest present and consistent",
            [layout.manifest_error or "manifest.json is missing"],
            "",
        )
    problems = manifest_problems(manifest)
    for key, parts in (("data_files", layout.data), ("removed_files", layout.removed)):
        listed = lookup(manifest, f"outputs.{key}")
        if isinstance(listed, list):
            on_disk = {p.rel for p in parts}
            missing = sorted(set(listed) - on_disk)
            extra = sorted(on_disk - set(listed))
            if missing:
                problems.append(f"outputs.{key} lists missing files: {', '.join(missing[:5])}")
            if extra:
                problems.append(f"files not in outputs.{key}: {', '.join(extra[:5])}")
    reasons = lookup(manifest, "outputs.removed_by_reason")
    removed = lookup(manifest, "outputs.removed")
    if (
        isinstance(reasons, dict)
        and isinstance(removed, int)
        and all(isinstance(v, int) for v in reasons.values())
        and sum(reasons.values()) != removed
    ):
        problems.append(
            f"outputs.removed_by_reason sums to {sum(reasons.values())}, "
            f"outputs.removed is {removed}"
        )
    if (
        isinstance(manifest.get("reference_date"), str)
        and ctx.reference_source != "manifest"
        and not ctx.config.reference_date
    ):
        problems.append(f"reference_date {manifest['reference_date']!r} is not an ISO date")
    warnings = [] if (layout.root / "README.md").is_file() else ["README.md dataset card missing"]
    return _result(
        "manifest",
        "Manifest present and consistent",
        problems,
        f"manifest of `curate {manifest.get('command')}` is complete",
        warnings,
        curate_version=manifest.get("curate_version"),
    )


def check_readable(ctx: Context) -> CheckResult:
    """Every Parquet part opens and decodes end to end; no stray files; data/ not empty."""
    layout = ctx.layout
    problems = [f"{p.rel}: {p.error}" for p in layout.parts if p.error]
    if not layout.data:
        problems.append("no Parquet files in data/")
    warnings = [f"stray file {name}" for name in layout.stray]
    rows = sum(p.rows_read for p in layout.parts)
    return _result(
        "readable",
        "Parquet files readable end to end",
        problems,
        f"{len(layout.parts)} files, {rows} rows read",
        warnings,
        files=[{"file": p.rel, "rows": p.rows_read, "error": p.error} for p in layout.parts],
    )


def check_schema(ctx: Context) -> CheckResult:
    """Required columns with contract types (fail); optional columns and zstd (warn)."""
    problems: list[str] = []
    warnings: list[str] = []
    data_schemas = set()
    for part, required, optional in (
        *((p, DATA_REQUIRED, DATA_OPTIONAL) for p in ctx.layout.data),
        *((p, REMOVED_REQUIRED, {}) for p in ctx.layout.removed),
    ):
        if part.schema is None:
            continue  # unreadable: reported by `readable`
        problems += [f"{part.rel}: {m}" for m in schema_problems(part.schema, required)]
        warnings += [f"{part.rel}: {m}" for m in schema_problems(part.schema, optional)]
        if part.compression not in (None, "zstd"):
            warnings.append(f"{part.rel}: compressed with {part.compression}, expected zstd")
        if required is DATA_REQUIRED:
            data_schemas.add(part.schema.remove_metadata().to_string())
    if len(data_schemas) > 1:
        problems.append(f"data/ parts have {len(data_schemas)} different schemas")
    return _result(
        "schema",
        "Schema and types of the output contract",
        problems,
        "every part has the contract's columns and types",
        warnings,
    )


def check_unique_ids(ctx: Context) -> CheckResult:
    """Kept ids are present and unique."""
    data, cfg = ctx.data, ctx.config
    bad = data.duplicate_ids + data.null_ids
    parts = []
    if data.duplicate_ids:
        parts.append(
            f"{data.duplicate_ids} duplicate ids (e.g. {', '.join(data.duplicate_id_examples[:3])})"
        )
    if data.null_ids:
        parts.append(f"{data.null_ids} null or empty ids")
    message = "; ".join(parts) or f"all {data.rows} ids are unique"
    return graded(
        "unique-ids",
        "Unique ids",
        bad,
        warn=cfg.duplicate_ids_warn,
        fail=cfg.duplicate_ids_fail,
        message=message,
        details={
            "duplicates": data.duplicate_ids,
            "nulls": data.null_ids,
            "examples": data.duplicate_id_examples,
        },
    )


def check_empty_texts(ctx: Context) -> CheckResult:
    """No null, empty or whitespace-only texts."""
    data, cfg = ctx.data, ctx.config
    message = (
        f"{data.empty_texts} empty texts (e.g. {', '.join(data.empty_examples[:3])})"
        if data.empty_texts
        else "no empty texts"
    )
    return graded(
        "empty-texts",
        "No empty texts",
        data.empty_texts,
        warn=cfg.empty_texts_warn,
        fail=cfg.empty_texts_fail,
        message=message,
        details={"examples": data.empty_examples},
    )


def check_exact_duplicates(ctx: Context) -> CheckResult:
    """No two kept texts are equal after normalisation (NFC, case, whitespace)."""
    data, cfg = ctx.data, ctx.config
    message = (
        f"{data.exact_duplicates} documents repeat an earlier text (e.g. "
        f"{', '.join(data.exact_examples[:3])})"
        if data.exact_duplicates
        else "no exact duplicates"
    )
    return graded(
        "exact-duplicates",
        "No exact duplicates left",
        data.exact_duplicates,
        warn=cfg.exact_duplicates_warn,
        fail=cfg.exact_duplicates_fail,
        message=message,
        details={"examples": data.exact_examples},
    )


def check_near_duplicates(ctx: Context) -> CheckResult:
    """Share of documents with a MinHash near-duplicate (estimated from a sample)."""
    near, cfg = ctx.data.near, ctx.config
    if near is None:
        return CheckResult("near-duplicates", "Near-duplicate rate", Status.SKIP, "no texts")
    share = round(near.estimated_share, 6)
    scope = "all" if near.rate >= 1.0 else f"a {near.rate:.1%} sample of"
    message = (
        f"{share:.2%} of documents have a near-duplicate (Jaccard >= "
        f"{cfg.near_duplicate_threshold}); {near.pairs} pairs in {scope} "
        f"{near.sampled} sketched documents"
    )
    return graded(
        "near-duplicates",
        "Near-duplicate rate",
        share,
        warn=cfg.near_duplicates_warn,
        fail=cfg.near_duplicates_fail,
        message=message,
        details={
            "sampled": near.sampled,
            "sample_rate": near.rate,
            "with_partner": near.with_partner,
            "pairs": near.pairs,
            "observed_share": round(near.observed_share, 6),
            "examples": [list(e) for e in near.examples],
        },
    )


def check_boilerplate(ctx: Context) -> CheckResult:
    """Share of kept lines that the cleaner's rules would drop (sampled documents)."""
    data, cfg = ctx.data, ctx.config
    title = "Boilerplate residue"
    if data.boilerplate_error:
        return CheckResult(
            "boilerplate",
            title,
            Status.ERROR,
            f"the line classifier crashed: {data.boilerplate_error}",
        )
    result = data.boilerplate
    if result is None:
        return CheckResult(
            "boilerplate", title, Status.SKIP, "the cleaner's line classifier is not available"
        )
    top = ", ".join(f"{rule} {n}" for rule, n in list(result.rules.items())[:3])
    message = (
        f"{result.share:.2%} of {result.lines} lines in {result.documents} documents "
        f"would be dropped" + (f" ({top})" if top else "")
    )
    return graded(
        "boilerplate",
        title,
        round(result.share, 6),
        warn=cfg.boilerplate_warn,
        fail=cfg.boilerplate_fail,
        message=message,
        details={
            "documents": result.documents,
            "lines": result.lines,
            "dropped": result.dropped,
            "rules": result.rules,
            "examples": result.examples,
        },
    )


def check_languages(ctx: Context) -> CheckResult:
    """Languages are ISO 639-1 codes within the allowed set (any when the set is empty)."""
    data, cfg = ctx.data, ctx.config
    title = "Languages in the allowed set"
    bad = sum(data.bad_languages.values())
    top = ", ".join(f"{code} {n}" for code, n in data.languages.most_common(5))
    details: dict[str, Any] = {"allowed": cfg.languages, "invalid": dict(data.bad_languages)}
    if bad:
        codes = ", ".join(repr(c) for c in list(data.bad_languages)[:3])
        return CheckResult(
            "languages",
            title,
            Status.FAIL,
            f"{bad} values are not ISO 639-1 codes: {codes}",
            details=details,
        )
    if not cfg.languages:
        return CheckResult(
            "languages",
            title,
            Status.PASS,
            f"any language allowed; {top or 'no documents'}",
            details=details,
        )
    allowed = set(cfg.languages)
    outside = {c: n for c, n in data.languages.items() if c not in allowed}
    share = _share(sum(outside.values()), data.rows)
    details["outside"] = outside
    message = (
        f"{share:.2%} of documents outside {sorted(allowed)}: "
        + ", ".join(f"{c} {n}" for c, n in sorted(outside.items(), key=lambda x: -x[1])[:5])
        if outside
        else f"all documents in {sorted(allowed)}"
    )
    return graded(
        "languages",
        title,
        share,
        warn=cfg.languages_warn,
        fail=cfg.languages_fail,
        message=message,
        details=details,
    )


def check_dates(ctx: Context) -> CheckResult:
    """Dates are contract ISO 8601, not before `min_year`, not after the reference date."""
    data, cfg = ctx.data, ctx.config
    bad = data.malformed_dates + data.early_dates + data.late_dates
    message = (
        f"{bad} bad dates: {'; '.join(data.bad_dates[:3])}"
        if bad
        else f"{data.dated} dates between {cfg.min_year} and {ctx.reference} "
        f"({ctx.reference_source})"
    )
    return graded(
        "dates",
        "Dates well-formed and in a plausible range",
        bad,
        warn=cfg.dates_warn,
        fail=cfg.dates_fail,
        message=message,
        details={
            "malformed": data.malformed_dates,
            "before_min_year": data.early_dates,
            "after_reference": data.late_dates,
            "reference_date": ctx.reference,
            "reference_source": ctx.reference_source,
            "min_year": cfg.min_year,
            "examples": data.bad_dates,
        },
    )


def check_date_coverage(ctx: Context) -> CheckResult:
    """Share of kept documents with a date (a lower bound)."""
    data, cfg = ctx.data, ctx.config
    share = _share(data.dated, data.rows)
    return graded(
        "date-coverage",
        "Date coverage",
        share,
        warn=cfg.date_coverage_warn,
        fail=cfg.date_coverage_fail,
        direction="min",
        message=f"{share:.1%} of documents have a date ({data.dated} of {data.rows})",
        details={"dated": data.dated, "documents": data.rows},
    )


def check_text_length(ctx: Context) -> CheckResult:
    """Share of texts shorter than `text_min_chars` or longer than `text_max_chars`."""
    data, cfg = ctx.data, ctx.config
    lengths = data.length_array()
    short = int(np.count_nonzero(lengths < cfg.text_min_chars))
    long = int(np.count_nonzero(lengths > cfg.text_max_chars))
    share = _share(short + long, int(lengths.size))
    message = (
        f"{short} texts under {cfg.text_min_chars} and {long} over {cfg.text_max_chars} "
        f"characters ({share:.2%})"
    )
    return graded(
        "text-length",
        "Text length within bounds",
        share,
        warn=cfg.text_length_warn,
        fail=cfg.text_length_fail,
        message=message,
        details={
            "too_short": short,
            "too_long": long,
            "min_chars": cfg.text_min_chars,
            "max_chars": cfg.text_max_chars,
        },
    )


def check_accounting(ctx: Context) -> CheckResult:
    """data + removed rows == inputs.documents; manifest counts match the files."""
    manifest, data, removed, cfg = ctx.layout.manifest, ctx.data, ctx.removed, ctx.config
    title = "Accounting: every input document kept or removed"
    if manifest is None:
        return CheckResult("accounting", title, Status.SKIP, "no manifest to account against")
    mismatches: list[str] = []
    total = 0

    def compare(label: str, expected: Any, actual: int) -> None:
        nonlocal total
        if isinstance(expected, int) and expected != actual:
            total += abs(expected - actual)
            mismatches.append(f"{label}: manifest {expected}, files {actual}")

    compare(
        "inputs.documents vs kept + removed",
        lookup(manifest, "inputs.documents"),
        data.rows + removed.rows,
    )
    compare("outputs.kept", lookup(manifest, "outputs.kept"), data.rows)
    compare("outputs.removed", lookup(manifest, "outputs.removed"), removed.rows)
    reasons = lookup(manifest, "outputs.removed_by_reason")
    if isinstance(reasons, dict):
        for reason in sorted(set(reasons) | set(removed.reasons)):
            compare(
                f"removed_by_reason[{reason}]",
                reasons.get(reason, 0),
                removed.reasons.get(reason, 0),
            )
    if removed.overlap:
        total += removed.overlap
        mismatches.append(
            f"{removed.overlap} ids both kept and removed "
            f"(e.g. {', '.join(removed.overlap_examples[:3])})"
        )
    inputs = lookup(manifest, "inputs.documents")
    message = (
        "; ".join(mismatches[:3])
        if mismatches
        else (
            f"{data.rows} kept + {removed.rows} removed"
            + (
                f" = {inputs} input documents"
                if isinstance(inputs, int)
                else " (no input count in the manifest)"
            )
        )
    )
    return graded(
        "accounting",
        title,
        total,
        warn=cfg.accounting_warn,
        fail=cfg.accounting_fail,
        message=message,
        details={"mismatches": mismatches, "kept": data.rows, "removed": removed.rows},
    )


def check_removed_records(ctx: Context) -> CheckResult:
    """Removed rows have a reason; duplicates point at a kept document; similarity in [0, 1]."""
    removed, cfg = ctx.removed, ctx.config
    message = (
        f"{removed.bad_rows} bad rows: "
        + "; ".join(f"{e['id']} {e['problem']}" for e in removed.bad_examples[:3])
        if removed.bad_rows
        else f"{removed.rows} removed rows well-formed"
    )
    return graded(
        "removed-records",
        "Removed records well-formed",
        removed.bad_rows,
        warn=cfg.removed_records_warn,
        fail=cfg.removed_records_fail,
        message=message,
        details={"examples": removed.bad_examples},
    )


CHECKS: list[tuple[str, Callable[[Context], CheckResult]]] = [
    ("manifest", check_manifest),
    ("readable", check_readable),
    ("schema", check_schema),
    ("unique-ids", check_unique_ids),
    ("empty-texts", check_empty_texts),
    ("exact-duplicates", check_exact_duplicates),
    ("near-duplicates", check_near_duplicates),
    ("boilerplate", check_boilerplate),
    ("languages", check_languages),
    ("dates", check_dates),
    ("date-coverage", check_date_coverage),
    ("text-length", check_text_length),
    ("accounting", check_accounting),
    ("removed-records", check_removed_records),
]


def run_checks(ctx: Context) -> list[CheckResult]:
    """Run every check; a check that crashes becomes an `error` result, the rest still run."""
    results = []
    for name, check in CHECKS:
        try:
            results.append(check(ctx))
        except Exception as exc:
            results.append(
                CheckResult(
                    name, name, Status.ERROR, f"internal error: {type(exc).__name__}: {exc}"[:300]
                )
            )
    return results
