/** Assertions on RFC 9457 problem details, as every refusal of the API is sent. */
import { expect } from 'vitest';
import type { Problem } from '../../shared/result';

/** Checks status, media type and shape of a problem answer; returns the problem to check further. */
export async function expectProblem(response: Response, status: number, title?: string | RegExp): Promise<Problem & Record<string, unknown>> {
  const body = await response.text();
  expect(response.status, body).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(body) as Problem & Record<string, unknown>;
  expect(problem.status).toBe(status);
  expect(problem.type).toMatch(/^https:\/\/trame\.example\/problems\//);
  if (typeof title === 'string') expect(problem.title).toBe(title);
  else if (title !== undefined) expect(problem.title).toMatch(title);
  return problem;
}

/** Text that reads as French to a person (accents, French words): a loose guard against English leaks. */
export const frenchText = /[àâçéèêëîïôûùœ’]|\b(le|la|les|de|des|du|une?|vous|votre|est|pas|ce|cette)\b/iu;
