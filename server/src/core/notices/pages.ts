/** The small pages behind the links in a notice (confirm, unsubscribe): plain HTML, no script, escaped. */
const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function linkPage(title: string, body: string, form?: { action: string; button: string }): string {
  const f = form ? `<form method="post" action="${esc(form.action)}"><button type="submit" style="font:inherit;padding:10px 20px;border-radius:6px;border:0;background:#4f46e5;color:#fff;cursor:pointer">${esc(form.button)}</button></form>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="referrer" content="no-referrer"><title>${esc(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937"><h1 style="font-size:1.5rem">${esc(title)}</h1><p>${esc(body)}</p>${f}</body></html>`;
}
