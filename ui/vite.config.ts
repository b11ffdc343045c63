import { defineConfig } from "vite";

// The app loads the built files from tauri://localhost; no dev server is needed at run time.
export default defineConfig({
  clearScreen: false,
  // The example requests are read by the coverage test (src/wizard/coverage.test.ts).
  server: { port: 5173, strictPort: true, fs: { allow: [".", "../assets/examples"] } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // No inline <script>/<style>: the CSP allows 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
});
