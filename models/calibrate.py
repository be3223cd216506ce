"""Derives the default match model's norms from a real creator list (models/README.md, "Calibration").

Usage: python3 models/calibrate.py ../shared/data/real/tiktok_top1000_dec2022.csv

Reads the third-party list's text figures ("60.3M", "30.8K", "728"), computes per creator
engagement per view = (likes + comments + shares) / views, views per follower = views / followers,
and prints the quantiles and moments the model uses: per follower tier (under 1M, 1M-10M, 10M+) the
10th, 50th and 90th percentile of engagement per view; the mean and standard deviation of
ln(engagement / its tier's median), of log10(followers) and of log10(views / followers). A creator
listed twice counts once (the later row, as Scout's import merges them). Standard library only.
"""
import csv
import math
import statistics
import sys

TIERS = [(0, 1e6, "under 1M"), (1e6, 1e7, "1M-10M"), (1e7, math.inf, "10M+")]


def number(text):
    text = text.strip().replace(",", "")
    if not text:
        return None
    scale = {"K": 1e3, "M": 1e6, "B": 1e9}.get(text[-1].upper())
    return float(text[:-1]) * scale if scale else float(text)


def quantile(values, p):
    """Linear interpolation between closest ranks (NumPy's default)."""
    xs = sorted(values)
    pos = p * (len(xs) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def main(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    handle = header.index("Tiktoker name")
    # The text form of each figure comes first where a header repeats.
    col = {name: header.index(name) for name in ("followers", "views(avg)", "likes(avg.)", "comments(avg.)",
                                                  "shares(avg.)")}
    creators = {}
    for r in body:
        creators[r[handle].strip().lower()] = r
    eng, followers, view_rate = [], [], []
    for r in creators.values():
        f, v = number(r[col["followers"]]), number(r[col["views(avg)"]])
        acts = [number(r[col[k]]) for k in ("likes(avg.)", "comments(avg.)", "shares(avg.)")]
        if f:
            followers.append(f)
        if f and v:
            view_rate.append(v / f)
        if f and v and acts[0] is not None:
            eng.append((f, sum(a or 0 for a in acts) / v))
    print(f"creators: {len(creators)}; with engagement: {len(eng)}")
    medians = {}
    for lo, hi, name in TIERS:
        e = [x for f, x in eng if lo <= f < hi]
        q = [quantile(e, p) * 100 for p in (0.10, 0.50, 0.90)]
        medians[name] = q[1] / 100
        print(f"engagement per view, {name} ({len(e)}): p10 {q[0]:.2f} %, median {q[1]:.2f} %, p90 {q[2]:.2f} %")
    rel = [math.log(x / medians[next(n for lo, hi, n in TIERS if lo <= f < hi)]) for f, x in eng]
    for name, xs in (("ln(engagement / tier median)", rel),
                     ("log10(followers)", [math.log10(f) for f in followers]),
                     ("log10(views / followers)", [math.log10(x) for x in view_rate])):
        print(f"{name}: mean {statistics.fmean(xs):.3f}, std {statistics.stdev(xs):.3f}, "
              f"p10 {quantile(xs, 0.1):.3f}, p90 {quantile(xs, 0.9):.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
