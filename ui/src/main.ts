import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

// Uncaught UI errors are kept (and logged) so the end-to-end tests can fail on them: a
// rendering error can leave half the screen stale without anything visible going wrong.
const uiErrors: string[] = [];
(window as unknown as { __ttqErrors: string[] }).__ttqErrors = uiErrors;
window.addEventListener("error", (e) => uiErrors.push(String(e.message)));
window.addEventListener("unhandledrejection", (e) => uiErrors.push(`unhandled: ${JSON.stringify(e.reason)}`));

const target = document.getElementById("app");
if (!target) throw new Error("missing #app");
export default mount(App, { target });
