// /play: start the trainee's app in the terminal once the bundled CJK font is loaded,
// so the first screen already draws Chinese with it (xterm.js caches glyphs).
import { startTerminal } from "/static/textual/textual.js";

const container = document.getElementById("terminal");
const scheme = location.protocol === "https:" ? "wss:" : "ws:";
const url = `${scheme}//${location.host}${container.dataset.path}`;
const size = Number(new URLSearchParams(location.search).get("fontsize")) || 16;
try {
  await document.fonts.load(`${size}px 'Roboto Mono'`, "中文");
} catch (error) {
  console.warn("font not loaded", error);
}
startTerminal(container, url, size);
