import { describe, expect, it } from "vitest";
import { safeFragment } from "./preview";

describe("the letter preview copy", () => {
  it("keeps the letter's structure and text, and drops anything that could run or load", () => {
    const html = `<!DOCTYPE html><html><head><title>t</title><style>body{}</style></head><body>
      <header class="letterhead"><p>Ministry</p></header>
      <h1 onclick="alert(1)">Request</h1>
      <p class="num" style="color:red">Facts &lt;script&gt;alert(2)&lt;/script&gt;</p>
      <script>window.pwned = 1</script>
      <img src="x" onerror="window.pwned = 2">
      <a href="https://example.org">link text</a>
      <table><tbody><tr><th>k</th><td>v</td></tr></tbody></table>
    </body></html>`;
    const box = document.createElement("div");
    box.append(safeFragment(html));
    expect(box.querySelector("header.letterhead p")?.textContent).toBe("Ministry");
    expect(box.querySelector("h1")?.getAttribute("onclick")).toBeNull();
    expect(box.querySelector("p.num")?.getAttribute("style")).toBeNull();
    expect(box.querySelector("p.num")?.textContent).toBe("Facts <script>alert(2)</script>");
    expect(box.querySelector("script, style, img, a, title")).toBeNull();
    expect(box.textContent).toContain("link text");
    expect(box.querySelector("td")?.textContent).toBe("v");
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});
