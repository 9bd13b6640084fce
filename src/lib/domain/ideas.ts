/** Every state an idea can be in. The transitions between them live in status.ts. */
export const IDEA_STATUSES = [
	'awaiting_decision',
	'needs_info',
	'accepted',
	'rejected',
	'implemented',
	'dropped'
] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const IDEA_STATUS_LABELS: Record<IdeaStatus, string> = {
	awaiting_decision: 'Awaiting decision',
	needs_info: 'Needs more information',
	accepted: 'Accepted',
	rejected: 'Not taken up',
	implemented: 'Implemented',
	dropped: 'Dropped'
};

export const BENEFIT_TYPES = [
	'safety',
	'quality',
	'cost',
	'time',
	'customer',
	'environment',
	'people'
] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

export const BENEFIT_LABELS: Record<BenefitType, string> = {
	safety: 'Safety',
	quality: 'Quality',
	cost: 'Cost',
	time: 'Time',
	customer: 'Customer',
	environment: 'Environment',
	people: 'People'
};

export const IDEA_TITLE_MAX = 120;
export const IDEA_TEXT_MAX = 4000;
export const COMMENT_MAX = 1000;
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Photos are resized in the browser to at most this many pixels on their longer side. */
export const PHOTO_MAX_EDGE_PX = 1600;

/** Organisation setting: who may read ideas beyond their managers, HR and administrators. */
export const IDEA_VISIBILITIES = ['organisation', 'team'] as const;
export type IdeaVisibility = (typeof IDEA_VISIBILITIES)[number];
