import * as v from 'valibot';
import { ROLES } from './roles';

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
		(value) => !value.includes('/'),
		'A team name cannot contain "/" (it separates team paths).'
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
/** The person form's single-value fields and its checkbox groups. */
export const PERSON_FIELDS = ['displayName', 'email', 'employeeNumber', 'homeTeamId'] as const;
export const PERSON_LIST_FIELDS = ['roles', 'managedTeamIds'] as const;

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

export const teamSchema = v.object({
	name: teamNameField,
	parentId: v.pipe(
		v.optional(v.string(), ''),
		v.check((value) => value === '' || v.is(v.pipe(v.string(), v.uuid()), value), 'Choose a team.'),
		v.transform((value: string) => (value === '' ? null : value))
	)
});

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
