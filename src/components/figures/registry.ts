/** The figures this edition draws, by the name MDX uses in `<Figure name="…" />`. */
import TimelineFigure from './TimelineFigure.astro';
import TargetDatesFigure from './TargetDatesFigure.astro';

export const EDITION_FIGURES: Record<string, typeof TimelineFigure | typeof TargetDatesFigure> = {
  'sep-oct-2018-timeline': TimelineFigure,
  'opcon-target-dates': TargetDatesFigure,
};
