import * as v from 'valibot';
import {
	BENEFIT_TYPES,
	COMMENT_MAX,
	IDEA_STATUSES,
	IDEA_TEXT_MAX,
	IDEA_TITLE_MAX,
	IDEA_VISIBILITIES
} from './ideas';
import { APPROVER_LEVELS, MAX_BANDS, checkBands, type ApprovalBand } from './approval';
import { reject, succeed, type Outcome } from './outcome';
import { THANKS_MAX } from './recognition';
import { ROLES } from './roles';
import { isCalendarDay, parseInput, withoutNul } from './validation';

const requiredText = (label: string, maxLength: number) =>
	v.pipe(
		v.string(`Enter ${label}.`),
		v.trim(),
		v.nonEmpty(`Enter ${label}.`),
		v.maxLength(maxLength, `Keep ${label} to ${maxLength} characters or fewer.`)
	);

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMPLOYEE_NUMBER_SHAPE = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;

const blankToNull = v.transform((value: string) => (value === '' ? null : value));

/** Optional: blank means none (null). Kept lower-case, so uniqueness ignores case. */
export const emailField = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.toLowerCase(),
	v.maxLength(254, 'This e-mail address is too long.'),
	v.check(
		(value) => value === '' || EMAIL_SHAPE.test(value),
		'Enter an e-mail address like name@example.com.'
	),
	blankToNull
);

/** Optional: blank means none (null). Kept upper-case, so "e1042" and "E1042" are one person. */
export const employeeNumberField = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.toUpperCase(),
	v.check(
		(value) => value === '' || EMPLOYEE_NUMBER_SHAPE.test(value),
		'Use up to 32 letters, digits, dots, dashes or underscores.'
	),
	blankToNull
);

const teamId = (message: string) => v.pipe(v.string(message), v.uuid(message));

export const teamNameField = v.pipe(
	requiredText('a team name', 80),
	v.transform((value: string) => value.replace(/\s+/g, ' ')),
	v.check(
		(value) => !/[/›]/.test(value),
		'A team name cannot contain "/" or "›" (they separate team paths).'
	)
);

export const personSchema = v.pipe(
	v.object({
		displayName: requiredText('the person’s name', 100),
		email: emailField,
		employeeNumber: employeeNumberField,
		homeTeamId: teamId('Choose the person’s team.'),
		roles: v.pipe(
			v.array(v.picklist(ROLES, 'Choose roles from the list.')),
			v.minLength(1, 'Give the person at least one role.')
		),
		managedTeamIds: v.optional(v.array(teamId('Choose teams from the list.')), [])
	}),
	v.forward(
		v.check(
			(person) => person.email !== null || person.employeeNumber !== null,
			'Give an e-mail address or an employee number (or both).'
		),
		['email']
	),
	v.forward(
		v.check(
			(person) => !person.roles.includes('manager') || person.managedTeamIds.length > 0,
			'A manager needs at least one team to manage.'
		),
		['managedTeamIds']
	),
	v.forward(
		v.check(
			(person) => person.roles.includes('manager') || person.managedTeamIds.length === 0,
			'Only a person with the Manager role can manage teams.'
		),
		['managedTeamIds']
	)
);
export type PersonInput = v.InferOutput<typeof personSchema>;

export const signInSchema = v.object({
	identifier: requiredText('your e-mail address or employee number', 254),
	password: v.pipe(v.string('Enter your password.'), v.nonEmpty('Enter your password.'))
});

/** New passwords are checked against the password rules on the server (password.ts). */
export const newPasswordSchema = v.pipe(
	v.object({
		password: v.string('Choose a password.'),
		confirmPassword: v.string('Repeat the password.')
	}),
	v.forward(
		v.check((input) => input.password === input.confirmPassword, 'The two passwords differ.'),
		['confirmPassword']
	)
);

export const changePasswordSchema = v.pipe(
	v.object({
		currentPassword: v.pipe(v.string(), v.nonEmpty('Enter your current password.')),
		password: v.string('Choose a password.'),
		confirmPassword: v.string('Repeat the password.')
	}),
	v.forward(
		v.check((input) => input.password === input.confirmPassword, 'The two passwords differ.'),
		['confirmPassword']
	)
);

