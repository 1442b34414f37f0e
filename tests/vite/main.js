// A one-file app that imports the package by name, as a user's app would; bundled by Vite.
import init, { analyze, version } from "newslens";
import "newslens/element";
import "newslens/newslens.css";

await init();
const a = analyze("Champagne spoke in Ottawa on Friday.");
document.getElementById("out").textContent = `newslens ${version()}: ${a.entities.map((e) => e.label).join(" ")}`;
document.querySelector("news-lens").addEventListener("newslens-ready", (e) => {
  document.body.dataset.entities = String(e.detail.entities.length);
});
