/**
 * One uploaded file from a multipart request (field `file`, bounded by app.ts's multipart limits)
 * with the form's other fields: the one door for imports and the analyst's survey upload.
 */
import type { FastifyRequest } from 'fastify';
import { badInput } from '../errors.js';

/** The uploaded file's name and bytes and the form fields sent before it. */
export async function upload(
  request: FastifyRequest,
): Promise<{ filename: string; bytes: Buffer; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw badInput('not-multipart', 'Välj en fil att ladda upp', 'file');
  const file = await request.file();
  if (!file) throw badInput('no-file', 'Uppladdningen saknar fil: välj en fil', 'file');
  const bytes = await file.toBuffer();
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(file.fields)) {
    const f = Array.isArray(v) ? v[0] : v;
    if (f && f.type === 'field') fields[k] = String(f.value);
  }
  return { filename: file.filename, bytes, fields };
}
