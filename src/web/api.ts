/**
 * The one way the web app talks to the server (docs/api.md): JSON in and out, the session cookie
 * sent automatically, and the `x-csrf-token` header on every state-changing request.
 */
import { splitRules } from '../contract/labels.js';

/** An error answer from the API, `{ error: { id, message, field?, rows? } }`, with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly field?: string,
    readonly rows?: { line: number; column?: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from sign-in or `/api/auth/me`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Uppgifterna är inte giltiga.',
  401: 'Du är inte inloggad.',
  403: 'Du har inte behörighet till detta.',
  404: 'Hittades inte.',
  409: 'Uppgifterna har ändrats av någon annan eller krockar med befintliga uppgifter.',
  422: 'Åtgärden stoppades av en regel.',
};

async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: fall through to the status text
  }
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  const fallback = STATUS_TEXT[res.status] ?? `Något gick fel (${res.status}).`;
  if (err && typeof err === 'object') {
    const id = String(err.id ?? 'error');
    return new ApiError(
      res.status,
      id,
      ERROR_MESSAGES[id] ?? (typeof err.message === 'string' && err.message ? err.message : fallback),
      typeof err.field === 'string' ? err.field.replace(/^(body|querystring|params)\./, '') : undefined,
      Array.isArray(err.rows) ? (err.rows as ApiError['rows']) : undefined,
    );
  }
  const message = (body as { message?: unknown } | null)?.message;
  return new ApiError(res.status, 'http-' + res.status, typeof message === 'string' ? message : fallback);
}

/** Sends one request; resolves with the parsed JSON (or null for an empty body), rejects with ApiError. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw await parseError(res);
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** Uploads a file as multipart/form-data (field `file`) plus text fields, with the CSRF header. */
export async function upload<T>(path: string, file: File, fields: Record<string, string> = {}): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form });
  if (!res.ok) throw await parseError(res);
  return (await res.json()) as T;
}

/** GET helper used by the query hooks. */
export const get = <T>(path: string): Promise<T> => request<T>('GET', path);
/** POST helper. */
export const post = <T>(path: string, body: unknown = {}): Promise<T> => request<T>('POST', path, body);
/** DELETE helper. */
export const del = <T>(path: string): Promise<T> => request<T>('DELETE', path);
/** PATCH helper. */
export const patch = <T>(path: string, body: unknown): Promise<T> => request<T>('PATCH', path, body);

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** What a failed request says, as the API wrote it (rule ids included: {@link ErrorAlert} shows them as a §). */
export function errorSentence(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return `Något gick fel: ${error.message}`;
  return 'Något gick fel.';
}

/** A human message for any error thrown by a request, in Swedish, rule ids left out (issue #14 §2). */
export function errorMessage(error: unknown): string {
  return splitRules(errorSentence(error)).text;
}

/** Swedish messages for the API's fixed error ids: the one wording per id wherever it is shown (the server's own messages are Swedish too, and serve ids not listed here). */
export const ERROR_MESSAGES: Record<string, string> = {
  'bad-credentials': 'Fel användarnamn eller lösenord.',
  'not-signed-in': 'Du är inte inloggad. Logga in igen.',
  unauthorized: 'Du är inte inloggad. Logga in igen.',
  forbidden: 'Du har inte behörighet till detta.',
  'csrf-token-invalid': 'Sidan var för gammal. Ladda om sidan och försök igen.',
  'stale-version': 'Uppgifterna har ändrats av någon annan sedan du öppnade sidan. Ladda om sidan.',
  'placement-overlap': 'Klienten har redan en placering av samma insats under perioden.',
  'run-already-approved': 'Det finns redan en godkänd avräkning för månaden och omfattningen.',
  'run-immutable': 'En godkänd avräkning kan inte ändras.',
  'not-found': 'Hittades inte.',
  'end-before-start': 'Slutdatum kan inte vara före startdatum.',
  'outside-placement': 'Datumen ligger utanför placeringens period.',
  'service-not-offered': 'Enheten erbjuder inte den insatsen.',
  'unknown-unit': 'Enheten finns inte.',
  'unknown-level': 'Modellen har ingen sådan nivå för insatsen.',
  'no-model': 'Ingen ersättningsmodell gäller för insatsen det datumet.',
  'invalid-personnummer': 'Personnumret eller samordningsnumret är inte giltigt.',
  'import-rows-invalid': 'Filen har fel på raderna nedan och lästes inte in. Rätta raderna och försök igen.',
  'not-multipart': 'Välj en fil att ladda upp.',
  'no-file': 'Välj en fil att ladda upp.',
  duplicate: 'Det finns redan en sådan post (till exempel en klient med samma personnummer).',
  'bad-date': 'Datumet finns inte i kalendern.',
  'no-evening-night': 'Insatsen har inget kvälls- och nattillägg (det gäller stödboende).',
  internal: 'Ett internt fel inträffade. Försök igen eller kontakta support.',
  'run-outdated':
    'Körningen bygger på en äldre godkänd körning. Starta en ny körning för månaden och godkänn den.',
  'run-not-approved': 'Godkänn körningen innan den exporteras.',
  'run-failed': 'Avräkningen misslyckades.',
  'unknown-model': 'Modellen finns inte.',
  'empty-population': 'Det finns inga personer med modellernas insatser att jämföra.',
  'unknown-district': 'Stadsdelen finns inte.',
  'unknown-provider': 'Utföraren finns inte.',
  'invalid-request': 'Uppgifterna är inte giltiga.',
  'points-not-above-limit': 'Individuell ersättning kräver fler poäng än modellens gräns för insatsen.', // LVL-6
  'not-agreed': 'Beställare och utförare måste vara överens om individuell ersättning.', // LVL-6
  'not-lss': 'Särskild redovisning gäller bara LSS-insatser.', // LVL-7
  'no-individual-rate': 'Insatsen har ingen individuell ersättning i modellen.', // LVL-6
  'already-decided': 'Ansökan är redan beslutad.',
  'no-model-in-force': 'Ingen ersättningsmodell gäller för insatsen det datumet.',
  'profile-unchanged': 'Förslaget är likadant som den godkända profilen. Ändra något först.',
  'profile-change-decided': 'Förslaget är redan granskat. Ladda om sidan.',
  'reason-required': 'Skriv varför förslaget avslås.',
  'unit-inactive': 'Enheten är inaktiverad.',
};

/** The form field an API error belongs to, when it is one of `fields`; otherwise null (show an alert). */
export function formFieldError(error: unknown, fields: readonly string[]): string | null {
  return error instanceof ApiError && error.field && fields.includes(error.field) ? error.field : null;
}
