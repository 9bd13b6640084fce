import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	check,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { ROLES } from '../../domain/roles';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** One row: the organisation this installation serves. */
export const organisationSettings = pgTable(
	'organisation_settings',
	{
		id: smallint().primaryKey().default(1),
		name: text().notNull(),
		decisionDeadlineDays: integer().notNull().default(10),
		timeZone: text().notNull().default('UTC'),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('organisation_settings_single_row', sql`${t.id} = 1`),
		check('organisation_settings_deadline_range', sql`${t.decisionDeadlineDays} between 1 and 90`)
	]
);

/** Teams form a tree through parentId; a root team has no parent. */
export const teams = pgTable(
	'teams',
	{
		id: uuid().primaryKey().defaultRandom(),
		name: text().notNull(),
		parentId: uuid().references((): AnyPgColumn => teams.id, { onDelete: 'restrict' }),
		createdAt: createdAt()
	},
	(t) => [
		// Sibling names are unique (also among root teams), so a path like "Plant A/Assembly" is unambiguous.
		unique('teams_parent_name_unique').on(t.parentId, t.name).nullsNotDistinct(),
		check('teams_name_shape', sql`length(trim(${t.name})) > 0 and position('/' in ${t.name}) = 0`),
		check('teams_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
		index('teams_parent_idx').on(t.parentId)
	]
);

export const people = pgTable(
	'people',
	{
		id: uuid().primaryKey().defaultRandom(),
		displayName: text().notNull(),
		// Stored lower-case so uniqueness is case-insensitive.
		email: text().unique(),
		employeeNumber: text().unique(),
		// Null until the person accepts their invitation and sets a password.
		passwordHash: text(),
		homeTeamId: uuid()
			.notNull()
			.references(() => teams.id, { onDelete: 'restrict' }),
		deactivatedAt: timestamp({ withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		// Many shop-floor workers have no company e-mail, so either identifier will do.
		check('people_has_identifier', sql`${t.email} is not null or ${t.employeeNumber} is not null`),
		check('people_email_lower_case', sql`${t.email} = lower(${t.email})`),
		index('people_home_team_idx').on(t.homeTeamId)
	]
);

export const roleEnum = pgEnum('role', ROLES);

export const personRoles = pgTable(
	'person_roles',
	{
		personId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		role: roleEnum().notNull()
	},
	(t) => [primaryKey({ columns: [t.personId, t.role] })]
);

/** Managing a team includes managing every team below it. */
export const teamManagers = pgTable(
	'team_managers',
	{
		teamId: uuid()
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		personId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.teamId, t.personId] }),
		index('team_managers_person_idx').on(t.personId)
	]
);

/** Lucia-style sessions: the cookie holds `id.secret`; only a SHA-256 hash of the secret is stored. */
export const sessions = pgTable(
	'sessions',
	{
		id: text().primaryKey(),
		secretHash: text().notNull(),
		personId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		lastActiveAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sessions_person_idx').on(t.personId)]
);

/** One-time links with which a new person sets their password. Same token shape as sessions. */
export const invitations = pgTable(
	'invitations',
	{
		id: text().primaryKey(),
		secretHash: text().notNull(),
		personId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		createdById: uuid().references(() => people.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		usedAt: timestamp({ withTimezone: true })
	},
	(t) => [index('invitations_person_idx').on(t.personId)]
);

/** Failed sign-in counters, kept in the database so every app server sees the same counts. */
export const signInThrottles = pgTable('sign_in_throttles', {
	// 'account:<identifier>' or 'address:<client address>'
	key: text().primaryKey(),
	failures: integer().notNull(),
	lastFailureAt: timestamp({ withTimezone: true }).notNull(),
	blockedUntil: timestamp({ withTimezone: true })
});

export type OrganisationSettings = typeof organisationSettings.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
