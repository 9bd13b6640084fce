import { type SQL, sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	bigint,
	bigserial,
	check,
	customType,
	date,
	index,
	integer,
	numeric,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { APPROVER_LEVELS } from '../../domain/approval';
import { BENEFIT_TYPES, IDEA_STATUSES, IDEA_VISIBILITIES } from '../../domain/ideas';
import { DEFAULT_GAINSHARING_PERCENT, GAIN_REASONS } from '../../domain/gainsharing';
import { POINT_REASONS } from '../../domain/recognition';
import { ROLES } from '../../domain/roles';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const ideaVisibilityEnum = pgEnum('idea_visibility', IDEA_VISIBILITIES);

/** One row: the organisation this installation serves. */
export const organisationSettings = pgTable(
	'organisation_settings',
	{
		id: smallint().primaryKey().default(1),
		name: text().notNull(),
		decisionDeadlineDays: integer().notNull().default(10),
		timeZone: text().notNull().default('UTC'),
		ideaVisibility: ideaVisibilityEnum().notNull().default('organisation'),
		/** The share of realised savings that accrues to the implementing team's gainsharing pool. */
		gainsharingPercent: integer().notNull().default(DEFAULT_GAINSHARING_PERCENT),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('organisation_settings_single_row', sql`${t.id} = 1`),
		check('organisation_settings_deadline_range', sql`${t.decisionDeadlineDays} between 1 and 90`),
		check('organisation_settings_gainsharing_range', sql`${t.gainsharingPercent} between 0 and 100`)
	]
);

/** Teams form a tree through parentId; a root team has no parent. */
export const teams = pgTable(
	'teams',
	{
		id: uuid().primaryKey().defaultRandom(),
		name: text().notNull(),
		parentId: uuid().references((): AnyPgColumn => teams.id, { onDelete: 'restrict' }),
		/** Team self-approval: null is off; otherwise the team accepts its own ideas costing up to this. */
		selfApprovalCostLimit: numeric({ precision: 14, scale: 2, mode: 'number' }),
		createdAt: createdAt()
	},
	(t) => [
		// Sibling names are unique (also among root teams), so a path like "Plant A/Assembly" is unambiguous.
		unique('teams_parent_name_unique').on(t.parentId, t.name).nullsNotDistinct(),
		check('teams_name_shape', sql`length(trim(${t.name})) > 0 and position('/' in ${t.name}) = 0`),
		check('teams_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
		check(
			'teams_self_approval_limit_non_negative',
			sql`coalesce(${t.selfApprovalCostLimit}, 0) >= 0`
		),
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
		index('people_home_team_idx').on(t.homeTeamId),
		// The administrator's people list: by name, the deactivated last.
		index('people_list_idx').on(sql`(${t.deactivatedAt} is not null)`, t.displayName, t.id)
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

/**
 * One row: a number that changes whenever the team tree or its managers change (triggers on teams
 * and team_managers). App servers keep the hierarchy in memory and reload it only when it moved.
 */
export const hierarchyVersions = pgTable('hierarchy_versions', {
	id: smallint().primaryKey().default(1),
	version: bigint({ mode: 'number' }).notNull()
});

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

export const ideaStatusEnum = pgEnum('idea_status', IDEA_STATUSES);
export const approverLevelEnum = pgEnum('approver_level', APPROVER_LEVELS);

/**
 * The organisation's approval bands by estimated cost. Exactly one band is open-ended (max_cost
 * null); an idea goes to the approver of the first band its cost fits.
 */
export const approvalBands = pgTable(
	'approval_bands',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		maxCost: numeric({ precision: 14, scale: 2, mode: 'number' }),
		approverLevel: approverLevelEnum().notNull()
	},
	(t) => [
		unique('approval_bands_max_cost_unique').on(t.maxCost).nullsNotDistinct(),
		check('approval_bands_max_cost_non_negative', sql`coalesce(${t.maxCost}, 0) >= 0`)
	]
);
export const benefitTypeEnum = pgEnum('benefit_type', BENEFIT_TYPES);

/** PGlite hands bytea back as Uint8Array, postgres.js as Buffer: both become Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value))
});

/** Money in the organisation's currency, two decimals, read as a number. */
const money = () => numeric({ precision: 14, scale: 2, mode: 'number' });

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const ideas = pgTable(
	'ideas',
	{
		id: uuid().primaryKey().defaultRandom(),
		authorId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'restrict' }),
		teamId: uuid()
			.notNull()
			.references(() => teams.id, { onDelete: 'restrict' }),
		title: text().notNull(),
		problem: text().notNull(),
		proposal: text().notNull(),
		benefitType: benefitTypeEnum().notNull(),
		estimatedCost: money(),
		estimatedSavings: money(),
		status: ideaStatusEnum().notNull().default('awaiting_decision'),
		/** From the cost band at submission, and again whenever the estimate or the bands change. */
		approverLevel: approverLevelEnum().notNull().default('own_manager'),
		submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		// The promise: submitted + the organisation's deadline days. Never reset (not even by needs_info).
		decisionDueAt: timestamp({ withTimezone: true }).notNull(),
		decidedAt: timestamp({ withTimezone: true }),
		decidedById: uuid().references(() => people.id, { onDelete: 'set null' }),
		decisionNote: text(),
		/** Accepted by the team's own vote (self-approval); a manager may veto for 48 hours after. */
		selfApprovedAt: timestamp({ withTimezone: true }),
		ownerId: uuid().references(() => people.id, { onDelete: 'set null' }),
		targetDate: date({ mode: 'string' }),
		implementedAt: timestamp({ withTimezone: true }),
		implementationNote: text(),
		realisedSavings: money(),
		closedAt: timestamp({ withTimezone: true }),
		// Counters kept exact by updating them in the same transaction as the vote or comment row.
		voteCount: integer().notNull().default(0),
		commentCount: integer().notNull().default(0),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/**
		 * Where an open idea is routed, kept for the manager queue (see refreshStoredRoutes): the team
		 * whose managers decide it, the team whose managers it escalates to when overdue, and the
		 * hierarchy version both were worked out at (null: not yet, or its band changed since).
		 */
		deciderTeamId: uuid().references(() => teams.id, { onDelete: 'set null' }),
		escalationTeamId: uuid().references(() => teams.id, { onDelete: 'set null' }),
		routedAtVersion: bigint({ mode: 'number' }),
		searchVector: tsvector().generatedAlwaysAs(
			(): SQL =>
				sql`setweight(to_tsvector('simple', coalesce(${ideas.title}, '')), 'A') || setweight(to_tsvector('simple', coalesce(${ideas.problem}, '') || ' ' || coalesce(${ideas.proposal}, '')), 'B')`
		)
	},
	(t) => [
		check('ideas_title_length', sql`length(${t.title}) between 1 and 120`),
		check('ideas_counts_non_negative', sql`${t.voteCount} >= 0 and ${t.commentCount} >= 0`),
		check(
			'ideas_money_non_negative',
			sql`coalesce(${t.estimatedCost}, 0) >= 0 and coalesce(${t.estimatedSavings}, 0) >= 0`
		),
		// Open ideas by team and deadline (HR's backlog, a team's open ideas), without the closed
		// majority.
		index('ideas_open_idx')
			.on(t.teamId, t.decisionDueAt)
			.where(sql`${t.status} in ('awaiting_decision', 'needs_info')`),
		// The queue: open ideas by the team that decides them, and overdue ones by the team they
		// escalate to; and the open ideas whose stored route is missing or older than the hierarchy.
		index('ideas_decider_idx')
			.on(t.deciderTeamId, t.decisionDueAt)
			.where(sql`${t.status} in ('awaiting_decision', 'needs_info')`),
		index('ideas_escalation_idx')
			.on(t.escalationTeamId, t.decisionDueAt)
			.where(sql`${t.status} = 'awaiting_decision'`),
		index('ideas_routed_at_idx')
			.on(t.routedAtVersion.asc().nullsFirst())
			.where(sql`${t.status} in ('awaiting_decision', 'needs_info')`),
		// Accepted ideas waiting to be implemented, soonest target first (the queue's second tab).
		index('ideas_accepted_idx')
			.on(t.targetDate.asc().nullsLast(), t.id)
			.where(sql`${t.status} = 'accepted'`),
		// The same ideas by team, soonest target first: how many wait in a manager's teams, and the
		// first of them, from the index alone (a big subtree's first page: 157 ms → 7 ms at 3 M).
		index('ideas_accepted_team_target_idx')
			.on(t.teamId, t.targetDate.asc().nullsLast(), t.id)
			.where(sql`${t.status} = 'accepted'`),
		// Ideas a team accepted itself, newest first: the managers' veto list.
		index('ideas_self_approved_idx')
			.on(t.selfApprovedAt)
			.where(sql`${t.selfApprovedAt} is not null`),
		// NULLS FIRST, as ORDER BY … DESC has it, or PostgreSQL cannot read the feed off the index.
		index('ideas_feed_newest_idx').on(t.submittedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
		index('ideas_team_newest_idx').on(
			t.teamId,
			t.submittedAt.desc().nullsFirst(),
			t.id.desc().nullsFirst()
		),
		index('ideas_author_idx').on(t.authorId, t.submittedAt.desc().nullsFirst()),
		// HR's recognition overview: the ideas implemented in one period, counted by team from the
		// index alone (155 ms → 16 ms for a period at 3 M ideas).
		index('ideas_implemented_team_idx')
			.on(t.implementedAt, t.teamId)
			.where(sql`${t.implementedAt} is not null`),
		index('ideas_votes_idx').on(
			t.voteCount.desc().nullsFirst(),
			t.submittedAt.desc().nullsFirst(),
			t.id.desc().nullsFirst()
		),
		index('ideas_search_idx').using('gin', t.searchVector)
	]
);

/** At most one photo per idea, kept apart so listing ideas never drags image bytes along. */
export const ideaPhotos = pgTable('idea_photos', {
	ideaId: uuid()
		.primaryKey()
		.references(() => ideas.id, { onDelete: 'cascade' }),
	contentType: text().notNull(),
	byteSize: integer().notNull(),
	bytes: bytea().notNull(),
	createdAt: createdAt()
});

/** One vote per person per idea: the primary key makes a retried or doubled vote harmless. */
export const votes = pgTable(
	'votes',
	{
		ideaId: uuid()
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		personId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.ideaId, t.personId] }), index('votes_person_idx').on(t.personId)]
);

