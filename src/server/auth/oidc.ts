/**
 * Single sign-on with OpenID Connect (issue #13 §7), beside local accounts: the authorization
 * code flow with PKCE, state and nonce (openid-client), the ID token's signature, issuer,
 * audience and expiry checked by openid-client, and the user's role, district and provider
 * mapped from its claims by configuration. A subject whose claims map to no role is refused. SSO
 * accounts are rows of `users` whose password hash is the marker `!oidc <sha256(issuer subject)>`,
 * which no password matches (so no local sign-in), and which finds them again at the next sign-in.
 */
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { ROLE_IDS } from '../../contract/auth.js';
import type { Role } from '../../db/types.js';

/** How to reach the identity provider and read its claims. */
export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This application's callback, e.g. https://ersattning.example/api/auth/oidc/callback. */
  redirectUri: string;
  /** Default `openid profile`. */
  scope?: string;
  /** Claim with the user name (default `preferred_username`, else `sub`). */
  usernameClaim?: string;
  /** Claim with the roles or groups (a string or a list; default `roles`). */
  roleClaim?: string;
  /** Claim value → role, e.g. `{ "ersattning-admin": "admin" }`. Unmapped values are ignored. */
  roles: Record<string, Role>;
  /** Claim with a case officer's district id (default `district`). */
  districtClaim?: string;
  /** Claim with a provider user's provider id (default `provider`). */
  providerClaim?: string;
  /** Seconds to add to this server's clock when checking token times (a skewed clock). */
  clockSkewSeconds?: number;
  /** Permit an http:// issuer (a test provider on 127.0.0.1; never in production). */
  allowHttp?: boolean;
  /** A fetch to reach the provider with (a proxy); tests use it to tamper with answers. */
  fetch?: client.CustomFetch;
}

/**
 * OIDC settings from the environment (docs/security.md): OIDC_ISSUER, OIDC_CLIENT_ID,
 * OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_ROLE_MAP (JSON) and optionally OIDC_SCOPE,
 * OIDC_USERNAME_CLAIM, OIDC_ROLE_CLAIM, OIDC_DISTRICT_CLAIM, OIDC_PROVIDER_CLAIM. Null when
 * OIDC_ISSUER is unset; throws naming the setting when one is missing or wrong.
 */
export function oidcFromEnv(env: NodeJS.ProcessEnv = process.env): OidcOptions | null {
  if (!env.OIDC_ISSUER) return null;
  const need = (name: string): string => {
    const v = env[name];
    if (!v) throw new Error(`${name} must be set when OIDC_ISSUER is`);
    return v;
  };
  let roles: unknown;
  try {
    roles = JSON.parse(need('OIDC_ROLE_MAP'));
  } catch {
    throw new Error('OIDC_ROLE_MAP must be JSON: { "claim value": "role", … }');
  }
  if (!roles || typeof roles !== 'object' || Array.isArray(roles))
    throw new Error('OIDC_ROLE_MAP must be a JSON object');
  for (const [k, v] of Object.entries(roles))
    if (!(ROLE_IDS as readonly string[]).includes(v as string))
      throw new Error(
        `OIDC_ROLE_MAP maps "${k}" to "${String(v)}", which is not a role (${ROLE_IDS.join(', ')})`,
      );
  return {
    issuer: env.OIDC_ISSUER,
    clientId: need('OIDC_CLIENT_ID'),
    clientSecret: need('OIDC_CLIENT_SECRET'),
    redirectUri: need('OIDC_REDIRECT_URI'),
    roles: roles as Record<string, Role>,
    scope: env.OIDC_SCOPE,
    usernameClaim: env.OIDC_USERNAME_CLAIM,
    roleClaim: env.OIDC_ROLE_CLAIM,
    districtClaim: env.OIDC_DISTRICT_CLAIM,
    providerClaim: env.OIDC_PROVIDER_CLAIM,
  };
}

