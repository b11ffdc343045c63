// The letter preview: the HTML the templates produced (autoescaped by Tera) is parsed
// with DOMParser — which never runs scripts — and copied into the page element by
// element through an allow-list: known tags, and only `class`, `dir`, `lang` attributes.
// Anything else (a script, an event handler, a link, an image, inline style) is dropped,
// so the strict CSP stays as it is and nothing in a preview can execute or load.

const ALLOWED_TAGS = new Set([
  "article", "section", "header", "footer", "div", "span", "p", "br", "h1", "h2", "h3", "h4",
  "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "strong", "em", "b", "i",
  "small", "blockquote", "dl", "dt", "dd", "hr",
]);
const ALLOWED_ATTRS = new Set(["class", "dir", "lang"]);
const DROP_WITH_CONTENT = new Set(["script", "style", "template", "iframe", "object", "embed", "noscript", "title", "head"]);

/** A safe copy of `html`'s body as a fragment of the current document. */
export function safeFragment(html: string, doc: Document = document): DocumentFragment {
  // The one exception to the no-markup rule: DOMParser builds an inert document (no
  // script runs, nothing loads), and only the allow-listed copy below reaches the page.
  // eslint-disable-next-line no-restricted-properties
  const parsed = new DOMParser().parseFromString(html, "text/html");
  const out = doc.createDocumentFragment();
  copyChildren(parsed.body, out, doc);
  return out;
}

function copyChildren(from: Node, to: Node, doc: Document): void {
  for (const child of Array.from(from.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      to.appendChild(doc.createTextNode(child.textContent ?? ""));
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const elem = child as Element;
      const tag = elem.tagName.toLowerCase();
      if (DROP_WITH_CONTENT.has(tag)) continue;
      if (!ALLOWED_TAGS.has(tag)) {
        // Unknown wrapper: keep its text and allowed children, not the element.
        copyChildren(elem, to, doc);
        continue;
      }
      const copy = doc.createElement(tag);
      for (const attr of Array.from(elem.attributes)) {
        if (ALLOWED_ATTRS.has(attr.name.toLowerCase())) copy.setAttribute(attr.name, attr.value);
      }
      copyChildren(elem, copy, doc);
      to.appendChild(copy);
    }
  }
}
