//! How the app's webview is set up on Linux (WebKitGTK).
//!
//! MLA Desk is one local page of forms. WebKitGTK's compositing mode (GL layers, composited
//! frames) buys it nothing and, without a GPU (software GL: an office PC's virtual
//! machine, a CI display), costs a lot: measured with a large request, keystroke → painted
//! checklist went from a median of ~70 ms to ~17 ms, and the web process from ~230 MB to
//! ~115 MB (PSS), when compositing is off (see ARCHITECTURE.md, "Speed").
//!
//! Once compositing is off, the app process (GTK and the WebKit UI side) never draws with
//! GL, yet it still loaded Mesa's GL driver (and with it libLLVM, ~45 MB resident) three
//! ways: GTK probes GLX when it opens the X display (to pick GL-capable visuals), WebKit's
//! DMA-BUF renderer opens an EGL display to learn the buffer formats, and WebKit opens an
//! EGL display to find the GPU's DRM device for the web process. Each is switched off by
//! WebKitGTK's or GTK's own environment variable (measured, release build, large request
//! open: the process tree went from ~236 to ~218 MB PSS and ~420 to ~366 MB RSS; the app
//! process alone from ~96 to ~73 MB PSS; the page paints the same). The web process still
//! loads the GL driver: WebKitGTK 2.50 creates its EGL display whatever the settings
//! (tried: hardware-acceleration policy "never" before the first load, WebGL and
//! canvas acceleration off, Skia CPU rendering).
//!
//! The variables are set before GTK and the webview exist, so that every process starts in
//! that mode (switching the webview's hardware-acceleration policy once the page loads
//! re-creates its drawing area, and could leave a WebDriver session waiting). A value
//! already in the environment is kept: `WEBKIT_DISABLE_COMPOSITING_MODE=0` runs the app
//! with compositing, e.g. to compare.

/// WebKitGTK's switch for its compositing mode.
pub const DISABLE_COMPOSITING_ENV: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// What the app sets (unless already set), in this order, and why.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    // No compositing: layers are not drawn with GL, frames are painted in software.
    (DISABLE_COMPOSITING_ENV, "1"),
    // GTK 3 does not probe GLX when it opens the display (no GL widget is ever used).
    ("GDK_GL", "disable"),
    // WebKit's DMA-BUF renderer (GPU buffers shared between processes) is only used in
    // compositing mode; without it the app process opens no EGL display to query it.
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    // The DRM device WebKit gives the web process for GPU buffers. Unset, WebKit opens an
    // EGL display in the app process to find it; no GPU buffer is made without
    // compositing and the DMA-BUF renderer, so naming a device that is not one
    // (drmGetDevices never lists /dev/null) only skips that probe.
    ("WEBKIT_WEB_RENDER_DEVICE_FILE", "/dev/null"),
    // JavaScriptCore runs the page's script in its interpreter, without JIT compilers:
    // the web process is ~7 MB (PSS) smaller with the large request open (116 -> 109 MB),
    // and the page's work per keystroke is mostly native (JSON, structured clone, DOM).
    // The e2e latency test (large request, release build, load ~1.6, two runs each):
    // keys typed every 40 ms, median 21-22 -> 21-23 ms, p95 33 -> 34-36 ms; with a burst
    // of keys the p95 goes from 45-51 to 62-63 ms. `JSC_useJIT=1` turns the JIT back on.
    ("JSC_useJIT", "0"),
];

/// Call first thing in `main`, before any thread or GTK exists (it sets environment
/// variables of this process, read by GTK and WebKitGTK, and inherited by WebKit's
/// processes).
pub fn prepare_environment() {
    if cfg!(target_os = "linux") {
        for (name, value) in ENVIRONMENT {
            if std::env::var_os(name).is_none() {
                std::env::set_var(name, value);
            }
        }
    }
}

/// WebKit's cache model for a page that is its own application: WebKitGTK sizes its
/// in-memory caches (decoded resources, pages kept for going back, fonts) for web browsing
/// unless told otherwise. MLA Desk is one local page that never navigates, whose files are
/// in the binary: "document viewer" is WebKitGTK's model for exactly that ("useful for
/// applications that only access a single local file").
#[cfg(target_os = "linux")]
pub fn configure(app: &tauri::App) {
    use tauri::Manager;
    use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
    for window in app.webview_windows().values() {
        let set = window.with_webview(|webview| {
            if let Some(context) = webview.inner().context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        });
        if let Err(e) = set {
            eprintln!("mla-desk: could not set the webview's cache model: {e}");
        }
    }
}
