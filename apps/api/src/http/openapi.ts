import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

/** A file download: the body is the file's bytes in the given media type. */
export function ApiFile(mediaType: string, status = 200) {
  return applyDecorators(ApiResponse({ status, description: 'Soubor / the file', content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } }));
}

export type FieldSchema = { type: 'string' | 'integer'; format?: string; description?: string };

/** An upload route: a multipart body with the file (`file`) and the named form fields. */
export function ApiUpload(fields: Record<string, FieldSchema> = {}, required: string[] = [], options: { fileRequired?: boolean } = {}) {
  const fileRequired = options.fileRequired ?? true;
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: { type: 'object', required: [...(fileRequired ? ['file'] : []), ...required], properties: { ...fields, file: { type: 'string', format: 'binary' } } } }),
  );
}

export class FieldProblem {
  @ApiProperty({ example: 'name' }) field: string;
  @ApiProperty({ example: 'REQUIRED' }) code: string;
  @ApiProperty({ description: "Zpráva v jazyce volajícího / the message in the caller's language" }) message: string;
}

/** Every error the API answers: application/problem+json (RFC 9457) with a stable code. */
export class ProblemResponse {
  @ApiProperty({ example: 'urn:grants:error:NOT_FOUND' }) type: string;
  @ApiProperty({ example: 'Nenalezeno' }) title: string;
  @ApiProperty({ example: 404, description: 'Stavový kód HTTP / the HTTP status code' }) status: number;
  @ApiProperty({ example: 'NOT_FOUND', description: 'Stabilní kód chyby / stable error code' }) code: string;
  @ApiProperty({ description: "Vysvětlení v jazyce volajícího / explanation in the caller's language" }) detail: string;
  @ApiPropertyOptional({ description: 'Vysvětlení v druhém jazyce / the explanation in the other language' }) detail_en?: string;
  @ApiPropertyOptional() detail_cs?: string;
  @ApiPropertyOptional({ type: () => FieldProblem, isArray: true }) errors?: FieldProblem[];
  @ApiProperty({ description: 'Kód pro dohledání v logu / id to quote when reporting' }) correlationId: string;
}

/**
 * Declares the problem+json error body on every operation of the document, once: each 4xx/5xx response
 * the routes name (401, 403, …) and a `default` for the rest.
 */
export function withProblemResponses(document: OpenAPIObject): OpenAPIObject {
  const problem = { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemResponse) } } };
  for (const operations of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = operations[method];
      if (!operation) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^[45]/.test(status) && response && 'description' in response && !response.content) response.content = problem;
      }
      operation.responses.default = { description: 'Chyba ve formátu application/problem+json / an error as application/problem+json', content: problem };
    }
  }
  return document;
}
