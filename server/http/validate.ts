/**
 * Validation at the edge: parses a request part with a zod schema and answers a French 400 with
 * field messages when it does not fit. Handlers receive typed input.
 */
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { sendProblem } from './problem';

/** Field messages keyed by dotted path, from a zod error. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Parses `req.body` (or another value); sends the problem and returns undefined when invalid. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request, res: Response, value: unknown = req.body): z.infer<S> | undefined {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  sendProblem(req, res, { kind: 'invalid', title: 'Certains champs sont à corriger.', fields: fieldMessages(parsed.error) });
  return undefined;
}
