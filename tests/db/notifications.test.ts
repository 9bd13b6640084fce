import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/lib/server/db';
import {
	emailOutbox,
	ideas,
	notifications,
	organisationSettings
} from '../../src/lib/server/db/schema';
import { runDeadlineJob } from '../../src/lib/server/notify/deadline-job';
import { listNotifications, markAllRead, markRead } from '../../src/lib/server/notify/in-app';
import {
	deliverPendingEmails,
	retryDelayMs,
	type MailTransport,
	type OutgoingMail
} from '../../src/lib/server/notify/mailer';
import { notify } from '../../src/lib/server/notify/notify';
import { readPageFrame } from '../../src/lib/server/page-frame';
import { countOutboxByStatus, listOutbox } from '../../src/lib/server/notify/outbox';
import { useTestDatabase } from './support/database';
import { makePerson, makeTeam } from './support/factories';

useTestDatabase();

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

beforeEach(() => {
	vi.stubEnv('ORIGIN', 'https://ideas.example.com');
	vi.stubEnv('SMTP_URL', '');
	vi.stubEnv('MAIL_FROM', '');
});

afterEach(() => {
	vi.unstubAllEnvs();
});

/** An idea row written directly, with only what the notification code reads. */
async function makeIdea(options: {
	authorId: string;
	teamId: string;
	title?: string;
	decisionDueAt: Date;
	status?: 'awaiting_decision' | 'accepted';
}) {
	const [idea] = await db
		.insert(ideas)
		.values({
			authorId: options.authorId,
			teamId: options.teamId,
			title: options.title ?? 'Label the spare parts shelf',
			problem: 'Parts are hard to find.',
			proposal: 'Put labels on every bin.',
			benefitType: 'time',
			status: options.status ?? 'awaiting_decision',
			submittedAt: new Date(options.decisionDueAt.getTime() - 10 * DAY_MS),
			decisionDueAt: options.decisionDueAt
		})
		.returning();
	return idea;
}

const allNotifications = () =>
	db.select().from(notifications).orderBy(asc(notifications.createdAt), asc(notifications.kind));
/** The bell's badge, as every page's frame reads it. */
const unread = async (personId: string) => (await readPageFrame(personId)).unreadCount;
const allEmails = () => db.select().from(emailOutbox).orderBy(asc(emailOutbox.createdAt));

describe('notify', () => {
	it('notifies each active recipient once; e-mail only to those with an address', async () => {
		const team = await makeTeam();
		const withEmail = await makePerson({ teamId: team.id, email: 'rina@example.com' });
		const withoutEmail = await makePerson({ teamId: team.id, email: null, employeeNumber: 'E7' });
		const gone = await makePerson({ teamId: team.id, deactivatedAt: new Date() });
		const idea = await makeIdea({
			authorId: withEmail.id,
			teamId: team.id,
			decisionDueAt: new Date()
		});
		const message = {
			recipientIds: [withEmail.id, withEmail.id, withoutEmail.id, gone.id],
			ideaId: idea.id,
			kind: 'idea_decided',
			title: 'Accepted: Label the spare parts shelf',
			body: 'Thank you. Ken will do it by Friday.',
			link: `/ideas/${idea.id}`,
			dedupeKey: `decided:${idea.id}`
		};

		expect(await notify(db, message)).toEqual({ inApp: 2, emails: 1 });
		const inApp = await allNotifications();
		expect(inApp.map((row) => row.recipientId).sort()).toEqual(
			[withEmail.id, withoutEmail.id].sort()
		);
		expect(inApp.find((row) => row.recipientId === withEmail.id)?.dedupeKey).toBe(
			`decided:${idea.id}:${withEmail.id}`
		);
		const [email] = await allEmails();
		expect(email).toMatchObject({
			recipientId: withEmail.id,
			toAddress: 'rina@example.com',
			subject: 'Accepted: Label the spare parts shelf',
			attempts: 0,
			sentAt: null
		});
		expect(email.body).toContain('Thank you. Ken will do it by Friday.');
		expect(email.body).toContain(`https://ideas.example.com/ideas/${idea.id}`);

		// The same message again (a retried request, a second job run) adds nothing.
		expect(await notify(db, message)).toEqual({ inApp: 0, emails: 0 });
		expect(await allNotifications()).toHaveLength(2);
		expect(await allEmails()).toHaveLength(1);
	});

	it('without a dedupe key, every call is a new message', async () => {
		const person = await makePerson();
		const message = { recipientIds: [person.id], kind: 'note', title: 'Hello', body: 'Twice.' };
		await notify(db, message);
		await notify(db, message);
		expect(await allNotifications()).toHaveLength(2);
		expect(await allEmails()).toHaveLength(2);
	});

	it('sends nothing for a change that is rolled back', async () => {
		const person = await makePerson();
		await expect(
			db.transaction(async (tx) => {
				await notify(tx, { recipientIds: [person.id], kind: 'note', title: 'Hi', body: 'Hi.' });
				throw new Error('the decision failed');
			})
		).rejects.toThrow('the decision failed');
		expect(await allNotifications()).toHaveLength(0);
		expect(await allEmails()).toHaveLength(0);
	});

	it('keeps an in-app-only message out of the outbox', async () => {
		const person = await makePerson();
		const result = await notify(db, {
			recipientIds: [person.id],
			kind: 'idea_overdue',
			title: 'Overdue',
			body: 'Overdue.',
			inAppOnly: true
		});
		expect(result).toEqual({ inApp: 1, emails: 0 });
		expect(await allEmails()).toHaveLength(0);
	});
});

