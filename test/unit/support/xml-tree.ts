/** XML read back with sax in strict mode: an independent reader for what the site writes (the Atom feed). */
import sax from 'sax';

export interface Node {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Node[];
}

/** The document as a tree; throws on anything that is not well-formed XML. */
export function parseXml(xml: string): Node {
  const parser = sax.parser(true, { xmlns: false });
  const stack: Node[] = [{ name: '#document', attributes: {}, text: '', children: [] }];
  parser.onopentag = (tag) => {
    const node: Node = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  };
  parser.ontext = (t) => (stack.at(-1)!.text += t);
  parser.onclosetag = () => void stack.pop();
  parser.onerror = (e) => {
    throw e;
  };
  parser.write(xml).close();
  return stack[0]!.children[0]!;
}

export const child = (n: Node, name: string): Node | undefined => n.children.find((c) => c.name === name);
export const children = (n: Node, name: string): Node[] => n.children.filter((c) => c.name === name);
