// ESLint (flat config). Besides the recommended rules, markup sinks are banned: text typed
// by the user must never be parsed as HTML. Build DOM with src/dom.ts (textContent only).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const htmlSinkMessage =
  "Never build markup from strings: use el()/textContent from src/dom.ts so user text stays text.";

export const noHtmlSinks = {
  "no-restricted-properties": [
    "error",
    { property: "innerHTML", message: htmlSinkMessage },
    { property: "outerHTML", message: htmlSinkMessage },
    { property: "insertAdjacentHTML", message: htmlSinkMessage },
    { object: "document", property: "write", message: htmlSinkMessage },
    { object: "document", property: "writeln", message: htmlSinkMessage },
    { property: "createContextualFragment", message: htmlSinkMessage },
    { property: "parseFromString", message: htmlSinkMessage },
  ],
  "no-restricted-syntax": [
    "error",
    {
      selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value=/^on/i]",
      message: "No inline event handler attributes: use addEventListener.",
    },
  ],
  "no-eval": "error",
  "no-implied-eval": "error",
  "no-new-func": "error",
};

export default tseslint.config(
  { ignores: ["dist/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...noHtmlSinks,
      eqeqeq: "error",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // No long function: a view is a component (src/component.ts) made of small pieces.
    files: ["src/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: { "max-lines-per-function": ["error", { max: 150 }] },
  },
  {
    files: ["*.config.*"],
    languageOptions: { globals: { ...globals.node } },
  },
);