export const comments = pgTable(
	'comments',
	{
		id: uuid().primaryKey().defaultRandom(),
		ideaId: uuid()
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		authorId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'restrict' }),
		body: text().notNull(),
		createdAt: createdAt()
	},
	(t) => [
		check('comments_body_length', sql`length(${t.body}) between 1 and 1000`),
		index('comments_idea_idx').on(t.ideaId, t.createdAt)
	]
);

/** The audit trail: every status change (and submission and edit) of an idea, never updated. */
export const ideaEvents = pgTable(
	'idea_events',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		ideaId: uuid()
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		actorId: uuid().references(() => people.id, { onDelete: 'set null' }),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		fromStatus: ideaStatusEnum(),
		toStatus: ideaStatusEnum().notNull(),
		note: text()
	},
	(t) => [index('idea_events_idea_idx').on(t.ideaId, t.id)]
);

/** In-app notifications. dedupeKey makes a job that runs twice notify once. */
export const notifications = pgTable(
	'notifications',
	{
		id: uuid().primaryKey().defaultRandom(),
		recipientId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		ideaId: uuid().references(() => ideas.id, { onDelete: 'cascade' }),
		kind: text().notNull(),
		title: text().notNull(),
		body: text().notNull(),
		dedupeKey: text().unique(),
		createdAt: createdAt(),
		readAt: timestamp({ withTimezone: true })
	},
	(t) => [
		index('notifications_recipient_idx').on(t.recipientId, t.createdAt.desc()),
		// Every page's bell counts the unread: from the unread alone, whatever a person's history
		// (by the recipient index it read every notification they ever had: 169 pages for a manager).
		index('notifications_unread_idx')
			.on(t.recipientId)
			.where(sql`${t.readAt} is null`)
	]
);