describe('in-app notifications', () => {
	it('counts, lists newest first and marks read only the reader’s own', async () => {
		const reader = await makePerson();
		const other = await makePerson();
		const idea = await makeIdea({
			authorId: reader.id,
			teamId: reader.homeTeamId,
			decisionDueAt: new Date()
		});
		const base = Date.parse('2026-03-02T09:00:00Z');
		const send = (recipientId: string, title: string, minutes: number, extra = {}) =>
			notify(
				db,
				{ recipientIds: [recipientId], kind: 'note', title, body: '…', ...extra },
				new Date(base + minutes * MINUTE_MS)
			);
		await send(reader.id, 'First', 0, { ideaId: idea.id });
		await send(reader.id, 'Second', 1, { kind: 'deadline_digest' });
		await send(reader.id, 'Third', 2);
		await send(other.id, 'Not yours', 3);

		expect(await unread(reader.id)).toBe(3);
		const list = await listNotifications(reader.id);
		expect(list.map((item) => item.title)).toEqual(['Third', 'Second', 'First']);
		expect(list.map((item) => item.href)).toEqual([null, '/queue', `/ideas/${idea.id}`]);
		expect(await listNotifications(reader.id, { limit: 1 })).toHaveLength(1);

		const [theirs] = await listNotifications(other.id);
		expect(await markRead(reader.id, theirs.id)).toBe(false);
		expect(await unread(other.id)).toBe(1);
		expect(await markRead(reader.id, 'not-a-uuid')).toBe(false);

		expect(await markRead(reader.id, list[0].id)).toBe(true);
		expect(await markRead(reader.id, list[0].id)).toBe(false); // already read
		expect(await unread(reader.id)).toBe(2);
		expect((await listNotifications(reader.id))[0].readAt).toBeInstanceOf(Date);

		expect(await markAllRead(reader.id)).toBe(2);
		expect(await unread(reader.id)).toBe(0);
		expect(await unread(other.id)).toBe(1);
	});
});

