/**
 * The only way the webview apps create DOM: elements with text set through textContent and attributes through
 * setAttribute. There is no innerHTML anywhere, so text from the API can never become markup or script.
 */

export interface ElementOptions {
  className?: string;
  /** Set with textContent: shown exactly as given. */
  text?: string;
  /** Plain attributes (never event handlers: those are added with addEventListener). */
  attrs?: Readonly<Record<string, string>>;
  children?: readonly (Node | undefined)[];
}

export function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, options: ElementOptions = {}): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (/^on/i.test(name)) throw new Error(`refusing to set the event handler attribute ${name}`);
    node.setAttribute(name, value);
  }
  for (const child of options.children ?? []) if (child) node.appendChild(child);
  return node;
}

/** A codicon glyph; decorative, so hidden from screen readers (the text next to it says the same). */
export function codicon(doc: Document, name: string, extraClass = ''): HTMLSpanElement {
  return element(doc, 'span', { className: `codicon codicon-${name}${extraClass ? ' ' + extraClass : ''}`, attrs: { 'aria-hidden': 'true' } });
}

/** Replaces every child of `root` (the apps redraw the whole view from each message). */
export function replaceChildren(root: HTMLElement, children: readonly (Node | undefined)[]): void {
  while (root.firstChild) root.removeChild(root.firstChild);
  for (const child of children) if (child) root.appendChild(child);
}

/** A number as the user's locale writes it, at most two decimals. */
export function formatAmount(value: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value);
}
