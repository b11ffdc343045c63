import "./style.css";
import { call } from "./api";
import { App } from "./app";

const root = document.getElementById("app");
if (root) {
  void new App(root).start().then(() =>
    // After the first screen is painted: lets scripts/bench-startup.sh time start-up (the
    // app prints a line only when MLA_DESK_REPORT_READY is set).
    requestAnimationFrame(() => void call("ui_ready", null).catch(() => undefined)),
  );
}
