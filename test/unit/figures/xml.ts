/**
 * A strict XML parse for tests, with sax (already in node_modules through svgo): throws on any
 * well-formedness error, including repeated attributes, undeclared namespace prefixes and
 * unknown entities.
 */

import sax from 'sax';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export function parseXml(text: string): XmlElement {
  // strictEntities: only XML's five named entities (sax otherwise accepts HTML's, e.g. &nbsp;).
  const parser = sax.parser(true, { xmlns: true, strictEntities: true } as sax.SAXOptions);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.onerror = (error) => {
    throw error;
  };
  let attributeNames = new Set<string>();
  parser.onopentagstart = () => {
    attributeNames = new Set();
  };
  parser.onattribute = ({ name }) => {
    if (attributeNames.has(name)) throw new Error(`Attribute ${name} repeated`);
    attributeNames.add(name);
  };
  parser.onopentag = (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      attributes[name] = typeof attribute === 'string' ? attribute : attribute.value;
    }
    const element: XmlElement = { name: tag.name, attributes, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new Error('More than one root element');
    else root = element;
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = (text) => {
    stack[stack.length - 1]?.children.push(text);
  };
  parser.write(text).close();
  if (!root) throw new Error('No root element');
  return root;
}

/** Every element below `element` (not itself), in document order. */
export function descendants(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    out.push(child, ...descendants(child));
  }
  return out;
}

/** Concatenated text content. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** Element children only. */
export function elementChildren(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string');
}