describe('deadline job', () => {
	// 10:00 in Tokyo on 10 March 2026: inside the working day, so the digest goes out.
	const now = new Date('2026-03-10T01:00:00Z');

	/** Plant (managed by Kenji) above Line 2 (managed by Aiko), with ideas in every deadline state. */
	async function buildPlant() {
		await db.insert(organisationSettings).values({ name: 'Hanami', timeZone: 'Asia/Tokyo' });
		const plant = await makeTeam('Plant');
		const line = await makeTeam('Line 2', plant.id);
		const kenji = await makePerson({ teamId: plant.id, roles: ['manager'], manages: [plant.id] });
		const aiko = await makePerson({ teamId: line.id, roles: ['manager'], manages: [line.id] });
		const author = await makePerson({ teamId: line.id });
		const at = (ms: number) => new Date(now.getTime() + ms);
		const idea = (title: string, decisionDueAt: Date, status?: 'accepted') =>
			makeIdea({ authorId: author.id, teamId: line.id, title, decisionDueAt, status });
		return {
			kenji,
			aiko,
			author,
			line,
			dueSoon: await idea('Due soon', at(24 * HOUR_MS)),
			overdue: await idea('Overdue', at(-HOUR_MS)),
			onTrack: await idea('On track', at(5 * DAY_MS)),
			decided: await idea('Decided late', at(-2 * DAY_MS), 'accepted')
		};
	}

	const kindsOf = async (recipientId: string) =>
		(await db.select().from(notifications).where(eq(notifications.recipientId, recipientId)))
			.map((row) => `${row.kind}:${row.ideaId ?? '-'}`)
			.sort();

	it('reminds deciders, escalates overdue ideas to the next manager up, and digests', async () => {
		const plant = await buildPlant();

		expect(await runDeadlineJob(now)).toEqual({
			ran: true,
			reminders: 1,
			escalations: 1,
			digests: 1
		});

		expect(await kindsOf(plant.aiko.id)).toEqual(
			[
				`decision_reminder:${plant.dueSoon.id}`,
				`idea_overdue:${plant.overdue.id}`,
				'deadline_digest:-'
			].sort()
		);
		expect(await kindsOf(plant.kenji.id)).toEqual([`idea_escalated:${plant.overdue.id}`]);
		expect(await kindsOf(plant.author.id)).toEqual([]);

		// E-mail: Aiko's reminder and digest (the overdue note is in-app), Kenji's escalation.
		const emails = await allEmails();
		const to = (personId: string) => emails.filter((email) => email.recipientId === personId);
		expect(
			to(plant.aiko.id)
				.map((email) => email.subject)
				.sort()
		).toEqual(['2 ideas need your decision', 'Decision due soon: Due soon']);
		const [escalation] = to(plant.kenji.id);
		expect(escalation.subject).toBe('Overdue, now in your queue: Overdue');
		expect(escalation.body).toContain(`https://ideas.example.com/ideas/${plant.overdue.id}`);
		expect(escalation.dedupeKey).toBe(`escalation:${plant.overdue.id}:${plant.kenji.id}`);

		const digest = to(plant.aiko.id).find((email) => email.subject.endsWith('your decision'))!;
		expect(digest.dedupeKey).toBe(`digest:2026-03-10:${plant.aiko.id}`);
		expect(digest.body).toContain('Overdue: 1\nDue within 48 hours: 1');
		expect(digest.body).toContain('- Overdue (Line 2): Overdue');
		expect(digest.body).toContain('- Due soon (Line 2): Due tomorrow');
		expect(digest.body).not.toContain('On track');
		expect(digest.body).not.toContain('Decided late');
		expect(digest.body).toContain('https://ideas.example.com/queue');
	});

	it('sends each message once when it runs twice, one after the other or at once', async () => {
		await buildPlant();
		await runDeadlineJob(now);
		const inAppCount = (await allNotifications()).length;
		const emailCount = (await allEmails()).length;
		expect([inAppCount, emailCount]).toEqual([4, 3]);

		expect(await runDeadlineJob(now)).toEqual({
			ran: true,
			reminders: 0,
			escalations: 0,
			digests: 0
		});
		expect(await allNotifications()).toHaveLength(inAppCount);
		expect(await allEmails()).toHaveLength(emailCount);
	});

	it('sends each message once when two instances run it at the same moment', async () => {
		await buildPlant();
		const results = await Promise.all([runDeadlineJob(now), runDeadlineJob(now)]);

		expect(results.some((result) => result.ran)).toBe(true);
		const total = (key: 'reminders' | 'escalations' | 'digests') =>
			results.reduce((sum, result) => sum + result[key], 0);
		expect([total('reminders'), total('escalations'), total('digests')]).toEqual([1, 1, 1]);
		expect(await allNotifications()).toHaveLength(4);
		expect(await allEmails()).toHaveLength(3);
	});

	it('digests once per local day, from 07:00 in the organisation’s time zone', async () => {
		const plant = await buildPlant();
		await runDeadlineJob(now);

		// 06:00 on 11 March in Tokyo (still 10 March in UTC): the due-soon idea is not overdue yet,
		// and it is too early for the next digest.
		const beforeWork = new Date('2026-03-10T21:00:00Z');
		expect(await runDeadlineJob(beforeWork)).toMatchObject({ escalations: 0, digests: 0 });

		// 07:00 in Tokyo: a new local day's digest, keyed by the Tokyo date.
		const startOfWork = new Date('2026-03-10T22:00:00Z');
		expect(await runDeadlineJob(startOfWork)).toMatchObject({ reminders: 0, digests: 1 });
		const digestKeys = (await allEmails())
			.filter((email) => email.dedupeKey?.startsWith('digest:'))
			.map((email) => email.dedupeKey);
		expect(digestKeys).toEqual([
			`digest:2026-03-10:${plant.aiko.id}`,
			`digest:2026-03-11:${plant.aiko.id}`
		]);

		// A day later the due-soon idea has passed its deadline: it escalates, once.
		expect(await runDeadlineJob(new Date(now.getTime() + DAY_MS))).toMatchObject({
			escalations: 1,
			digests: 0
		});
		expect(await kindsOf(plant.kenji.id)).toEqual(
			[`idea_escalated:${plant.overdue.id}`, `idea_escalated:${plant.dueSoon.id}`].sort()
		);
	});

	it('lists at most ten titles in a digest', async () => {
		const plant = await buildPlant();
		for (let n = 1; n <= 10; n++) {
			await makeIdea({
				authorId: plant.author.id,
				teamId: plant.line.id,
				title: `Extra ${n}`,
				decisionDueAt: new Date(now.getTime() + 40 * HOUR_MS)
			});
		}
		await runDeadlineJob(now);
		const [digest] = (await allEmails()).filter((email) => email.dedupeKey?.startsWith('digest:'));
		expect(digest.subject).toBe('12 ideas need your decision');
		expect(digest.body).toContain('Overdue: 1\nDue within 48 hours: 11');
		expect(digest.body.match(/^- /gm)).toHaveLength(10);
		expect(digest.body).toContain('…and 2 more in your queue.');
	});

	it('notifies nobody in a database without urgent ideas', async () => {
		const team = await makeTeam();
		const manager = await makePerson({ teamId: team.id, manages: [team.id] });
		await makeIdea({
			authorId: manager.id,
			teamId: team.id,
			decisionDueAt: new Date(now.getTime() + 3 * DAY_MS)
		});
		expect(await runDeadlineJob(now)).toEqual({
			ran: true,
			reminders: 0,
			escalations: 0,
			digests: 0
		});
		expect(await allNotifications()).toHaveLength(0);
	});
});

