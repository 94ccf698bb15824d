/**
 * The database role the application runs as on PostgreSQL (issue #13 §1, docs/security.md): it
 * owns none of our tables (so it cannot disable their triggers, alter or drop them), is no
 * superuser, reads and writes rows, only appends to the audit log, and may TRUNCATE nothing. The
 * schema's owner runs the migrations (`bin/ersattning migrate --database-url OWNER_URL`); the
 * job queue's own schema (pg-boss) belongs to the application role, which creates its tables.
 */

/**
 * The SQL a database administrator runs once after the first migration, for application role
 * `app` and schema owner `owner` (later migrations' tables get the same grants by default).
 */
export function appRoleGrants(app: string, owner: string, jobSchema = 'pgboss'): string[] {
  for (const name of [app, owner, jobSchema])
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL name: ${name}`);
  return [
    `revoke create on schema public from public`,
    `grant usage on schema public to ${app}`,
    `grant select, insert, update, delete on all tables in schema public to ${app}`,
    `revoke update, delete, truncate on audit_log from ${app}`,
    `grant usage, select on all sequences in schema public to ${app}`,
    `alter default privileges for role ${owner} in schema public grant select, insert, update, delete on tables to ${app}`,
    `alter default privileges for role ${owner} in schema public grant usage, select on sequences to ${app}`,
    `create schema if not exists ${jobSchema} authorization ${app}`,
  ];
}
