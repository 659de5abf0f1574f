#!/usr/bin/env python3
"""Whole-run benchmark: `feedd --once` over N loopback feeds served by ../shared/tools/feedfarm.py, cold then warm,
with newsboat over the same farm as the peer when it is installed. Standard library only.

Prints, per pass: wall time, CPU (user+sys), peak RSS, requests the farm saw, 200s vs 304s, entries stored.
"""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request


def run_measured(cmd, env=None, timeout=1800):
    """Runs cmd, returning (wall seconds, cpu seconds, peak RSS MiB, returncode, stdout, stderr).

    CPU and peak RSS are this child's own (wait4), not the running maximum over every child so far."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Drain both pipes on threads so a chatty child cannot block, then reap it with wait4 for its own rusage.
    chunks = {"out": [], "err": []}
    readers = [threading.Thread(target=lambda k=k, f=f: chunks[k].append(f.read()), daemon=True)
               for k, f in (("out", proc.stdout), ("err", proc.stderr))]
    for r in readers:
        r.start()
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    for r in readers:
        r.join()
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024.0, proc.returncode, b"".join(chunks["out"]).decode(errors="replace"), \
        b"".join(chunks["err"]).decode(errors="replace")


def farm_get(base, path):
    with urllib.request.urlopen(base + path, timeout=10) as r:
        return json.loads(r.read().decode() or "{}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--feedd", required=True)
    ap.add_argument("--farm", required=True, help="path to feedfarm.py")
    ap.add_argument("--corpus", required=True, help="the feed documents feedfarm serves")
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--include-bad", action="store_true")
    ap.add_argument("--latency-ms", type=float, default=0)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="feedd-bench-")
    farm_dir = os.path.join(work, "farm")
    os.makedirs(farm_dir)
    farm_cmd = [sys.executable, args.farm, "--corpus", args.corpus, "--outdir", farm_dir, "--feeds", str(args.feeds), "--max-seconds", "1500",
                "--slow-seconds", "8", "--huge-mb", "64"]
    if args.include_bad:
        farm_cmd.append("--include-bad")
    if args.latency_ms:
        farm_cmd += ["--latency-ms", str(args.latency_ms)]
    farm = subprocess.Popen(farm_cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        line = farm.stdout.readline().decode()
        if "READY" not in line:
            sys.exit("feedfarm did not start: %r" % line)
        info = json.load(open(os.path.join(farm_dir, "farm.json")))
        base = info["base"]
        urls = [u for u in open(os.path.join(farm_dir, "urls.txt")).read().split() if u]
        state = os.path.join(work, "state")
        config = os.path.join(work, "feedd.toml")
        with open(config, "w") as fh:
            fh.write('state_dir = "%s"\ndigest_dir = "%s"\ntimezone = "UTC"\nconcurrency = %d\n'
                     % (state, os.path.join(work, "digests"), args.concurrency))
            fh.write('[fetch]\nper_host = %d\nconnect_timeout = 5\ntimeout = 20\nmax_body_mb = 16\n' % args.concurrency)
            for u in urls:
                fh.write('[[feed]]\nurl = "%s"\n' % u)

        results = []
        for name, extra in (("cold", []), ("warm", ["--force"])):
            farm_get(base, "/_farm/reset")
            wall, cpu, rss, rc, out, err = run_measured(
                [args.feedd, "--once", "--config", config, "--log-level", "warning"] + extra)
            stats = farm_get(base, "/_farm/stats")
            db = sqlite3.connect(os.path.join(state, "feedd.sqlite"))
            entries = db.execute("SELECT COUNT(*) FROM entry").fetchone()[0]
            stories = db.execute("SELECT COUNT(DISTINCT story_id) FROM entry").fetchone()[0]
            failed = db.execute("SELECT COUNT(*) FROM feed WHERE last_error IS NOT NULL").fetchone()[0]
            db.close()
            results.append(("feedd " + name, wall, cpu, rss, stats, entries, stories, failed, rc))
            if rc != 0:
                print("feedd exited %d:\n%s" % (rc, err[-2000:]), file=sys.stderr)
            if name == "cold" and args.include_bad:
                reasons = [l for l in err.splitlines() if "feed failed" in l]
                print("failures reported by feedd (%d):" % len(reasons))
                for l in reasons[:40]:
                    print("  " + l[:200])

        newsboat = shutil.which("newsboat")
        if newsboat:
            nb = os.path.join(work, "newsboat")
            os.makedirs(nb)
            open(os.path.join(nb, "urls"), "w").write("\n".join(urls) + "\n")
            open(os.path.join(nb, "config"), "w").write(
                "reload-threads %d\ndownload-timeout 20\nsuppress-first-reload yes\n" % args.concurrency)
            env = dict(os.environ, HOME=nb)
            for name in ("cold", "warm"):
                farm_get(base, "/_farm/reset")
                wall, cpu, rss, rc, out, err = run_measured(
                    [newsboat, "-u", os.path.join(nb, "urls"), "-c", os.path.join(nb, "cache.db"),
                     "-C", os.path.join(nb, "config"), "-x", "reload"], env=env)
                stats = farm_get(base, "/_farm/stats")
                db = sqlite3.connect(os.path.join(nb, "cache.db"))
                entries = db.execute("SELECT COUNT(*) FROM rss_item").fetchone()[0]
                db.close()
                results.append(("newsboat " + name, wall, cpu, rss, stats, entries, None, None, rc))
        else:
            print("(newsboat not installed: `apt-get install newsboat` to measure the peer)")

        print()
        print("%-15s %8s %8s %9s %9s %6s %6s %8s %8s %7s" % (
            "pass", "wall s", "cpu s", "peak MiB", "requests", "200", "304", "entries", "stories", "failed"))
        for name, wall, cpu, rss, stats, entries, stories, failed, rc in results:
            print("%-15s %8.2f %8.2f %9.1f %9d %6d %6d %8d %8s %7s" % (
                name, wall, cpu, rss, stats.get("requests", 0), stats.get("status", {}).get("200", 0),
                stats.get("status", {}).get("304", 0), entries, "-" if stories is None else stories,
                "-" if failed is None else failed))
        by = {r[0]: r for r in results}
        for p in ("cold", "warm"):
            if "newsboat " + p in by and by["feedd " + p][1] > 0:
                f, n = by["feedd " + p], by["newsboat " + p]
                print("%s: newsboat/feedd wall %.2fx, cpu %.2fx" % (p, n[1] / f[1], n[2] / max(f[2], 1e-6)))
    finally:
        try:
            farm_get(info["base"], "/_farm/stop")
        except Exception:
            pass
        farm.terminate()
        farm.wait(timeout=10)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("work folder kept: " + work)


if __name__ == "__main__":
    main()
