//! How the app's webview is set up on Linux (WebKitGTK).
//!
//! MLA Desk is one local page of forms. WebKitGTK's compositing mode (GL layers, composited
//! frames) buys it nothing and, without a GPU (software GL: an office PC's virtual
//! machine, a CI display), costs a lot: measured with a large request, keystroke → painted
//! checklist went from a median of ~70 ms to ~17 ms, and the web process from ~230 MB to
//! ~115 MB (PSS), when compositing is off (see ARCHITECTURE.md, "Speed").
//!
//! It is turned off through WebKit's own environment variable, set before GTK and the
//! webview exist, so that the web process starts in that mode (switching the webview's
//! hardware-acceleration policy once the page loads re-creates its drawing area, and
//! could leave a WebDriver session waiting). A value already in the environment is kept:
//! `WEBKIT_DISABLE_COMPOSITING_MODE=0` runs the app with compositing, e.g. to compare.

/// WebKitGTK's switch for its compositing mode.
pub const DISABLE_COMPOSITING_ENV: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Call first thing in `main`, before any thread or GTK exists (it sets an environment
/// variable of this process, read by WebKitGTK when it creates the webview).
pub fn prepare_environment() {
    if cfg!(target_os = "linux") && std::env::var_os(DISABLE_COMPOSITING_ENV).is_none() {
        std::env::set_var(DISABLE_COMPOSITING_ENV, "1");
    }
}
