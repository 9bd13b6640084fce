// Recognition, after Toyota: every suggestion earns something, accepted and implemented ones more,
// and implemented ones in proportion to what they bring.

export const POINTS_FOR_SUBMITTING = 5;
export const POINTS_FOR_ACCEPTANCE = 20;
export const POINTS_FOR_IMPLEMENTATION = 50;
/** One more point per this much realised yearly saving… */
export const SAVINGS_PER_EXTRA_POINT = 100;
/** …up to this many extra points for one idea. */
export const MAX_EXTRA_POINTS = 450;

export const POINT_REASONS = ['submitted', 'accepted', 'implemented', 'correction'] as const;
export type PointReason = (typeof POINT_REASONS)[number];

export const POINT_REASON_LABELS: Record<PointReason, string> = {
	submitted: 'Idea submitted',
	accepted: 'Idea accepted',
	implemented: 'Idea implemented',
	correction: 'Correction'
};

/** Points for an implemented idea: a fixed part plus one per 100 of realised yearly savings (capped). */
export function pointsForImplementation(realisedSavings: number | null): number {
	const extra = Math.floor(Math.max(0, realisedSavings ?? 0) / SAVINGS_PER_EXTRA_POINT);
	return POINTS_FOR_IMPLEMENTATION + Math.min(extra, MAX_EXTRA_POINTS);
}

export const THANKS_MAX = 280;
