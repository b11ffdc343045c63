#!/usr/bin/env python3
"""Ask an X11 window to close, as a window manager's close button does.

Sends WM_PROTOCOLS / WM_DELETE_WINDOW to every top-level window whose title is exactly
the first argument, on $DISPLAY. Exits 1 when no such window exists. Uses only libX11
through ctypes (no python-xlib, no xdotool), so the end-to-end tests need nothing more.

    python3 tests/tools/wm_close.py "MLA Desk"
"""
import ctypes
import ctypes.util
import os
import sys
import time

x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")

Window = ctypes.c_ulong
Atom = ctypes.c_ulong


class XClientMessageEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", Window),
        ("message_type", Atom),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class XEvent(ctypes.Union):
    _fields_ = [("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]


x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XDefaultRootWindow.restype = Window
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XInternAtom.restype = Atom
x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x11.XQueryTree.argtypes = [
    ctypes.c_void_p, Window, ctypes.POINTER(Window), ctypes.POINTER(Window),
    ctypes.POINTER(ctypes.POINTER(Window)), ctypes.POINTER(ctypes.c_uint),
]
x11.XFetchName.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(ctypes.c_char_p)]
x11.XSendEvent.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_long, ctypes.POINTER(XEvent)]
x11.XFlush.argtypes = [ctypes.c_void_p]
x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
x11.XFree.argtypes = [ctypes.c_void_p]

CLIENT_MESSAGE = 33


def main() -> int:
    title = sys.argv[1].encode()
    # A busy X server can refuse a connection for a moment: try for two seconds.
    for _ in range(20):
        dpy = x11.XOpenDisplay(None)
        if dpy:
            break
        time.sleep(0.1)
    else:
        print(f"wm_close: cannot open the X display {os.environ.get('DISPLAY')!r}", file=sys.stderr)
        return 2
    root = x11.XDefaultRootWindow(dpy)
    root_ret, parent_ret = Window(), Window()
    children = ctypes.POINTER(Window)()
    count = ctypes.c_uint()
    x11.XQueryTree(dpy, root, ctypes.byref(root_ret), ctypes.byref(parent_ret),
                   ctypes.byref(children), ctypes.byref(count))
    protocols = x11.XInternAtom(dpy, b"WM_PROTOCOLS", 0)
    delete = x11.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
    sent = 0
    for i in range(count.value):
        w = children[i]
        name = ctypes.c_char_p()
        if x11.XFetchName(dpy, w, ctypes.byref(name)) and name.value == title:
            ev = XEvent()
            ev.xclient.type = CLIENT_MESSAGE
            ev.xclient.window = w
            ev.xclient.message_type = protocols
            ev.xclient.format = 32
            ev.xclient.data[0] = delete
            ev.xclient.data[1] = 0  # CurrentTime
            x11.XSendEvent(dpy, w, 0, 0, ctypes.byref(ev))
            sent += 1
    if children:
        x11.XFree(children)
    x11.XFlush(dpy)
    x11.XCloseDisplay(dpy)
    if sent == 0:
        print(f"wm_close: no window titled {sys.argv[1]!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
