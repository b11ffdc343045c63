import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";
import { el } from "./dom";
import { t } from "./i18n";

describe("dom", () => {
  it("puts user text in as text, never as markup", () => {
    const typed = `<img src=x onerror="globalThis.pwned=1"><b>bold</b>`;
    const node = el("p", {}, "Ref: ", typed);
    expect(node.textContent).toBe(`Ref: ${typed}`);
    expect(node.querySelector("img, b")).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it("sets attributes as plain values", () => {
    const node = el("input", { attrs: { id: "x", value: `"><script>` } });
    expect(node.getAttribute("value")).toBe(`"><script>`);
    expect(node.parentElement).toBeNull();
  });

  it("fills message placeholders with text", () => {
    expect(t("list.emptySearch", { query: "<i>x</i>" })).toBe("No draft matches “<i>x</i>”.");
  });
});

describe("the lint rule against HTML sinks", () => {
  // Proves the ESLint configuration really rejects markup sinks (so `npm run lint`
  // staying clean means something).
  it("rejects innerHTML, insertAdjacentHTML and document.write", async () => {
    const eslint = new ESLint(); // vitest runs in ui/, where eslint.config.js is
    const [result] = await eslint.lintText(
      [
        "const typed = String(Date.now());",
        "document.body.innerHTML = typed;",
        "document.body.insertAdjacentHTML('beforeend', typed);",
        "document.write(typed);",
        "document.body.outerHTML = typed;",
        "",
      ].join("\n"),
      { filePath: "src/example.ts" },
    );
    const banned = result!.messages.filter((m) => m.ruleId === "no-restricted-properties");
    expect(banned.map((m) => m.line)).toEqual([2, 3, 4, 5]);
  }, 30_000); // ESLint loads its plugins first: seconds on a busy machine
});

describe("the lint rule against long functions", () => {
  it("rejects a function over 150 lines in the app's code, not in its tests", async () => {
    const eslint = new ESLint();
    const long = ["export function long(): number {", "  let n = 0;", ...Array.from({ length: 149 }, () => "  n++;"), "  return n;", "}", ""].join("\n");
    const [app] = await eslint.lintText(long, { filePath: "src/example.ts" });
    expect(app!.messages.map((m) => m.ruleId)).toEqual(["max-lines-per-function"]);
    const [test] = await eslint.lintText(long, { filePath: "src/example.test.ts" });
    expect(test!.messages).toEqual([]);
  }, 30_000);
});