/** Who the claims say the user is, or why they are refused. */
export type MappedUser =
  | {
      ok: true;
      marker: string;
      username: string;
      name: string;
      role: Role;
      districtId: string | null;
      providerId: string | null;
    }
  | { ok: false; reason: 'sso-unknown-user' | 'sso-ambiguous-role' | 'sso-no-scope'; username: string };

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : null;

/** The password-hash marker of an SSO account: issuer and subject, hashed. */
export const ssoMarker = (issuer: string, subject: string): string =>
  `!oidc ${createHash('sha256').update(`${issuer} ${subject}`).digest('hex')}`;

/** Maps an ID token's claims to a user by the configuration (pure). */
export function mapClaims(options: OidcOptions, claims: Record<string, unknown>): MappedUser {
  const subject = text(claims.sub) ?? '';
  const username = (text(claims[options.usernameClaim ?? 'preferred_username']) ?? subject).toLowerCase();
  const raw = claims[options.roleClaim ?? 'roles'];
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  const roles = [...new Set(values.map((v) => options.roles[v]).filter((r): r is Role => !!r))];
  if (roles.length === 0) return { ok: false, reason: 'sso-unknown-user', username };
  if (roles.length > 1) return { ok: false, reason: 'sso-ambiguous-role', username };
  const role = roles[0]!;
  const districtId = role === 'case_officer' ? text(claims[options.districtClaim ?? 'district']) : null;
  const providerId = role === 'provider' ? text(claims[options.providerClaim ?? 'provider']) : null;
  if ((role === 'case_officer' && !districtId) || (role === 'provider' && !providerId))
    return { ok: false, reason: 'sso-no-scope', username };
  return {
    ok: true,
    marker: ssoMarker(text(claims.iss) ?? options.issuer, subject),
    username,
    name: text(claims.name) ?? username,
    role,
    districtId,
    providerId,
  };
}

interface Pending {
  verifier: string;
  nonce: string;
  at: number;
}

/** The relying party: discovery (once), the redirect to the provider, and the callback. */
export class OidcSignIn {
  private config: Promise<client.Configuration> | null = null;
  private readonly pending = new Map<string, Pending>();

  constructor(readonly options: OidcOptions) {}

  private configuration(): Promise<client.Configuration> {
    this.config ??= client
      .discovery(
        new URL(this.options.issuer),
        this.options.clientId,
        {
          client_secret: this.options.clientSecret,
          ...(this.options.clockSkewSeconds ? { [client.clockSkew]: this.options.clockSkewSeconds } : {}),
        },
        undefined,
        {
          ...(this.options.allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
          ...(this.options.fetch ? { [client.customFetch]: this.options.fetch } : {}),
        },
      )
      .catch((error: unknown) => {
        this.config = null; // try discovery again next time
        throw error;
      });
    return this.config;
  }

  /** The provider's authorization URL for a new sign-in (state, nonce and PKCE remembered 10 min). */
  async start(): Promise<URL> {
    const config = await this.configuration();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const now = Date.now();
    for (const [k, p] of this.pending) if (now - p.at > 600_000) this.pending.delete(k);
    if (this.pending.size > 10_000) this.pending.clear();
    this.pending.set(state, { verifier, nonce, at: now });
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.options.redirectUri,
      scope: this.options.scope ?? 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
  }

  /** Completes a sign-in from the callback's URL; the ID token's claims (throws when refused). */
  async finish(callback: URL): Promise<Record<string, unknown>> {
    const state = callback.searchParams.get('state') ?? '';
    const pending = this.pending.get(state);
    if (!pending || Date.now() - pending.at > 600_000) throw new Error('unknown or expired sign-in state');
    this.pending.delete(state);
    const tokens = await client.authorizationCodeGrant(await this.configuration(), callback, {
      pkceCodeVerifier: pending.verifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    return claims as Record<string, unknown>;
  }
}
