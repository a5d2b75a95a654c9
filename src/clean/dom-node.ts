/**
 * The few DOM members the HTML cleaner reads. The project compiles without the DOM lib, so
 * linkedom's nodes are used through this structural type.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
  getAttribute?(name: string): string | null;
}

/** A parsed document, as far as the cleaner uses it. */
export interface DomDocument {
  readonly documentElement: DomNode | null;
  readonly body: DomNode | null;
  readonly title: string;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

/** `Node.ELEMENT_NODE`. */
export const ELEMENT_NODE = 1;
/** `Node.TEXT_NODE`. */
export const TEXT_NODE = 3;
