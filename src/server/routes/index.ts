/** Every resource's routes, registered under /api by app.ts (one folder per resource). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import analysis from './analysis/routes.js';
import assessmentRecord from './assessments/client-record.js';
import questionnaires from './assessments/questionnaire.js';
import assessments from './assessments/routes.js';
import assessmentStartup from './assessments/startup.js';
import rateApplications from './rate-applications/routes.js';
import audit from './audit/routes.js';
import auth from './auth/routes.js';
import catalogue from './catalogue/routes.js';
import budget from './budget/routes.js';
import clientMoves from './client-moves/routes.js';
import clients from './clients/routes.js';
import comparisons from './comparisons/routes.js';
import dashboard from './dashboard/routes.js';
import decisions from './decisions/routes.js';
import districts from './districts/routes.js';
import finance from './finance/routes.js';
import health from './health/routes.js';
import imports from './imports/routes.js';
import jobs from './jobs/routes.js';
import latestMonth from './latest-month/routes.js';
import letters from './letters/routes.js';
import models from './models/routes.js';
import modelUplifts from './models/uplifts.js';
import notifications from './notifications/routes.js';
import offers from './offers/routes.js';
import participation from './participation/routes.js';
import plans from './plans/routes.js';
import placementFacts from './placements/facts-routes.js';
import placements from './placements/routes.js';
import profileChanges from './profile-changes/routes.js';
import providers from './providers/routes.js';
import reconciliations from './reconciliations/routes.js';
import settlementRuns from './settlement-runs/routes.js';
import specification from './settlement-runs/specification-route.js';
import statistics from './statistics/routes.js';
import users from './users/routes.js';

/** The route plugins in registration order. */
export const ROUTES: FastifyPluginAsyncZod[] = [
  health,
  auth,
  districts,
  providers,
  profileChanges,
  models,
  modelUplifts,
  clients,
  clientMoves,
  placements,
  placementFacts,
  settlementRuns,
  specification,
  jobs,
  comparisons,
  imports,
  audit,
  dashboard,
  latestMonth,
  decisions,
  users,
  statistics,
  assessments,
  assessmentRecord,
  questionnaires,
  finance,
  reconciliations,
  budget,
  analysis,
  assessmentStartup,
  rateApplications,
  notifications,
  offers,
  plans,
  catalogue,
  participation,
  letters,
];
