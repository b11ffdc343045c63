#!/usr/bin/env python3
"""Which functions and constants of the app's binary a session touches, in the order the
release build should lay them out (run by scripts/code-order.sh through
scripts/bench-startup.sh with CODE_ORDER=FILE; needs root). Also `check BIN LIST`: how
much of LIST a binary has, and whether it is laid out in that order (the bench prints it).

Why: the kernel maps a program's code 64 KB around each page it executes ("fault-around"),
so code run at start-up, scattered over the whole `.text`, makes most of it resident. Laid
out together (lld's --symbol-ordering-file, see src-tauri/build.rs) it fills a few
windows instead.

How: the binary is evicted from the page cache and the disk's read-ahead set to 0 for the
session, so that a page is read, and mapped, only when it is used (fault-around maps only
pages already cached). A WebDriver session then does what a user does: the register list,
the large request opened, every step of the wizard, a few keys typed; after each phase the
binary's read-only pages present in /proc/PID/pagemap are read. Each symbol (from `nm`)
lying on a touched page is written out, phase by phase (start-up first), in address
order within a phase. Recorded on a build whose functions each start a page
(scripts/code-order.sh), a touched page means that function ran; the names written are
those of CODE_ORDER_FOR, the normal build.

    code_order.py BIN REGISTER DRAFT_ID OUT
    code_order.py check BIN LIST
"""
import os
import re
import subprocess
import sys
import time


PAGE = os.sysconf("SC_PAGE_SIZE")


