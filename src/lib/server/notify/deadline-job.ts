import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { deadlineState, formatDueDate, localDate, wallClockAt } from '../../domain/deadline';
import { db, selectRows, type Transaction } from '../db';
import { ideas, teams } from '../db/schema';
import { getOrganisationSettings } from '../org/settings';
import { loadHierarchy, routeIdea } from '../ideas/routing';
import { notify } from './notify';

// Any constant shared by every app server (distinct from the other advisory locks in Teian).
const DEADLINE_JOB_LOCK_ID = 7_310_402;
const HOUR_MS = 60 * 60 * 1000;
/** Reminders go out, and the digest counts an idea as due soon, this long before its deadline. */
const DUE_SOON_MS = 48 * HOUR_MS;
/** The digest waits for the working day: it goes out on the first run at or after this local hour. */
const DIGEST_LOCAL_HOUR = 7;
const DIGEST_TITLE_LIMIT = 10;

export interface DeadlineJobResult {
	/** false: another app server held the lock, so this run did nothing. */
	ran: boolean;
	/** Ideas whose deciders were newly reminded… */
	reminders: number;
	/** …ideas newly escalated to the next manager up… */
	escalations: number;
	/** …and managers who newly got today's digest. */
	digests: number;
}

/** An awaiting idea that is overdue or due within 48 hours, with who decides it and who is next up. */
interface UrgentIdea {
	id: string;
	title: string;
	teamName: string;
	decisionDueAt: Date;
	isOverdue: boolean;
	deciders: string[];
	escalation: string[];
}

/**
 * The periodic deadline sweep: reminds deciders of ideas due within 48 hours, escalates overdue
 * ideas to the next manager up, and sends each manager one digest a day. Every app server may run
 * it: an advisory lock lets one run at a time and dedupe keys make each message go out once.
 */
export async function runDeadlineJob(now = new Date()): Promise<DeadlineJobResult> {
	return db.transaction(async (tx) => {
		if (!(await tryLockDeadlineJob(tx))) {
			return { ran: false, reminders: 0, escalations: 0, digests: 0 };
		}
		const { timeZone } = await getOrganisationSettings(tx);
		const urgent = await listUrgentIdeas(tx, now);
		let reminders = 0;
		let escalations = 0;
		for (const idea of urgent) {
			if (idea.isOverdue) escalations += Number(await escalateIdea(tx, idea, timeZone, now));
			else reminders += Number(await remindDeciders(tx, idea, timeZone, now));
		}
		const digests = await sendDigests(tx, urgent, timeZone, now);
		return { ran: true, reminders, escalations, digests };
	});
}

/** Held until the transaction ends; never waits, so a busy lock means "someone else is on it". */
async function tryLockDeadlineJob(tx: Transaction): Promise<boolean> {
	const [row] = await selectRows<{ acquired: boolean }>(
		tx,
		sql`select pg_try_advisory_xact_lock(${DEADLINE_JOB_LOCK_ID}) as acquired`
	);
	return row?.acquired === true;
}

async function listUrgentIdeas(tx: Transaction, now: Date): Promise<UrgentIdea[]> {
	const [hierarchy, rows] = await Promise.all([
		loadHierarchy(tx),
		tx
			.select({
				id: ideas.id,
				title: ideas.title,
				teamId: ideas.teamId,
				authorId: ideas.authorId,
				approverLevel: ideas.approverLevel,
				teamName: teams.name,
				decisionDueAt: ideas.decisionDueAt
			})
			.from(ideas)
			.innerJoin(teams, eq(teams.id, ideas.teamId))
			.where(
				and(
					eq(ideas.status, 'awaiting_decision'),
					lte(ideas.decisionDueAt, new Date(now.getTime() + DUE_SOON_MS))
				)
			)
			.orderBy(asc(ideas.decisionDueAt), asc(ideas.id))
	]);
	return rows.map(({ teamId, authorId, approverLevel, ...idea }) => {
		const { deciders, escalation } = routeIdea(hierarchy, { teamId, authorId, approverLevel });
		// As in the queue's badges: at the deadline itself an idea is overdue.
		return {
			...idea,
			isOverdue: idea.decisionDueAt.getTime() <= now.getTime(),
			deciders,
			escalation
		};
	});
}

