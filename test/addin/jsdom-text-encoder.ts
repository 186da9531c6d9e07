/** jsdom has no TextEncoder; the Office.js host and the fake Excel measure payloads with it.
 * Import this first in a jsdom test that runs them. */
import { TextEncoder } from 'util';

const scope = globalThis as { TextEncoder?: unknown };
if (scope.TextEncoder === undefined) scope.TextEncoder = TextEncoder;
