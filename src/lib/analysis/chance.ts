/**
 * The accuracy a diverged run is counted with in means, ranges and rankings: chance for MNIST's
 * ten classes, since a run whose weights overflowed has learned nothing usable.
 */
export const CHANCE_ACCURACY = 0.1;
