#!/usr/bin/env python3
"""Start-up time and memory of the desktop app (run by scripts/bench-startup.sh).

Start-up: the app is executed directly, N times, with MLA_DESK_REPORT_READY=1; the UI
calls `ui_ready` once its first screen (the register list) is drawn and the app prints
`mla-desk: ui-ready <unix ns>` on stderr. Time = that instant minus the instant just
before exec. Memory: the whole process tree (the app and every WebKit child process),
summed from /proc/PID/smaps_rollup (PSS, the fair share of shared pages, and RSS) —
once on the list after start-up, and once with a LARGE request open in the editor,
opened through WebDriver (tauri-driver), M times. Medians are reported.

Needs: DISPLAY (Xvfb), tauri-driver on TAURI_DRIVER_URL for the memory part.
"""
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

BIN, REGISTER, DRAFT_ID = sys.argv[1], sys.argv[2], int(sys.argv[3])
RUNS = int(os.environ.get("RUNS", "7"))
MEM_RUNS = int(os.environ.get("MEM_RUNS", "5"))
# MEM_DETAIL=N: also print, for the last large-request run, the N mappings of each process
# with the most PSS (from /proc/PID/smaps, grouped by file; anonymous memory as [anon]).
MEM_DETAIL = int(os.environ.get("MEM_DETAIL", "0"))
# MEM_DUMP_DIR=DIR: also copy /proc/PID/smaps of every process of the tree (last run) to DIR.
MEM_DUMP_DIR = os.environ.get("MEM_DUMP_DIR", "")
# SETTLE=S: the second measurement of each opening, S seconds after the editor is drawn
# (the first is at 3 s): the request left open, nothing typed.
SETTLE = float(os.environ.get("SETTLE", "20"))
DRIVER = os.environ.get("TAURI_DRIVER_URL", "http://127.0.0.1:4464")


def children_map():
    kids = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(pid))
    return kids


def tree(root):
    kids = children_map()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


# Per process name, over the last memory_kb() call: {name: (PSS kB, RSS kB)}.
LAST_BREAKDOWN = {}
# The mapping_detail() lines of the last large-request run (MEM_DETAIL).
LAST_DETAIL = []
LAST_USS = [0]


def memory_kb(root):
    """(PSS, RSS) in kB summed over the process tree of `root`, and the process names.
    The per-process figures are left in LAST_BREAKDOWN, the tree's USS (pages no other
    process maps: what closing the app gives back) in LAST_USS[0]."""
    pss = rss = uss = 0
    names = []
    LAST_BREAKDOWN.clear()
    for pid in tree(root):
        p_pss = p_rss = 0
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        p_pss += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        p_rss += int(line.split()[1])
                    elif line.startswith(("Private_Clean:", "Private_Dirty:")):
                        uss += int(line.split()[1])
        except OSError:
            continue
        pss += p_pss
        rss += p_rss
        name = comm(pid)
        names.append(name)
        old = LAST_BREAKDOWN.get(name, (0, 0))
        LAST_BREAKDOWN[name] = (old[0] + p_pss, old[1] + p_rss)
    LAST_USS[:] = [uss]
    return pss, rss, names


def mapping_detail(root, top):
    """Lines naming, per process of the tree, the `top` mappings with the most PSS (kB)."""
    lines = []
    for pid in tree(root):
        per = {}
        name = None
        try:
            with open(f"/proc/{pid}/smaps") as f:
                for line in f:
                    first = line.split(maxsplit=5)
                    if "-" in first[0] and len(first) >= 5 and ":" not in first[0]:
                        path = first[5].strip() if len(first) > 5 else ""
                        name = os.path.basename(path) if path.startswith("/") else (path or "[anon]")
                    elif first[0] == "Pss:" and name is not None:
                        old = per.get(name, (0, 0))
                        per[name] = (old[0] + int(first[1]), old[1])
                    elif first[0] == "Rss:" and name is not None:
                        old = per.get(name, (0, 0))
                        per[name] = (old[0], old[1] + int(first[1]))
        except OSError:
            continue
        best = sorted(per.items(), key=lambda kv: -kv[1][0])[:top]
        lines.append(f"  {comm(pid)} ({pid}): " + ", ".join(
            f"{n} {p / 1024:.1f}/{r / 1024:.1f}" for n, (p, r) in best))
    return lines


