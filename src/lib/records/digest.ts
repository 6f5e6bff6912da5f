import { createHash } from 'node:crypto';
import { canonicalJson } from '../io/json-format.ts';

export const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The digest of a record's data, stored in its provenance and checked on every read: an edited
 * or corrupted number no longer matches. Over the canonical JSON (keys sorted), so it does not
 * depend on key order or layout.
 */
export const dataDigest = (data: unknown): string => `sha256:${sha256(canonicalJson(data))}`;
