#!/usr/bin/python3
"""What WebKitGTK's own processes take for a page that does nothing: the floor under the
app's memory figures (run by scripts/bench-startup.sh when python3-gi and WebKit2 4.1's
introspection data are installed; needs DISPLAY).

A tiny GTK window with one WebKitWebView, in the environment the app sets for itself
(src-tauri/src/webview.rs: no compositing, no GL probes, no JIT), loads a page of one
paragraph and one line of script. After SETTLE seconds the web and network processes are
measured as bench/startup.py measures the app's (PSS, RSS, USS from smaps_rollup); the
window's own process is python, not comparable with the app's, and is left out.

    /usr/bin/python3 scripts/bench/webkit_floor.py [RUNS]
"""
import os
import statistics
import subprocess
import sys
import time

# Same values, same rule as src-tauri/src/webview.rs (a value already set is kept).
APP_ENVIRONMENT = [
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
    ("GDK_GL", "disable"),
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    ("WEBKIT_WEB_RENDER_DEVICE_FILE", "/dev/null"),
    ("JSC_useJIT", "0"),
]
PAGE = "<!doctype html><html><body><p>MLA Desk</p><script>document.title = 'x';</script></body></html>"
SETTLE = float(os.environ.get("FLOOR_SETTLE", "6"))


def window():
    for name, value in APP_ENVIRONMENT:
        os.environ.setdefault(name, value)
    import gi
    gi.require_version("Gtk", "3.0")
    gi.require_version("WebKit2", "4.1")
    from gi.repository import GLib, Gtk, WebKit2
    win = Gtk.Window()
    win.set_default_size(1200, 820)  # the app's window (src-tauri/tauri.conf.json)
    view = WebKit2.WebView()
    win.add(view)
    win.show_all()
    view.load_html(PAGE, "about:blank")
    GLib.timeout_add_seconds(120, Gtk.main_quit)  # never outlives a broken parent
    Gtk.main()


def children(pid):
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if ppid == pid:
                out.append(int(entry))
    return out


def measure(pid):
    """{process name: (PSS, RSS, USS) in kB} for the WebKit processes under `pid`."""
    result = {}
    for child in children(pid):
        with open(f"/proc/{child}/comm") as f:
            name = f.read().strip()
        pss = rss = uss = 0
        with open(f"/proc/{child}/smaps_rollup") as f:
            for line in f:
                key, value = line.split()[0], line.split()[1]
                if key == "Pss:":
                    pss += int(value)
                elif key == "Rss:":
                    rss += int(value)
                elif key in ("Private_Clean:", "Private_Dirty:"):
                    uss += int(value)
        result[name] = (pss, rss, uss)
    return result


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    samples = []
    for _ in range(runs):
        child = subprocess.Popen([sys.executable, __file__, "--window"])
        try:
            time.sleep(SETTLE)
            sample = measure(child.pid)
        finally:
            child.terminate()
            child.wait(timeout=30)
        if not any(n.startswith("WebKitWebProces") for n in sample):
            raise SystemExit("webkit floor: no WebKit web process appeared")
        samples.append(sample)
        time.sleep(1.0)
    names = sorted({n for s in samples for n in s})
    parts = []
    for n in names:
        pss = statistics.median(s[n][0] for s in samples if n in s) / 1024
        rss = statistics.median(s[n][1] for s in samples if n in s) / 1024
        uss = statistics.median(s[n][2] for s in samples if n in s) / 1024
        parts.append(f"{n} PSS {pss:.0f} / RSS {rss:.0f} / USS {uss:.0f}")
    total = statistics.median(sum(v[0] for v in s.values()) for s in samples) / 1024
    print(f"WebKitGTK floor (a page of one paragraph and one line of script, same environment, "
          f"{runs} runs, medians, MB): web + network processes PSS {total:.0f}; " + "; ".join(parts))


if __name__ == "__main__":
    if sys.argv[1:] == ["--window"]:
        window()
    else:
        main()