def dump_smaps(root, directory):
    """Copies each process's smaps to DIRECTORY/<comm>.smaps (the last run wins)."""
    os.makedirs(directory, exist_ok=True)
    for pid in tree(root):
        try:
            with open(f"/proc/{pid}/smaps") as f:
                text = f.read()
        except OSError:
            continue
        with open(os.path.join(directory, f"{comm(pid)}.smaps"), "w") as out:
            out.write(text)


def breakdown_line(samples):
    """Median PSS / RSS per process name over `samples` (a list of LAST_BREAKDOWN copies)."""
    names = sorted({n for s in samples for n in s})
    parts = []
    for n in names:
        pss = statistics.median(s.get(n, (0, 0))[0] for s in samples) / 1024
        rss = statistics.median(s.get(n, (0, 0))[1] for s in samples) / 1024
        parts.append(f"{n} PSS {pss:.0f} / RSS {rss:.0f}")
    return "; ".join(parts)


def startup_once():
    env = dict(os.environ, MLA_DESK_REPORT_READY="1")
    log = open("/tmp/mla-bench-startup.log", "w+")
    t0 = time.time_ns()
    proc = subprocess.Popen([BIN, "--register", REGISTER], stderr=log, stdout=subprocess.DEVNULL, env=env)
    ready = None
    deadline = time.time() + 30
    while time.time() < deadline and ready is None:
        time.sleep(0.005)
        log.seek(0)
        for line in log.read().splitlines():
            if line.startswith("mla-desk: ui-ready "):
                ready = int(line.split()[2])
    if ready is None:
        proc.terminate()
        proc.wait()
        raise SystemExit("the app did not report ui-ready within 30 s (see /tmp/mla-bench-startup.log)")
    time.sleep(1.0)  # let the first screen settle before measuring memory
    pss, rss, names = memory_kb(proc.pid)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return (ready - t0) / 1e6, pss, rss, names


def wd(method, path, body=None):
    req = urllib.request.Request(
        DRIVER + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read() or b"{}")


def find(session, css, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            r = wd("POST", f"/session/{session}/element", {"using": "css selector", "value": css})
            return list(r["value"].values())[0]
        except urllib.error.HTTPError:
            time.sleep(0.1)
    raise SystemExit(f"no element {css} within {timeout} s")


def app_pid(driver_pid, before):
    """The mla-desk process started under tauri-driver for this session."""
    for pid in tree(driver_pid):
        if pid not in before and comm(pid) == "mla-desk":
            return pid
    return None


def large_request_memory(driver_pid):
    before = set(tree(driver_pid))
    caps = {"capabilities": {"alwaysMatch": {"tauri:options": {
        "application": BIN, "args": ["--register", REGISTER]}}}}
    session = wd("POST", "/session", caps)["value"]["sessionId"]
    try:
        button = find(session, f'#drafts tr[data-id="{DRAFT_ID}"] button.open')
        wd("POST", f"/session/{session}/element/{button}/click", {})
        find(session, os.environ.get("OPENED_SELECTOR", "#f-reference"))
        time.sleep(3.0)  # the editor is drawn and idle
        pid = app_pid(driver_pid, before)
        if pid is None:
            raise SystemExit("could not find the mla-desk process under tauri-driver")
        opened = memory_kb(pid) + (LAST_USS[0],)
        opened_breakdown = dict(LAST_BREAKDOWN)
        # Left open: the same request SETTLE seconds after it was drawn, nothing typed.
        time.sleep(max(0.0, SETTLE - 3.0))
        if MEM_DETAIL:
            LAST_DETAIL[:] = mapping_detail(pid, MEM_DETAIL)
        if MEM_DUMP_DIR:
            dump_smaps(pid, MEM_DUMP_DIR)
        settled = memory_kb(pid) + (LAST_USS[0],)
        return opened, opened_breakdown, settled, dict(LAST_BREAKDOWN)
    finally:
        wd("DELETE", f"/session/{session}")


def large_request_memory_retried(driver_pid, tries=3):
    """large_request_memory, started again (new session) when WebKitWebDriver drops the
    connection: seen now and then on a session made soon after the previous one ended,
    whatever the app does. Says so on stderr; a run is never half-measured."""
    for attempt in range(1, tries + 1):
        try:
            return large_request_memory(driver_pid)
        except (ConnectionError, http.client.HTTPException, urllib.error.URLError) as e:
            print(f"bench: WebDriver connection lost ({e!r}), attempt {attempt} of {tries}",
                  file=sys.stderr)
            time.sleep(2.0)
    raise SystemExit(f"WebDriver kept dropping the connection ({tries} attempts)")


# Processes that map the same big libraries as the app's tree (WebKitGTK, Mesa's libLLVM:
# an X server with GLX loads it too). Each one running outside the measured tree lowers
# the tree's PSS (shared pages are split among every process mapping them).
SHARERS = ("WebKitWebProces", "WebKitNetworkPr", "WebKitGPUProces", "mla-desk", "Xvfb", "Xorg")


def sharers_line():
    """Names the processes outside this bench that share libraries with what it measures."""
    own = set()
    for var in ("TAURI_DRIVER_PID", "BENCH_XVFB_PID"):
        if os.environ.get(var, "").isdigit():
            own.update(tree(int(os.environ[var])))
    others = sorted(f"{comm(p)} ({p})" for p in children_map_all() if p not in own and comm(p) in SHARERS)
    if not others:
        return "no other WebKit process or X server is running"
    return ("other processes share WebKit's or Mesa's libraries, so PSS reads lower than on a "
            "quiet machine: " + ", ".join(others))


def children_map_all():
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def load_line():
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} CPUs)"


