/**
 * The URL of the script that loaded the widget: entries register `import.meta.url` (ESM) or
 * `document.currentScript.src` (classic build), so the worker is found next to the script
 * whatever the page's own base URL is.
 */
let base: string | undefined;

export function setScriptBase(url: string | undefined): void {
  if (url && !base) base = url;
}

export function scriptBase(): string {
  return base ?? document.baseURI;
}
