import { defineConfig, type Plugin } from "vite";

// The bundle is loaded as one classic script, not as an ES module: the page has a single
// script and no imports, and WebKit's module loader costs the web process ~1.5 MB
// (measured with scripts/bench/webkit_floor.py). `defer` keeps a module's timing (run
// once the document is parsed); the IIFE output keeps the bundle's top level private.
const classicScript: Plugin = {
  name: "mla-classic-script",
  enforce: "post",
  apply: "build",
  transformIndexHtml(html) {
    const out = html.replace(
      /<script type="module" crossorigin src="([^"]+)"><\/script>/,
      '<script defer src="$1"></script>',
    );
    if (out.includes('type="module"')) {
      throw new Error("mla-classic-script: index.html still loads a module script:\n" + out);
    }
    return out;
  },
};

// The app loads the built files from tauri://localhost; no dev server is needed at run time.
export default defineConfig({
  clearScreen: false,
  plugins: [classicScript],
  // The example requests are read by the coverage test (src/wizard/coverage.test.ts).
  server: { port: 5173, strictPort: true, fs: { allow: [".", "../assets/examples"] } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // No inline <script>/<style>: the CSP allows 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: { output: { format: "iife" } },
    // One stylesheet file linked from index.html (an IIFE bundle would otherwise insert
    // the CSS as a <style> element, which the CSP forbids).
    cssCodeSplit: false,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
});
