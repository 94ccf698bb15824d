/**
 * Reading settlement jobs and runs (issue #9 §2, §5): the run a finished job produced, a failed
 * job's structured error in Swedish, and how many placements a run could not pay. Types come from
 * the shared contract (src/contract/jobs.ts, settlement-runs.ts).
 */
import type { JobErrorView, JobView } from '../contract/jobs.js';
import type { RunView } from '../contract/settlement-runs.js';
import { ERROR_MESSAGES } from './api.js';

/** The run id a finished settlement job produced (`result: { runId }`), or null. */
export function runIdOf(job: Pick<JobView, 'status' | 'result'> | undefined): number | null {
  if (job?.status !== 'done') return null;
  const r = job.result as { runId?: unknown } | null;
  return r && typeof r.runId === 'number' ? r.runId : null;
}

/** A failed job's error in Swedish: the known id's message, else the server's (already Swedish). */
export function jobErrorText(error: JobErrorView | null | undefined): string {
  if (!error) return 'Okänt fel.';
  return ERROR_MESSAGES[error.id] ?? (error.message || 'Okänt fel.');
}

/** `3 placeringar kunde inte betalas`, or null when the run paid every placement (issue #9 §2). */
export function refusedText(run: Pick<RunView, 'refusedCount'>): string | null {
  const n = run.refusedCount;
  if (n === 0) return null;
  return `${n} ${n === 1 ? 'placering' : 'placeringar'} kunde inte betalas`;
}
