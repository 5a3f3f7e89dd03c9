/** The HTML report's inline style and script: no file, font or request outside the report. */

export const HTML_STYLE = `
:root { color-scheme: light dark; --mark: #fff3b0; --mark-dark: #5a4b00; --line: #8888; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 110rem; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
.summary { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 .75rem; }
.summary dt { font-weight: 600; }
.summary dd { margin: 0; }
.provenance { color: GrayText; font-size: .85rem; }
.errors { border: 2px solid #c00; padding: .25rem 1rem; margin: .5rem 0; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; position: sticky; top: 0; background: Canvas; padding: .5rem 0; border-bottom: 1px solid var(--line); z-index: 1; }
details.reference { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0; padding: 0 .75rem; }
details.reference > summary { cursor: pointer; padding: .5rem 0; }
details.reference > summary:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
.license { font-weight: 600; }
.blocked { color: #fff; background: #b00; border-radius: 3px; padding: 0 .35rem; font-size: .85rem; }
.reason { color: #b00; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; }
@media (max-width: 60rem) { .sides { grid-template-columns: 1fr; } }
figure { margin: 0 0 .75rem; min-width: 0; }
figcaption { font-size: .85rem; color: GrayText; margin-bottom: .25rem; }
pre { margin: 0; overflow: auto; border: 1px solid var(--line); border-radius: 4px; font-size: 13px; line-height: 1.35; }
.line { display: block; white-space: pre; padding-right: .5rem; }
.line .n { display: inline-block; width: 4.5ch; margin-right: 1ch; text-align: right; color: GrayText; user-select: none; }
.line.match { background: var(--mark); }
.line .cut { color: GrayText; font-style: italic; user-select: none; }
@media (prefers-color-scheme: dark) { .line.match { background: var(--mark-dark); } }
.missing { font-style: italic; }
`;

export const HTML_SCRIPT = `
(() => {
  const entries = Array.from(document.querySelectorAll("details.reference"));
  const license = document.getElementById("license-filter");
  const source = document.getElementById("source-filter");
  const shown = document.getElementById("shown-count");
  const apply = () => {
    let count = 0;
    for (const entry of entries) {
      const visible = (!license.value || entry.dataset.license === license.value) && (!source.value || entry.dataset.source === source.value);
      entry.hidden = !visible;
      if (visible) count++;
    }
    shown.textContent = count + " of " + entries.length + " shown";
  };
  license.addEventListener("change", apply);
  source.addEventListener("change", apply);
  document.getElementById("expand-all").addEventListener("click", () => { for (const e of entries) if (!e.hidden) e.open = true; });
  document.getElementById("collapse-all").addEventListener("click", () => { for (const e of entries) e.open = false; });
})();
`;