/** Returns whether any decider got the reminder for the first time. */
async function remindDeciders(
	tx: Transaction,
	idea: UrgentIdea,
	timeZone: string,
	now: Date
): Promise<boolean> {
	const { label } = deadlineState(idea.decisionDueAt, now, timeZone);
	const sent = await notify(
		tx,
		{
			recipientIds: idea.deciders,
			ideaId: idea.id,
			kind: 'decision_reminder',
			title: `Decision due soon: ${idea.title}`,
			body: `“${idea.title}” from ${idea.teamName} is waiting for your decision. ${label}: its author was promised an answer by ${formatDueDate(idea.decisionDueAt, timeZone)}.`,
			link: `/ideas/${idea.id}`,
			dedupeKey: `reminder:${idea.id}`
		},
		now
	);
	return sent.inApp > 0;
}

/**
 * Tells the next manager up (in-app and by e-mail) and leaves the deciders an in-app note; they
 * hear by e-mail in their daily digest. Returns whether anyone was told for the first time.
 */
async function escalateIdea(
	tx: Transaction,
	idea: UrgentIdea,
	timeZone: string,
	now: Date
): Promise<boolean> {
	const dueDate = formatDueDate(idea.decisionDueAt, timeZone);
	const link = `/ideas/${idea.id}`;
	const escalated = await notify(
		tx,
		{
			recipientIds: idea.escalation,
			ideaId: idea.id,
			kind: 'idea_escalated',
			title: `Overdue, now in your queue: ${idea.title}`,
			body: `“${idea.title}” from ${idea.teamName} passed its decision date (${dueDate}) without a decision. As the next manager up you now see it in your queue: decide it, or ask its team’s managers to.`,
			link,
			dedupeKey: `escalation:${idea.id}`
		},
		now
	);
	const noted = await notify(
		tx,
		{
			recipientIds: idea.deciders,
			ideaId: idea.id,
			kind: 'idea_overdue',
			title: `Overdue: ${idea.title}`,
			body:
				`“${idea.title}” passed its decision date (${dueDate}) without a decision.` +
				(idea.escalation.length > 0 ? ' It now also shows in the next manager’s queue.' : ''),
			link,
			dedupeKey: `overdue:${idea.id}`,
			inAppOnly: true
		},
		now
	);
	return escalated.inApp + noted.inApp > 0;
}

/**
 * One message a day per manager with overdue or soon-due ideas to decide. Returns how many managers
 * got today's digest for the first time.
 */
async function sendDigests(
	tx: Transaction,
	urgent: UrgentIdea[],
	timeZone: string,
	now: Date
): Promise<number> {
	if (wallClockAt(now, timeZone).hour < DIGEST_LOCAL_HOUR) return 0;
	const today = localDate(now, timeZone);
	let digests = 0;
	for (const [managerId, managerIdeas] of groupByDecider(urgent)) {
		const sent = await notify(
			tx,
			{
				recipientIds: [managerId],
				kind: 'deadline_digest',
				...composeDigest(managerIdeas, timeZone, now),
				link: '/queue',
				dedupeKey: `digest:${today}`
			},
			now
		);
		digests += Number(sent.inApp > 0);
	}
	return digests;
}

function groupByDecider(urgent: UrgentIdea[]): Map<string, UrgentIdea[]> {
	const byDecider = new Map<string, UrgentIdea[]>();
	for (const idea of urgent) {
		for (const deciderId of idea.deciders) {
			byDecider.set(deciderId, [...(byDecider.get(deciderId) ?? []), idea]);
		}
	}
	return byDecider;
}

/** The digest's words: counts first, then the titles, most urgent first (urgent is sorted by due date). */
function composeDigest(
	managerIdeas: UrgentIdea[],
	timeZone: string,
	now: Date
): { title: string; body: string } {
	const overdue = managerIdeas.filter((idea) => idea.isOverdue).length;
	const dueSoon = managerIdeas.length - overdue;
	const total = managerIdeas.length;
	const lines = managerIdeas
		.slice(0, DIGEST_TITLE_LIMIT)
		.map(
			(idea) =>
				`- ${idea.title} (${idea.teamName}): ${deadlineState(idea.decisionDueAt, now, timeZone).label}`
		);
	if (total > DIGEST_TITLE_LIMIT) {
		lines.push(`…and ${total - DIGEST_TITLE_LIMIT} more in your queue.`);
	}
	return {
		title: `${total} ${total === 1 ? 'idea needs' : 'ideas need'} your decision`,
		body: [`Overdue: ${overdue}`, `Due within 48 hours: ${dueSoon}`, '', ...lines].join('\n')
	};
}
