"""NumPy baseline for `scout bench match`: Scout's default match model over the same creators.

Reads the columns Scout's benchmark wrote (raw little-endian arrays + manifest.json), computes every
creator's score for the campaign with vectorised NumPy in float32 (the same features, soft-limited standardisation,
weights and logistic mapping as scout-match), takes the top 100, and prints timings and results as JSON.
"""
import json
import sys
import time

import numpy as np


def load(d, m, name, dtype, shape=None):
    a = np.fromfile(f"{d}/{name}.bin", dtype=dtype)
    return a.reshape(shape) if shape else a


def per_row_any(hit_flat, row_of, n):
    out = np.zeros(n, dtype=bool)
    out[row_of[hit_flat]] = True
    return out


def score(c, t, p):
    n = c["n"]
    v = c["fixed"].copy()
    # Audience fit: age, gender and country overlaps, weighted 0.4 / 0.3 / 0.3 over what is known.
    s = np.zeros(n, np.float32)
    w = np.zeros(n, np.float32)
    targeted = 0.0
    if t["age"] is not None:
        targeted += 0.4
        known = ~np.isnan(c["age"][:, 0])
        ov = np.minimum(c["age"], t["age"]).sum(axis=1)
        s += np.where(known, 0.4 * ov, 0)
        w += np.where(known, 0.4, 0)
    if t["gender"] is not None:
        targeted += 0.3
        f, m = c["gender"][:, 0], c["gender"][:, 1]
        known = ~np.isnan(f)
        other = np.maximum(1 - f - m, 0)
        ov = np.minimum(f, t["gender"][0]) + np.minimum(m, t["gender"][1]) + np.minimum(other, t["gender"][2])
        s += np.where(known, 0.3 * ov, 0)
        w += np.where(known, 0.3, 0)
    if t["country_weights"] is not None:
        targeted += 0.3
        cw = np.append(t["country_weights"], np.float32(0))  # index 676 = no country
        ids = np.where(c["countries"] == 65535, 676, c["countries"]).astype(np.int64)
        has_aud = c["countries"][:, 0] != 65535
        aud = np.minimum(c["country_shares"], cw[ids]).sum(axis=1)
        home = np.where(c["home"] == 65535, 676, c["home"]).astype(np.int64)
        has_home = c["home"] != 65535
        top = np.where(c["top"] == 65535, 676, c["top"]).astype(np.int64)
        has_top = c["top"] != 65535
        # A top audience country named without shares stands in at two thirds, the home country at half.
        s += np.where(has_aud, 0.3 * aud, np.where(has_top, 0.2 * cw[top], np.where(has_home, 0.15 * cw[home], 0)))
        w += np.where(has_aud, 0.3, np.where(has_top, 0.2, np.where(has_home, 0.15, 0)))
    if targeted > 0:
        # Unknown parts count as the neutral 0.55.
        v[:, 0] = np.where(w > 0, (s + 0.55 * (targeted - w)) / targeted, np.nan)
    # Category fit: the best fit of the creator's categories.
    if t["category_fit"] is not None:
        fits = t["category_fit"][c["cat_ids"]]
        best = np.zeros(n, np.float32)
        np.maximum.at(best, c["cat_row"], fits)
        v[:, 1] = np.where(c["cat_count"] > 0, best, np.nan)
    # Keyword fit: the share of keywords whose every token is in the creator's token set.
    if t["keywords"]:
        present = np.zeros(n, np.float32)
        for kw in t["keywords"]:
            has_all = np.ones(n, dtype=bool)
            for h in kw:
                has_all &= per_row_any(c["tokens"] == h, c["tok_row"], n)
            present += has_all
        v[:, 2] = np.where(c["tok_count"] > 0, present / len(t["keywords"]), np.nan)
    # Price fit.
    cb = c["commission"]
    with np.errstate(invalid="ignore", divide="ignore"):
        v[:, 8] = np.where(np.isnan(cb), np.nan, np.where(cb <= t["commission_max"], 1.0, t["commission_max"] / cb))
    # The soft limit: unchanged within ±2, bent towards ±3 beyond (scout-match `soft_limit`).
    z = (v - p["means"]) / p["stds"]
    over = np.maximum(np.abs(z) - 2, 0)
    z = np.where(over > 0, np.sign(z) * (2 + over / (1 + over)), z).astype(np.float32)
    z[np.isnan(z)] = 0
    z[:, ~t["active"]] = 0
    logit = p["intercept"] + z @ p["weights"]
    return (100 / (1 + np.exp(-logit))).astype(np.float32)


def main():
    d, runs = sys.argv[1], int(sys.argv[2])
    m = json.load(open(f"{d}/manifest.json"))
    n = m["n"]
    c = {
        "n": n,
        "fixed": load(d, m, "fixed", np.float32, (n, m["features"])),
        "age": load(d, m, "age", np.float32, (n, 6)),
        "gender": load(d, m, "gender", np.float32, (n, 2)),
        "countries": load(d, m, "countries", np.uint16, (n, 5)),
        "country_shares": load(d, m, "country_shares", np.float32, (n, 5)),
        "home": load(d, m, "home", np.uint16),
        "top": load(d, m, "top", np.uint16),
        "commission": load(d, m, "commission", np.float32),
        "cat_ids": load(d, m, "cat_ids", np.uint16).astype(np.int64),
        "tokens": load(d, m, "tokens", np.uint32),
    }
    cat_off = load(d, m, "cat_offsets", np.uint32).astype(np.int64)
    tok_off = load(d, m, "tok_offsets", np.uint32).astype(np.int64)
    c["cat_count"] = np.diff(cat_off)
    c["tok_count"] = np.diff(tok_off)
    c["cat_row"] = np.repeat(np.arange(n), c["cat_count"])
    c["tok_row"] = np.repeat(np.arange(n), c["tok_count"])
    tj = m["target"]
    t = {
        "age": None if tj["age"] is None else np.array(tj["age"], np.float32),
        "gender": None if tj["gender"] is None else np.array(tj["gender"], np.float32),
        "country_weights": None if tj["country_weights"] is None else np.array(tj["country_weights"], np.float32),
        "keywords": [np.array(k, np.uint32) for k in tj["keywords"]],
        "category_fit": None if tj["category_fit"] is None else np.array(tj["category_fit"], np.float32),
        "commission_max": np.float32(tj["commission_max_bp"]),
        "active": np.array(tj["active"], dtype=bool),
    }
    pj = m["model"]
    p = {k: np.array(pj[k], np.float32) for k in ("means", "stds", "weights")}
    p["intercept"] = np.float32(pj["intercept"])
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        scores = score(c, t, p)
        top = np.argpartition(-scores, 100)[:100]
        top = top[np.lexsort((top, -scores[top]))]
        times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({
        "median_ms": float(np.median(times)),
        "times_ms": times,
        "top": top.tolist(),
        "top_scores": scores[top].astype(float).tolist(),
        "numpy": np.__version__,
    }))


if __name__ == "__main__":
    main()
