// The user guide (docs/huong-dan-su-dung.md, the same file the README points to) shown in
// the app: its small Markdown (headings, paragraphs, lists, bold, code) turned into HTML.
import text from "../../../docs/huong-dan-su-dung.md?raw";

/** A section of the guide: its heading and its body as HTML. */
export type GuideSection = { title: string; html: string };

function inline(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
}

/** The body of one section (the lines under a "## " heading) as HTML. */
function render(lines: string[]): string {
  const out: string[] = [];
  let list: "ul" | "ol" | null = null;
  let item: string[] = [];
  let para: string[] = [];
  const flushItem = () => {
    if (item.length) out.push(`<li>${inline(item.join(" "))}</li>`);
    item = [];
  };
  const flush = () => {
    flushItem();
    if (list) out.push(`</${list}>`);
    list = null;
    if (para.length) out.push(`<p>${inline(para.join(" "))}</p>`);
    para = [];
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    const bullet = /^- (.*)$/.exec(line);
    const numbered = /^\d+\. (.*)$/.exec(line);
    const sub = /^### (.*)$/.exec(line);
    if (line.trim() === "") {
      flush();
    } else if (sub) {
      flush();
      out.push(`<h3>${inline(sub[1]!)}</h3>`);
    } else if (bullet || numbered) {
      const kind = bullet ? "ul" : "ol";
      if (list !== kind) {
        flush();
        out.push(`<${kind}>`);
        list = kind;
      } else flushItem();
      item.push((bullet ?? numbered)![1]!);
    } else if (list && /^\s/.test(line)) {
      item.push(line.trim());
    } else {
      if (list) flush();
      para.push(line.trim());
    }
  }
  flush();
  return out.join("\n");
}

/** The guide's title, its opening paragraph and its sections, in order. */
export function guide(): { title: string; intro: string; sections: GuideSection[] } {
  const lines = text.split(/\r?\n/);
  const title = (lines.find((l) => l.startsWith("# ")) ?? "# Hướng dẫn").slice(2);
  const sections: GuideSection[] = [];
  let current: { title: string; lines: string[] } | null = null;
  const intro: string[] = [];
  for (const l of lines) {
    if (l.startsWith("# ")) continue;
    if (l.startsWith("## ")) {
      if (current) sections.push({ title: current.title, html: render(current.lines) });
      current = { title: l.slice(3).trim(), lines: [] };
    } else if (current) current.lines.push(l);
    else intro.push(l);
  }
  if (current) sections.push({ title: current.title, html: render(current.lines) });
  return { title, intro: render(intro), sections };
}