/** A team's name, as the forms that add and rename a team take it (the parent is found by path). */
export const teamNameSchema = v.object({ name: teamNameField });

export const settingsSchema = v.object({
	name: requiredText('the organisation’s name', 100),
	decisionDeadlineDays: v.pipe(
		v.string('Enter a number of days.'),
		v.trim(),
		v.regex(/^\d{1,3}$/, 'Enter a whole number of days.'),
		v.transform(Number),
		v.minValue(1, 'The deadline must be at least 1 day.'),
		v.maxValue(90, 'The deadline can be at most 90 days.')
	),
	timeZone: v.pipe(
		v.string('Choose a time zone.'),
		v.check(isKnownTimeZone, 'Choose a time zone from the list.')
	),
	ideaVisibility: v.picklist(IDEA_VISIBILITIES, 'Choose who reads ideas.'),
	gainsharingPercent: v.pipe(
		v.string('Enter a percentage.'),
		v.trim(),
		v.regex(/^\d{1,3}$/, 'Enter a whole percentage, 0 to 100.'),
		v.transform(Number),
		v.maxValue(100, 'Enter a whole percentage, 0 to 100.')
	)
});

export function isKnownTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone });
		return timeZone.length > 0;
	} catch {
		return false;
	}
}

const MONEY_SHAPE = /^\d{1,12}(\.\d{1,2})?$/;

/** An optional amount of money: blank is none; "1,250.50" and "1250.5" are both fine. */
const moneyField = (label: string) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.transform((value: string) => value.replace(/[,\s]/g, '')),
		v.check(
			(value) => value === '' || MONEY_SHAPE.test(value),
			`Enter ${label} as an amount like 1250 or 1250.50, or leave it empty.`
		),
		v.transform((value: string) => (value === '' ? null : Number(value)))
	);

const longText = (label: string) =>
	v.pipe(
		v.string(`Describe ${label}.`),
		v.trim(),
		v.nonEmpty(`Describe ${label}.`),
		v.maxLength(IDEA_TEXT_MAX, `Keep ${label} to ${IDEA_TEXT_MAX} characters or fewer.`)
	);

export const ideaSchema = v.object({
	title: requiredText('a title', IDEA_TITLE_MAX),
	problem: longText('what is wrong today'),
	proposal: longText('your proposal'),
	benefitType: v.picklist(BENEFIT_TYPES, 'Choose the main benefit.'),
	teamId: teamId('Choose the team the idea is for.'),
	estimatedCost: moneyField('the estimated cost'),
	estimatedSavings: moneyField('the estimated savings')
});
export type IdeaInput = v.InferOutput<typeof ideaSchema>;
export const IDEA_FIELDS = [
	'title',
	'problem',
	'proposal',
	'benefitType',
	'teamId',
	'estimatedCost',
	'estimatedSavings'
] as const;

export const thanksSchema = v.object({
	message: requiredText('a short thank-you', THANKS_MAX)
});

export const vetoSchema = v.object({
	reason: requiredText('the reason for the veto', 1000)
});

/** A team switches self-approval on with a cost limit, or off. */
export const selfApprovalSchema = v.pipe(
	v.object({
		enabled: v.optional(v.string(), ''),
		costLimit: moneyField('the cost limit')
	}),
	v.forward(
		v.check(
			(input) => input.enabled !== 'on' || input.costLimit !== null,
			'Enter the most an idea may cost for the team to accept it itself (0 for cost-free ideas only).'
		),
		['costLimit']
	),
	v.transform((input) => ({ costLimit: input.enabled === 'on' ? input.costLimit : null }))
);

/**
 * Approval bands as the settings form sends them: `maxCost` and `approverLevel` per row (blank
 * rows ignored), and the approver for everything above as `topApproverLevel`.
 */
const approvalBandsSchema = v.object({
	rows: v.array(
		v.object({
			maxCost: moneyField('the band’s upper cost'),
			approverLevel: v.picklist(APPROVER_LEVELS, 'Choose who approves this band.')
		})
	),
	topApproverLevel: v.picklist(APPROVER_LEVELS, 'Choose who approves the most costly ideas.')
});

