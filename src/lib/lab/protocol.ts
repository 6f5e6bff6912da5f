/**
 * Messages between the lab island and its Web Worker (types only: nothing here ships code).
 *
 * island → worker: start (a fresh run), pause, resume, reset.
 * worker → island: ready (the run's initial state), progress (new steps since the last message),
 * stopped (paused, finished, diverged), error.
 */
import type { LabConfig } from './config';

export type ToWorker =
  | { type: 'start'; config: LabConfig; /** URL of the MNIST subset, for task mnist. */ mnistUrl: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'reset' };

export interface TestMetrics {
  step: number;
  loss: number;
  accuracy: number;
}

export type FromWorker =
  | {
      type: 'ready';
      /** A run counter, so messages of a reset run are told apart. */
      run: number;
      description: string;
      chi1: number;
      /** ‖∂L/∂h_l‖ at step 0 (layers 1..depth) and the √χ1-per-layer prediction anchored at the last layer. */
      initialNorms: number[];
      predictedNorms: number[];
      /** Bytes the task's data took to fetch (0 for teacher–student or when cached). */
      fetchedBytes: number;
    }
  | {
      type: 'progress';
      run: number;
      /** Step index of losses[0]. */
      from: number;
      losses: number[];
      accuracies: number[];
      /** With the twin: its losses and parameter differences for the same steps. */
      twinLosses?: number[];
      twinDifferences?: number[];
      /** The per-layer gradient norms of the last step in this message. */
      gradients: { step: number; norms: number[] };
      tests: TestMetrics[];
      /** Steps per second over this message's chunk (wall clock in the worker). */
      stepsPerSecond: number;
    }
  | { type: 'stopped'; run: number; reason: 'paused' | 'finished' | 'diverged'; steps: number }
  | { type: 'error'; run: number; message: string };
