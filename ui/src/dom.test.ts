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
  });
});
