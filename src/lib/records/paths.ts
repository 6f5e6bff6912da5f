/**
 * Where records live. Profiles: `full` is the published record (content/data); `smoke` is a
 * tiny configuration of the same producer that CI and tests run in seconds.
 */
export const PROFILES = ['full', 'smoke'] as const;
export type ProfileName = (typeof PROFILES)[number];

/** Where a profile's records live: the published record is content/data; others are scratch. */
export const dataDir = (profile: ProfileName): string => (profile === 'full' ? 'content/data' : `.cache/profiles/${profile}/data`);

/** Where a record lives, relative to the project root. */
export const recordPath = (id: string, profile: ProfileName = 'full'): string => `${dataDir(profile)}/${id}.json`;