/**
 * E-mail outbox: written in the transaction that causes the message, sent later by the mailer.
 * Without SMTP the rows stay here, readable by administrators; nothing is dropped.
 */
export const emailOutbox = pgTable(
	'email_outbox',
	{
		id: uuid().primaryKey().defaultRandom(),
		recipientId: uuid().references(() => people.id, { onDelete: 'set null' }),
		toAddress: text().notNull(),
		subject: text().notNull(),
		body: text().notNull(),
		dedupeKey: text().unique(),
		createdAt: createdAt(),
		attempts: integer().notNull().default(0),
		nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lastError: text(),
		sentAt: timestamp({ withTimezone: true })
	},
	(t) => [
		index('email_outbox_pending_idx')
			.on(t.nextAttemptAt)
			.where(sql`${t.sentAt} is null`)
	]
);

/*
 * Rollups for HR's insights, maintained in the same transaction as the change they count, so the
 * dashboard never aggregates the ideas table. Days and weeks are local to the organisation's time
 * zone; `npm run rollups:rebuild` recomputes everything from the raw tables.
 */

/** Per team and local day. Each counter belongs to the day of its own event (see rollups.ts). */
export const teamDailyStats = pgTable(
	'team_daily_stats',
	{
		teamId: uuid()
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		day: date({ mode: 'string' }).notNull(),
		submitted: integer().notNull().default(0),
		decided: integer().notNull().default(0),
		accepted: integer().notNull().default(0),
		implemented: integer().notNull().default(0),
		/** Ideas whose decision deadline falls on this day… */
		due: integer().notNull().default(0),
		/** …and how many of them were decided by it. */
		dueMet: integer().notNull().default(0),
		/** Votes and comments on the ideas submitted this day. */
		votes: integer().notNull().default(0),
		comments: integer().notNull().default(0),
		realisedSavings: numeric({ precision: 16, scale: 2, mode: 'number' }).notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.teamId, t.day] }), index('team_daily_stats_day_idx').on(t.day)]
);

