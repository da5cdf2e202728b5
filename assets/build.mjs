// Builds the static files from the npm packages: one CSS file with the NL Design System
// components we use plus the Utrecht design tokens and our own styles, and htmx.
// Run by `make assets`; the output (src/burgeridee/static/dist/) is not committed.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, "src/burgeridee/static/dist");

const components = [
  "root", "document", "page-layout", "page-header", "page-body", "page-content", "page-footer", "skip-link",
  "heading-1", "heading-2", "heading-3", "heading-4", "paragraph", "link", "link-list", "button", "button-link",
  "unordered-list", "ordered-list", "alert", "form-field", "form-fieldset", "form-label",
  "form-field-description", "form-field-error-message", "textbox", "textarea", "select", "checkbox",
  "radio-button", "data-list", "table", "status-badge", "separator", "pagination", "nav-bar", "nav-list",
  "badge-counter", "emphasis", "code", "surface",
];

const parts = [readFileSync(require.resolve("@utrecht/design-tokens/dist/theme.css"), "utf8")];
for (const name of components) {
  parts.push(`/* @utrecht/${name}-css */\n` + readFileSync(require.resolve(`@utrecht/${name}-css/dist/index.css`), "utf8"));
}
parts.push(readFileSync(join(root, "assets/css/burgeridee.css"), "utf8"));

mkdirSync(out, { recursive: true });
writeFileSync(join(out, "burgeridee.css"), parts.join("\n"));
copyFileSync(require.resolve("htmx.org/dist/htmx.min.js"), join(out, "htmx.min.js"));
copyFileSync(join(root, "assets/js/burgeridee.js"), join(out, "burgeridee.js"));
console.log(`assets built in ${out}`);
