/**
 * Status colours dark enough for WCAG AA text contrast (≥ 4.5:1) on white and on Mantine's light
 * tints; Mantine's own orange.9 (3.9:1) and green.9 (4.4:1) fall short.
 */

/** Success, approved. */
export const OK = '#1e6b30';
/** Warning, missing data. */
export const WARN = '#a5400b';
/** Error, protected identity. */
export const BAD = '#b02525';