/** Submissions per team, local day and main benefit: the mix of what people improve. */
export const teamDailyBenefits = pgTable(
	'team_daily_benefits',
	{
		teamId: uuid()
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		day: date({ mode: 'string' }).notNull(),
		benefitType: benefitTypeEnum().notNull(),
		submitted: integer().notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.teamId, t.day, t.benefitType] }),
		index('team_daily_benefits_day_idx').on(t.day)
	]
);

/** Decision times as a histogram of half-day buckets per team and week of the decision. */
export const teamWeeklyDecisionTimes = pgTable(
	'team_weekly_decision_times',
	{
		teamId: uuid()
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		weekStart: date({ mode: 'string' }).notNull(),
		/** floor(hours / 12), capped: bucket 120 holds everything from 60 days on. */
		bucket: smallint().notNull(),
		decisions: integer().notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.teamId, t.weekStart, t.bucket] }),
		index('team_weekly_decision_times_week_idx').on(t.weekStart)
	]
);

/** Who submitted at least one idea, per team and week: distinct participants without the ideas. */
export const teamWeeklySubmitters = pgTable(
	'team_weekly_submitters',
	{
		teamId: uuid()
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		weekStart: date({ mode: 'string' }).notNull(),
		personId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.teamId, t.weekStart, t.personId] }),
		index('team_weekly_submitters_week_idx').on(t.weekStart)
	]
);

export const pointReasonEnum = pgEnum('point_reason', POINT_REASONS);

/**
 * Recognition points: an append-only ledger (a trigger refuses UPDATE and DELETE), never a counter.
 * A person's points are the sum of their entries; a correction is a new entry.
 */
export const pointEntries = pgTable(
	'point_entries',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		personId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'restrict' }),
		ideaId: uuid().references(() => ideas.id, { onDelete: 'restrict' }),
		reason: pointReasonEnum().notNull(),
		points: integer().notNull(),
		note: text(),
		createdAt: createdAt()
	},
	(t) => [
		index('point_entries_person_idx').on(t.personId, t.createdAt),
		// HR's recognition overview: one period's points across the organisation.
		index('point_entries_created_idx').on(t.createdAt),
		// An idea earns each kind of points once (corrections aside).
		uniqueIndex('point_entries_idea_reason_idx')
			.on(t.ideaId, t.reason)
			.where(sql`${t.reason} <> 'correction'`)
	]
);

export const gainReasonEnum = pgEnum('gain_reason', GAIN_REASONS);

/**
 * Gainsharing: what implemented ideas earn their team, per four-week period. Append-only like the
 * points ledger (the same trigger refuses changes); corrections are new entries.
 */
export const gainsharingEntries = pgTable(
	'gainsharing_entries',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		teamId: uuid()
			.notNull()
			.references(() => teams.id, { onDelete: 'restrict' }),
		periodStart: date({ mode: 'string' }).notNull(),
		ideaId: uuid().references(() => ideas.id, { onDelete: 'restrict' }),
		reason: gainReasonEnum().notNull(),
		amount: numeric({ precision: 14, scale: 2, mode: 'number' }).notNull(),
		note: text(),
		createdAt: createdAt()
	},
	(t) => [
		index('gainsharing_team_period_idx').on(t.teamId, t.periodStart),
		index('gainsharing_period_idx').on(t.periodStart),
		uniqueIndex('gainsharing_idea_idx')
			.on(t.ideaId)
			.where(sql`${t.reason} = 'implementation'`)
	]
);

/** A manager's short thank-you to an idea's author. */
export const thanks = pgTable(
	'thanks',
	{
		id: uuid().primaryKey().defaultRandom(),
		ideaId: uuid()
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		fromPersonId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'restrict' }),
		toPersonId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'restrict' }),
		message: text().notNull(),
		createdAt: createdAt()
	},
	(t) => [
		check('thanks_message_length', sql`length(${t.message}) between 1 and 280`),
		index('thanks_to_idx').on(t.toPersonId, t.createdAt),
		// HR's recognition overview: the thanks of one period, by whom they went to.
		index('thanks_created_idx').on(t.createdAt, t.toPersonId)
	]
);

export type Idea = typeof ideas.$inferSelect;
export type IdeaEvent = typeof ideaEvents.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type OutboxEmail = typeof emailOutbox.$inferSelect;
export type OrganisationSettings = typeof organisationSettings.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type ApprovalBandRow = typeof approvalBands.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
