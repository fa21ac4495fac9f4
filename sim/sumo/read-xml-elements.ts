import { createReadStream } from 'node:fs';
import sax from 'sax';

export type XmlAttributes = Readonly<Record<string, string>>;

/**
 * Streams an XML file's elements to `onOpen` (name and attributes, with the names of the enclosing elements) and
 * `onClose`, without loading it whole: SUMO networks and route outputs of a city run to hundreds of megabytes.
 */
export function readXmlElements(
  path: string,
  onOpen: (name: string, attributes: XmlAttributes, ancestors: readonly string[]) => void,
  onClose: (name: string) => void = () => undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = sax.createStream(true, { trim: true });
    const stack: string[] = [];
    parser.on('opentag', (tag) => {
      onOpen(tag.name, tag.attributes as Record<string, string>, stack);
      stack.push(tag.name);
    });
    parser.on('closetag', (name) => {
      stack.pop();
      onClose(name);
    });
    parser.on('error', reject);
    parser.on('end', resolve);
    const input = createReadStream(path);
    input.on('error', reject);
    input.pipe(parser);
  });
}