def main():
    # Timings depend on what else runs, and PSS on which other processes share the
    # libraries: say what the machine was doing.
    print(f"bench: {load_line()}")
    print(f"bench: {sharers_line()}")
    times, pss_list, rss_list = [], [], []
    names = []
    list_breakdowns = []
    startup_once()  # warm the file cache; not counted
    for _ in range(RUNS):
        ms, pss, rss, names = startup_once()
        times.append(ms)
        pss_list.append(pss)
        rss_list.append(rss)
        list_breakdowns.append(dict(LAST_BREAKDOWN))
    print(f"start-up to first screen, {RUNS} runs (ms): {', '.join(f'{t:.0f}' for t in times)}")
    print(f"  median {statistics.median(times):.0f} ms, min {min(times):.0f}, max {max(times):.0f} "
          f"(target < 1500 ms)")
    print(f"memory on the register list (process tree: {', '.join(sorted(set(names)))}):")
    print(f"  median PSS {statistics.median(pss_list) / 1024:.0f} MB, RSS {statistics.median(rss_list) / 1024:.0f} MB")
    print(f"  per process (MB, medians): {breakdown_line(list_breakdowns)}")

    driver_pid = int(os.environ.get("TAURI_DRIVER_PID", "0"))
    if driver_pid:
        runs = [large_request_memory_retried(driver_pid) for _ in range(MEM_RUNS)]
        for label, index in (("3 s after opening", 0), (f"left open {SETTLE:.0f} s", 2)):
            pss_l = [r[index][0] for r in runs]
            rss_l = [r[index][1] for r in runs]
            uss_l = [r[index][3] for r in runs]
            r_names = runs[-1][index][2]
            print(f"memory with the LARGE request open in the editor, {label}, {MEM_RUNS} runs "
                  f"(process tree: {', '.join(sorted(set(r_names)))}):")
            print(f"  PSS (MB): {', '.join(f'{p / 1024:.0f}' for p in pss_l)}; "
                  f"median PSS {statistics.median(pss_l) / 1024:.0f} MB, "
                  f"median RSS {statistics.median(rss_l) / 1024:.0f} MB, "
                  f"median USS {statistics.median(uss_l) / 1024:.0f} MB (target < 200 MB)")
            print(f"  per process (MB, medians): {breakdown_line([r[index + 1] for r in runs])}")
        print(f"bench: {load_line()} at the end")
        print(f"bench: {sharers_line()}")
        if MEM_DETAIL:
            print("  largest mappings of the last run (MB, PSS/RSS):")
            print("\n".join(LAST_DETAIL))


if __name__ == "__main__":
    main()