def evict(path):
    """Drops the file's pages from the page cache (they are clean: nothing maps it now)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def read_ahead_file(path):
    """/sys/block/DEV/queue/read_ahead_kb of the disk holding `path`."""
    dev = os.stat(path).st_dev
    sysdev = f"/sys/dev/block/{os.major(dev)}:{os.minor(dev)}"
    real = os.path.realpath(sysdev)
    for candidate in (real, os.path.dirname(real)):  # a partition's parent holds the queue
        f = os.path.join(candidate, "queue", "read_ahead_kb")
        if os.path.exists(f):
            return f
    raise SystemExit(f"no read_ahead_kb for the disk of {path} ({real})")


def touched_offsets(pid, binary):
    """File offsets (page-aligned) of the binary's read-only pages (code, constants)
    present in `pid`."""
    real = os.path.realpath(binary)
    out = set()
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for line in maps:
            fields = line.split(maxsplit=5)
            if len(fields) < 6 or "w" in fields[1] or fields[5].strip() != real:
                continue
            start, end = (int(x, 16) for x in fields[0].split("-"))
            offset = int(fields[2], 16)
            pagemap.seek(start // PAGE * 8)
            data = pagemap.read((end - start) // PAGE * 8)
            for i in range(len(data) // 8):
                entry = int.from_bytes(data[i * 8:i * 8 + 8], "little")
                if entry >> 63:
                    out.add(offset + i * PAGE)
    return out


def load_segments(binary):
    """(file offset, virtual address, file size) of each PT_LOAD segment."""
    text = subprocess.run(["readelf", "-lW", binary], check=True, capture_output=True, text=True).stdout
    segs = []
    for line in text.splitlines():
        f = line.split()
        if f and f[0] == "LOAD":
            segs.append((int(f[1], 16), int(f[2], 16), int(f[4], 16)))
    return segs


def symbols(binary):
    """(address, size, name, key) of every defined function and read-only datum with a
    size, by address. `key` is the name without LLVM's `.llvm.N` suffix (given to local
    symbols made global by ThinLTO): the same in another build of the same code."""
    text = subprocess.run(["nm", "-S", "--defined-only", binary], check=True,
                          capture_output=True, text=True).stdout
    out = []
    for line in text.splitlines():
        f = line.split()
        if len(f) == 4 and f[2] in "tTwWrR":
            size = int(f[1], 16)
            if size:
                out.append((int(f[0], 16), size, f[3], re.sub(r"\.llvm\.\d+$", "", f[3])))
    out.sort()
    return out


def pages_to_vaddrs(offsets, segs):
    out = set()
    for o in offsets:
        for off, vaddr, size in segs:
            if off <= o < off + size:
                out.add(vaddr + (o - off))
    return out


def main():
    sys.argv, out = sys.argv[:4], sys.argv[4]
    import startup  # shares BIN, REGISTER, DRAFT_ID and the WebDriver helpers
    binary = startup.BIN
    ra_file = read_ahead_file(binary)
    with open(ra_file) as f:
        ra_saved = f.read().strip()
    phases = []
    driver_pid = int(os.environ["TAURI_DRIVER_PID"])
    evict(binary)
    with open(ra_file, "w") as f:
        f.write("0")
    try:
        before = set(startup.tree(driver_pid))
        caps = {"capabilities": {"alwaysMatch": {"tauri:options": {
            "application": binary, "args": ["--register", startup.REGISTER]}}}}
        session = startup.wd("POST", "/session", caps)["value"]["sessionId"]
        try:
            wd, find = startup.wd, startup.find
            button = find(session, f'#drafts tr[data-id="{startup.DRAFT_ID}"] button.open')
            time.sleep(2.0)
            pid = startup.app_pid(driver_pid, before)
            phases.append(("start-up, register list", touched_offsets(pid, binary)))
            wd("POST", f"/session/{session}/element/{button}/click", {})
            field = find(session, "#f-reference")
            time.sleep(3.0)
            phases.append(("large request opened", touched_offsets(pid, binary)))
            wd("POST", f"/session/{session}/element/{field}/value", {"text": " x"})
            for step in range(2, 9):
                link = find(session, f"#step-{step}")
                wd("POST", f"/session/{session}/element/{link}/click", {})
                time.sleep(1.5)
            time.sleep(3.0)
            phases.append(("steps 2-8 visited, keys typed", touched_offsets(pid, binary)))
        finally:
            wd("DELETE", f"/session/{session}")
    finally:
        with open(ra_file, "w") as f:
            f.write(ra_saved)

    if os.environ.get("CODE_ORDER_PAGES"):  # the raw record, for a closer look
        import json
        with open(os.environ["CODE_ORDER_PAGES"], "w") as f:
            json.dump({label: sorted(o) for label, o in phases}, f)
    write_order(binary, phases, out, os.environ.get("CODE_ORDER_FOR", binary))


def write_order(binary, phases, out, target):
    """Writes to `out` the names, in `target`, of the symbols of `binary` lying on the
    touched pages of each phase: phase by phase, in address order within a phase."""
    segs = load_segments(binary)
    syms = symbols(binary)
    # The list is written for FOR (default: the binary measured), matched by key: record
    # on a diagnostic build whose functions each start a page of their own
    # (-C llvm-args=-align-all-functions=12), so that a present page means that function
    # ran, and write the names of the normal build.
    target_syms = symbols(target) if target != binary else syms
    exact = {name for _, _, name, _ in target_syms}
    order_set = set()
    by_key = {}
    for _, _, name, key in target_syms:
        by_key.setdefault(key, []).append(name)
    seen, order, unmatched = set(), [], 0
    for label, offsets in phases:
        pages = {v // PAGE for v in pages_to_vaddrs(offsets, segs)}
        new = 0
        for addr, size, name, key in syms:
            first, last = addr // PAGE, (addr + size - 1) // PAGE
            if name in seen or not any(p in pages for p in range(first, last + 1)):
                continue
            seen.add(name)
            # The same name there, else every copy with the same name but its suffix.
            matches = [name] if name in exact else by_key.get(key, [])
            unmatched += not matches
            for m in matches:
                if m not in order_set:
                    order_set.add(m)
                    order.append(m)
                    new += 1
        print(f"code-order: {label}: {len(offsets)} pages of code and read-only data present "
              f"({len(offsets) * PAGE / 1048576:.1f} MB), {new} more symbols")
    with open(out, "w") as f:
        f.write("\n".join(order) + "\n")
    print(f"code-order: {len(order)} symbols written to {out} for {target}"
          + (f" ({unmatched} touched symbols have no match there)" if unmatched else ""))


def check(binary, listing):
    """Says how much of `listing` is in `binary` and whether the listed functions open its
    code, in list order (what src-tauri/build.rs asks the linker for)."""
    with open(listing) as f:
        names = f.read().split()
    text = subprocess.run(["nm", "-S", "--defined-only", binary], check=True,
                          capture_output=True, text=True).stdout
    funcs = {}
    for line in text.splitlines():
        f = line.split()
        if len(f) == 4 and f[2] in "tTwW":
            funcs[f[3]] = (int(f[0], 16), int(f[1], 16))
    listed = [funcs[n] for n in names if n in funcs]
    present = len([n for n in names if n in funcs])
    if not listed:
        print(f"code layout: none of the {len(names)} functions of {listing} is in the binary")
        return
    start = min(a for a, _ in funcs.values())
    span = sum(size for _, size in listed)
    ordered = sum(x[0] < y[0] for x, y in zip(listed, listed[1:])) >= 0.9 * (len(listed) - 1)
    first = sum(a < start + span + (1 << 20) for a, _ in listed) >= 0.9 * len(listed)
    print(f"code layout: {present} functions of {os.path.basename(listing)} "
          f"({len(names) - present} other listed symbols are constants or absent) are in the "
          f"binary: " + ("laid out first, in list order" if ordered and first
                          else "NOT laid out by the list (another linker, or MLA_DESK_CODE_ORDER=0)"))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3])
    else:
        main()
