import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

/**
 * The official ISO 20022 schemas the tests check generated bank files against, as shipped by the
 * Debian package libhbci4j-core-java (see test/fixtures/iso20022/SOURCE.md).
 */
export const ISO20022_XSD = {
  'pain.001.001.09': new URL('../../../test/fixtures/iso20022/pain.001.001.09.xsd', import.meta.url),
} as const;

/** Validates `xml` against an XSD with libxml2's xmllint (compiled to WebAssembly: no native build); the errors, empty when valid. */
export async function xsdErrors(xml: string, xsd: URL): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'document.xml', contents: xml }], schema: [{ fileName: 'schema.xsd', contents: readFileSync(xsd, 'utf8') }] });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