describe('mailer', () => {
	const start = new Date('2026-03-02T09:00:00Z');
	const later = (ms: number) => new Date(start.getTime() + ms);

	/** A transport that fails the first `failures` sends, then accepts everything. */
	function fakeTransport(failures = 0, error = new Error('421 Service not available')) {
		const sent: OutgoingMail[] = [];
		let failuresLeft = failures;
		const transport: MailTransport = {
			sendMail: async (message) => {
				if (failuresLeft-- > 0) throw error;
				sent.push(message);
			}
		};
		return { transport, sent };
	}

	async function queueEmails(count: number) {
		const person = await makePerson({ email: 'rina@example.com' });
		for (let n = 1; n <= count; n++) {
			// One second apart, all due by `start`, so "newest first" has one answer.
			const createdAt = new Date(start.getTime() - (count - n + 1) * 1000);
			await notify(
				db,
				{ recipientIds: [person.id], kind: 'note', title: `Message ${n}`, body: `Body ${n}` },
				createdAt
			);
		}
		return person;
	}

	it('retries a failed send after a growing wait, then records it sent', async () => {
		await queueEmails(1);
		const { transport, sent } = fakeTransport(2);

		expect(await deliverPendingEmails(start, transport)).toEqual({ sent: 0, failed: 1 });
		let [email] = await allEmails();
		expect(email).toMatchObject({
			attempts: 1,
			lastError: '421 Service not available',
			sentAt: null,
			nextAttemptAt: later(MINUTE_MS)
		});
		expect((await listOutbox({ status: 'failed' })).map((row) => row.status)).toEqual(['failed']);

		// Not due yet: left alone.
		expect(await deliverPendingEmails(later(30_000), transport)).toEqual({ sent: 0, failed: 0 });

		expect(await deliverPendingEmails(later(MINUTE_MS), transport)).toEqual({
			sent: 0,
			failed: 1
		});
		[email] = await allEmails();
		expect(email).toMatchObject({ attempts: 2, nextAttemptAt: later(3 * MINUTE_MS) });

		expect(await deliverPendingEmails(later(3 * MINUTE_MS), transport)).toEqual({
			sent: 1,
			failed: 0
		});
		[email] = await allEmails();
		expect(email.sentAt).toEqual(later(3 * MINUTE_MS));
		expect(sent).toEqual([
			{
				from: 'Teian <teian@localhost>',
				to: 'rina@example.com',
				subject: 'Message 1',
				text: email.body
			}
		]);
		expect((await listOutbox({ status: 'sent' })).map((row) => row.status)).toEqual(['sent']);

		// Sent is final: a later run sends nothing again.
		expect(await deliverPendingEmails(later(DAY_MS), transport)).toEqual({ sent: 0, failed: 0 });
		expect(sent).toHaveLength(1);
	});

	it('doubles the wait up to six hours and keeps long errors short', async () => {
		expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1, 2, 4, 8].map((m) => m * MINUTE_MS));
		expect(retryDelayMs(9)).toBe(256 * MINUTE_MS);
		expect(retryDelayMs(10)).toBe(6 * HOUR_MS);
		expect(retryDelayMs(50)).toBe(6 * HOUR_MS);

		await queueEmails(1);
		const { transport } = fakeTransport(1, new Error('x'.repeat(5000)));
		await deliverPendingEmails(start, transport);
		const [email] = await allEmails();
		expect(email.lastError).toHaveLength(500);
	});

	it('sends from MAIL_FROM when it is set', async () => {
		vi.stubEnv('MAIL_FROM', 'Ideas <ideas@example.com>');
		await queueEmails(1);
		const { transport, sent } = fakeTransport();
		await deliverPendingEmails(start, transport);
		expect(sent[0].from).toBe('Ideas <ideas@example.com>');
	});

	it('sends nothing and loses nothing without a transport', async () => {
		await queueEmails(2);
		expect(await deliverPendingEmails(start, null)).toEqual({ sent: 0, failed: 0 });
		// SMTP_URL is empty in these tests, so the default transport is none as well.
		expect(await deliverPendingEmails(later(DAY_MS))).toEqual({ sent: 0, failed: 0 });

		const pending = await listOutbox({ status: 'pending' });
		expect(pending.map((row) => [row.subject, row.status, row.attempts])).toEqual([
			['Message 2', 'pending', 0],
			['Message 1', 'pending', 0]
		]);
		expect(pending[0].body).toContain('Body 2');
		expect(await countOutboxByStatus()).toEqual({ pending: 2, failed: 0, sent: 0 });
	});

	it('sends at most 25 at a time, oldest first', async () => {
		await queueEmails(30);
		const { transport, sent } = fakeTransport();
		expect(await deliverPendingEmails(start, transport)).toEqual({ sent: 25, failed: 0 });
		expect(sent[0].subject).toBe('Message 1');
		expect(await deliverPendingEmails(start, transport)).toEqual({ sent: 5, failed: 0 });
		expect(sent.at(-1)?.subject).toBe('Message 30');
	});

	it('sends each e-mail once when two mailers run at the same moment', async () => {
		await queueEmails(30);
		const { transport, sent } = fakeTransport();

		const results = await Promise.all([
			deliverPendingEmails(start, transport),
			deliverPendingEmails(start, transport)
		]);
		// How the 30 split between the two depends on timing; that none is sent twice does not.
		expect(results.every((result) => result.sent <= 25)).toBe(true);
		expect(results[0].sent + results[1].sent).toBe(30);
		expect(sent).toHaveLength(30);
		expect(new Set(sent.map((message) => message.subject)).size).toBe(30);
		expect(await countOutboxByStatus()).toEqual({ pending: 0, failed: 0, sent: 30 });
	});

	it('filters the outbox by derived status', async () => {
		await queueEmails(3);
		const { transport } = fakeTransport(1);
		// One fails, two are sent in the same batch (oldest first).
		await deliverPendingEmails(start, transport);
		await notify(
			db,
			{
				recipientIds: [(await makePerson()).id],
				kind: 'note',
				title: 'Waiting',
				body: 'Not yet tried.'
			},
			later(MINUTE_MS)
		);

		expect(await countOutboxByStatus()).toEqual({ pending: 1, failed: 1, sent: 2 });
		expect(await listOutbox({ status: 'all' })).toHaveLength(4);
		expect((await listOutbox({ status: 'pending' })).map((row) => row.subject)).toEqual([
			'Waiting'
		]);
		expect(await listOutbox({ status: 'sent', limit: 1 })).toHaveLength(1);
	});
});
