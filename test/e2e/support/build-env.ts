/**
 * The environment for a site build started from a test: vitest puts Vite's BASE_URL, MODE, DEV,
 * PROD and SSR into process.env, and Astro's build would read BASE_URL ("/") and ignore
 * BASE_PATH — silently building under the wrong base path — so they are removed.
 */
export function buildEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete clean[key];
  return clean;
}
