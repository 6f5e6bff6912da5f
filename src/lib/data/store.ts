import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetDefinition } from './definition.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DefinitionOf<D> = DatasetDefinition<any, D>;
import { recordPath, type ProfileName } from './definition.ts';
import { DatasetError, describeZodError } from './errors.ts';
import { datasetRecordSchema, type DatasetRecord } from './provenance.ts';

/**
 * Reads `content/data/<id>.json` and checks it against the definition's schema.
 * Every failure names the file and, for schema violations, the field.
 */
export function readRecord<D>(root: string, definition: DefinitionOf<D>, profile: ProfileName = 'full'): DatasetRecord<D> {
  const file = recordPath(definition.id, profile);
  const absolute = join(root, file);
  if (!existsSync(absolute)) {
    throw new DatasetError(file, `missing; generate it with \`npm run compute -- --only ${definition.id}\``);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(absolute, 'utf8'));
  } catch (error) {
    throw new DatasetError(file, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = datasetRecordSchema(definition.schema).safeParse(json);
  if (!parsed.success) throw new DatasetError(file, describeZodError(parsed.error));
  if (parsed.data.id !== definition.id) {
    throw new DatasetError(file, `field id: expected "${definition.id}", found "${parsed.data.id}"`);
  }
  return parsed.data as DatasetRecord<D>;
}
