import type { FigureDefinition } from '../types';
import { gainTrajectories, layerProfiles, stateTimeline, transitionMatrix } from '../one-way-street';

/** Figures of the /one-way-street/ page. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const figures: readonly FigureDefinition<any>[] = [layerProfiles, gainTrajectories, stateTimeline, transitionMatrix];
