"""Render the `curate validate` HTML report in headless Chromium and check the screenshot.

The check: the PNG is not blank (enough non-white pixels, many colours) and every chart's
fill colour is visible, i.e. the inline-SVG charts actually rendered.

Usage:
    python benchmarks/render_report_screenshot.py                  # sample dataset
    python benchmarks/render_report_screenshot.py --dataset output/
    python benchmarks/render_report_screenshot.py --html report.html --out shot.png

Exit codes: 0 ok, 1 the screenshot looks wrong, 2 Chromium not found or it failed.
Needs Debian's `chromium` package (apt-get install -y chromium).
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np

from curate.validate import ValidateConfig, run_validation, write_reports
from curate.validate.render_html import CHART_COLORS
from curate.validate.sample import write_sample_dataset

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MIN_INK = 0.01  # share of non-white pixels
MIN_COLOURS = 16
MIN_CHART_PIXELS = 150  # pixels of each chart colour
TOLERANCE = 8  # per channel, for colour management


def find_browser() -> str | None:
    """The first Chromium-like browser on PATH."""
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def screenshot(browser: str, html: Path, png: Path, width: int, height: int) -> None:
    """Take a headless screenshot of `html` into `png` (RuntimeError on failure)."""
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={width},{height}",
            html.resolve().as_uri(),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    if not png.is_file():
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"chromium wrote no screenshot (rc {done.returncode}): {tail}")


def _unfilter(raw: bytes, width: int, height: int, bpp: int) -> np.ndarray:
    stride = width * bpp
    out = np.zeros((height, stride), dtype=np.uint8)
    prior = np.zeros(stride, dtype=np.int32)
    pos = 0
    for y in range(height):
        kind = raw[pos]
        line = np.frombuffer(raw, dtype=np.uint8, count=stride, offset=pos + 1).astype(np.int32)
        pos += stride + 1
        if kind == 0:
            cur = line
        elif kind == 1:  # Sub: running sum per channel
            cur = np.cumsum(line.reshape(width, bpp), axis=0).reshape(-1) & 0xFF
        elif kind == 2:  # Up
            cur = (line + prior) & 0xFF
        else:  # Average, Paeth: depend on the left pixel, byte by byte
            row = bytearray(stride)
            up = prior.tolist()
            src = line.tolist()
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                if kind == 3:
                    row[i] = (src[i] + ((left + up[i]) >> 1)) & 0xFF
                else:
                    ul = up[i - bpp] if i >= bpp else 0
                    p = left + up[i] - ul
                    pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - ul)
                    pred = left if pa <= pb and pa <= pc else up[i] if pb <= pc else ul
                    row[i] = (src[i] + pred) & 0xFF
            cur = np.frombuffer(bytes(row), dtype=np.uint8).astype(np.int32)
        out[y] = cur
        prior = cur
    return out.reshape(height, width, bpp)


def read_png(path: Path) -> np.ndarray:
    """Decode an 8-bit RGB/RGBA, non-interlaced PNG into an (h, w, 3) uint8 array."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    pos, idat, header = 8, bytearray(), b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour})")
    bpp = 3 if colour == 2 else 4
    return _unfilter(zlib.decompress(bytes(idat)), width, height, bpp)[:, :, :3]


def inspect(pixels: np.ndarray) -> tuple[list[str], dict[str, int], float, int]:
    """Problems found, pixels per chart colour, ink share, distinct colours."""
    flat = pixels.reshape(-1, 3).astype(np.int32)
    ink = float(np.mean(np.any(flat < 245, axis=1)))
    colours = len(np.unique(flat[:: max(1, len(flat) // 200_000)], axis=0))
    found = {}
    for name, hex_colour in CHART_COLORS.items():
        target = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)])
        found[name] = int(np.count_nonzero(np.all(np.abs(flat - target) <= TOLERANCE, axis=1)))
    problems = []
    if ink < MIN_INK:
        problems.append(f"looks blank: only {ink:.2%} non-white pixels")
    if colours < MIN_COLOURS:
        problems.append(f"only {colours} distinct colours")
    problems += [
        f"chart {name!r} not visible ({n} pixels of its colour)"
        for name, n in found.items()
        if n < MIN_CHART_PIXELS
    ]
    return problems, found, ink, colours


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, help="an existing HTML report to render")
    parser.add_argument("--dataset", type=Path, help="validate this dataset and render its report")
    parser.add_argument("--out", type=Path, default=Path("bench-out/validate_report.png"))
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=2400)
    args = parser.parse_args(argv)
    browser = find_browser()
    if browser is None:
        print("chromium not found on PATH (apt-get install -y chromium)", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html = args.html
        if html is None:
            dataset = args.dataset or write_sample_dataset(Path(tmp) / "sample", n_docs=40)
            html = Path(tmp) / "report.html"
            write_reports(run_validation(dataset, ValidateConfig()), html=html)
        try:
            args.out.unlink(missing_ok=True)
            screenshot(browser, html, args.out, args.width, args.height)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            print(f"screenshot failed: {exc}", file=sys.stderr)
            return 2
    pixels = read_png(args.out)
    problems, found, ink, colours = inspect(pixels)
    charts = ", ".join(f"{name} {n}px" for name, n in found.items())
    print(
        f"{args.out}: {pixels.shape[1]}x{pixels.shape[0]}, {ink:.1%} ink, {colours} colours; "
        f"chart pixels: {charts}"
    )
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