/** The bands form's fields: a cost and an approver per row, and the approver above them all. */
export interface ApprovalBandsForm {
	maxCost: string[];
	approverLevel: string[];
	topApproverLevel: string;
}

/** The bands as the form shows them (the inverse of parseApprovalBands): spare rows blank. */
export function approvalBandsForm(bands: readonly ApprovalBand[]): ApprovalBandsForm {
	const limited = bands.filter((band) => band.maxCost !== null);
	const rows = Array.from({ length: MAX_BANDS - 1 }, (_, index) => limited[index]);
	return {
		maxCost: rows.map((band) => String(band?.maxCost ?? '')),
		approverLevel: rows.map((band) => band?.approverLevel ?? 'own_manager'),
		topApproverLevel: bands.find((band) => band.maxCost === null)?.approverLevel ?? 'top'
	};
}

/** Reads the bands form: rows left blank are dropped; the bands must then make sense together. */
export function parseApprovalBands(form: ApprovalBandsForm): Outcome<ApprovalBand[]> {
	const parsed = parseInput(approvalBandsSchema, {
		rows: form.maxCost.map((maxCost, index) => ({
			maxCost,
			approverLevel: form.approverLevel[index] ?? ''
		})),
		topApproverLevel: form.topApproverLevel
	});
	if (!parsed.ok) return reject({ bands: Object.values(parsed.errors)[0] });
	const bands: ApprovalBand[] = [
		...parsed.value.rows.flatMap((row) =>
			row.maxCost === null ? [] : [{ maxCost: row.maxCost, approverLevel: row.approverLevel }]
		),
		{ maxCost: null, approverLevel: parsed.value.topApproverLevel }
	];
	const problem = checkBands(bands);
	return problem ? reject({ bands: problem }) : succeed(bands);
}

export const commentSchema = v.object({
	body: requiredText('a comment', COMMENT_MAX)
});

/** A manager's decision; which fields are required depends on the transition (status.ts). */
export const decisionSchema = v.object({
	to: v.picklist(
		['accepted', 'rejected', 'needs_info', 'implemented', 'dropped'],
		'Choose a decision.'
	),
	expectedStatus: v.picklist(
		['awaiting_decision', 'needs_info', 'accepted'],
		'Reload the idea and decide again.'
	),
	note: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(IDEA_TEXT_MAX, `Keep it to ${IDEA_TEXT_MAX} characters or fewer.`)
	),
	ownerId: v.pipe(
		v.optional(v.string(), ''),
		v.check(
			(value) => value === '' || v.is(v.pipe(v.string(), v.uuid()), value),
			'Choose who implements it.'
		)
	),
	targetDate: v.pipe(
		v.optional(v.string(), ''),
		v.check((value) => value === '' || isCalendarDay(value), 'Enter a real date.')
	),
	realisedSavings: moneyField('the realised savings'),
	/** When the idea was last changed as the manager saw it: a decision is on what was read. */
	expectedUpdatedAt: v.optional(
		v.pipe(
			v.string(),
			v.check(
				(value) => value === '' || !Number.isNaN(Date.parse(value)),
				'Reload the idea and decide again.'
			)
		)
	)
});
export type DecisionInput = v.InferOutput<typeof decisionSchema>;
export const DECISION_FIELDS = [
	'to',
	'expectedStatus',
	'note',
	'ownerId',
	'targetDate',
	'realisedSavings',
	'expectedUpdatedAt'
] as const;

/** The feed's filters from the URL: anything unknown falls back to the default, never an error. */
export const feedQuerySchema = v.object({
	scope: v.fallback(v.picklist(['all', 'team']), 'all'),
	sort: v.fallback(v.picklist(['newest', 'votes', 'due']), 'newest'),
	status: v.fallback(v.optional(v.picklist(IDEA_STATUSES)), undefined),
	benefitType: v.fallback(v.optional(v.picklist(BENEFIT_TYPES)), undefined),
	search: v.fallback(v.pipe(v.string(), v.transform(withoutNul), v.trim(), v.maxLength(200)), ''),
	cursor: v.fallback(v.optional(v.pipe(v.string(), v.maxLength(500))), undefined)
});
export type FeedQueryInput = v.InferOutput<typeof feedQuerySchema>;
