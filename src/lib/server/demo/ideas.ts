import { bandFor, describeTeamVote, type ApprovalBand } from '../../domain/approval';
import { decisionDueAt } from '../../domain/deadline';
import type { BenefitType, IdeaStatus } from '../../domain/ideas';
import type { DatabaseOrTransaction } from '../db';
import { AUTHOR_MESSAGES } from '../ideas/decide';
import { notify } from '../notify/notify';
import { comments, ideaEvents, ideaPhotos, ideas, thanks, votes } from '../db/schema';
import { accrueGainsharing } from '../recognition/gainsharing';
import { awardPoints } from '../recognition/points';

/** A small drawing of a tool shadow board, so the demo shows an idea with a photo. */
const SHADOW_BOARD_PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAGAAAABACAIAAABqVuVZAAABiElEQVR42u3Zt27DUAyFYT5Y5sx521Q3SbYkF9nqci8pz5EtIxmQMWICB/jHu5xv5KWvyw4xEQgEoM/zFjEBSAL6OG0QE70f14gJQBLQ5dAhJgBJQOd9i5jotGsQE4AkoOO2RkwAkoAOm0rd3f2Diywbab8u1XkBsmwEkAS06wp1XoAsG28IKEmKn24IaNvm6rwAWTbSplmp+9vB1wOybASQBLSul+r+F+j37y0bASQBdVWmzguQZSO15UKdFyDLRgBJQE0xV+cFyLIRQBJQnc/UeQGybKRqNVXnBciyEUASULlM1XkBsmwEkARUZIk6L0CWjZQvYnVegCwbASQBreYTdV6ALBsBJAEtZ2N1XoAsGymbRuq8AFk2AkgCWqShOi9He8tGAElA8yRQ5+Xj0LKRZvFInRcgy8YbArpeJqDpZKjOC5BlI4AkoHQ8UOcFyLKRkqiPmAAkAcVhDzEBSAKaBG+IicajV8QEIAkoGr4gJgBJQOHgGTFR0H9CTACSgEa9R8QEIKFvmuNQErdNlXcAAAAASUVORK5CYII=',
	'base64'
);

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

interface DemoIdea {
	title: string;
	problem: string;
	proposal: string;
	benefit: BenefitType;
	author: string;
	team: string;
	/** How long ago it was submitted. */
	ageMs: number;
	status: IdeaStatus;
	decider?: string;
	note?: string;
	owner?: string;
	cost?: number;
	savings?: number;
	realisedSavings?: number;
	voters?: string[];
	comments?: [string, string][];
	hasPhoto?: boolean;
	/** Accepted by the team's own vote (its author and voters, of this many members). */
	teamVoteOf?: number;
}

const DEMO_IDEAS: DemoIdea[] = [
	{
		title: 'Move the torque wrenches next to station 4',
		problem: 'Operators walk 30 m to the tool board several times a shift.',
		proposal: 'Mount a shadow board with the two wrenches at station 4.',
		benefit: 'time',
		author: 'Yuki Ito',
		team: 'Plant Nagoya/Assembly Line 1',
		ageMs: 13 * DAY_MS,
		status: 'awaiting_decision',
		cost: 120,
		savings: 2400,
		hasPhoto: true,
		voters: ['Daichi Mori', 'Rina Hayashi', 'Takeshi Ueda', 'Mei Fujita'],
		comments: [['Daichi Mori', 'Yes please — I count eight trips on a normal shift.']]
	},
	{
		title: 'Anti-slip mats at the line 2 wash station',
		problem: 'The floor at the wash station is wet most of the day; two people slipped last month.',
		proposal: 'Lay anti-slip mats and add a floor drain cover.',
		benefit: 'safety',
		author: 'Mei Fujita',
		team: 'Plant Nagoya/Assembly Line 2',
		ageMs: 10 * DAY_MS - 5 * HOUR_MS,
		status: 'awaiting_decision',
		cost: 450,
		voters: [
			'Sota Kimura',
			'Nana Shimizu',
			'Haruto Abe',
			'Yuki Ito',
			'Emi Nakamura',
			'Kaito Yamada'
		],
		comments: [['Haruto Abe', 'I was one of the two. Please.']]
	},
	{
		title: 'Colour-code the packaging film rolls by width',
		problem: 'Wrong film width is loaded about once a week and a batch is re-wrapped.',
		proposal: 'Put a coloured sticker on each roll core, matching a colour card on the machine.',
		benefit: 'quality',
		author: 'Emi Nakamura',
		team: 'Plant Nagoya/Packaging',
		ageMs: 8 * DAY_MS + 12 * HOUR_MS,
		status: 'awaiting_decision',
		cost: 40,
		savings: 1800,
		voters: ['Ren Ogawa']
	},
	{
		title: 'Pre-heat the line 1 press during the changeover',
		problem: 'After each changeover we wait 12 minutes for the press to reach temperature.',
		proposal: 'Start the pre-heat when the changeover starts, not after.',
		benefit: 'time',
		author: 'Takeshi Ueda',
		team: 'Plant Nagoya/Assembly Line 1',
		ageMs: 2 * DAY_MS,
		status: 'awaiting_decision',
		savings: 5200,
		voters: ['Yuki Ito', 'Rina Hayashi']
	},
	{
		title: 'Label shelf edges with the loss of each product',
		problem: 'We throw away a lot of ripe produce that could be sold at a discount.',
		proposal: 'A small yellow label on the shelf edge for items to mark down first.',
		benefit: 'cost',
		author: 'Luis Ortega',
		team: 'Store Riverside/Produce',
		ageMs: 11 * DAY_MS,
		status: 'awaiting_decision',
		voters: ['Sam Rivera', 'Amara Diallo']
	},
	{
		title: 'Second bread slicer for the morning rush',
		problem: 'Customers queue up to ten minutes for sliced bread between 8 and 9.',
		proposal: 'Buy a second, smaller slicer for the busiest hour.',
		benefit: 'customer',
		author: 'Tom Becker',
		team: 'Store Riverside/Bakery',
		ageMs: 6 * DAY_MS,
		status: 'needs_info',
		decider: 'Marcus Webb',
		note: 'How many loaves do we slice in that hour, roughly? And is there bench space?',
		cost: 1900,
		voters: ['Chloe Martin', 'Noah Fischer']
	},
	{
		title: 'Reusable crates instead of cardboard from the central warehouse',
		problem: 'We flatten and bin about 200 boxes a day.',
		proposal: 'Ask the warehouse to deliver produce in returnable crates.',
		benefit: 'environment',
		author: 'Sam Rivera',
		team: 'Store Riverside/Produce',
		ageMs: 20 * DAY_MS,
		status: 'accepted',
		decider: 'Marcus Webb',
		owner: 'Amara Diallo',
		note: 'Good one. Amara will agree a trial with the warehouse.',
		savings: 3000,
		voters: ['Luis Ortega', 'Amara Diallo', 'Isabel Santos']
	},
	{
		title: 'Magnetic trays for screws at the maintenance bench',
		problem: 'Screws roll off the bench and get lost in the machines.',
		proposal: 'Two magnetic trays per bench.',
		benefit: 'safety',
		author: 'Sakura Inoue',
		team: 'Plant Nagoya/Maintenance',
		ageMs: 40 * DAY_MS,
		status: 'implemented',
		decider: 'Kenji Sato',
		owner: 'Kaito Yamada',
		note: 'Bought four trays; no more screws in the conveyor since.',
		cost: 60,
		realisedSavings: 900,
		voters: ['Kaito Yamada', 'Emi Nakamura'],
		comments: [['Kenji Sato', 'Thank you, Sakura — simple and effective.']]
	},
	{
		title: 'Self-checkout for all customers after 20:00',
		problem: 'Only one till is open in the evening.',
		proposal: 'Close the staffed till after 20:00 and use self-checkout only.',
		benefit: 'cost',
		author: 'Jamal Hughes',
		team: 'Store Riverside/Checkout',
		ageMs: 30 * DAY_MS,
		status: 'rejected',
		decider: 'Marcus Webb',
		note: 'Many of our evening customers are elderly and need the staffed till. Let’s look at staffing instead.'
	},
	{
		title: 'Label the spare-part drawers at line 2',
		problem: 'Finding the right O-ring or fuse means opening every drawer.',
		proposal: 'A printed label with the part numbers on each drawer front.',
		benefit: 'time',
		author: 'Sota Kimura',
		team: 'Plant Nagoya/Assembly Line 2',
		ageMs: 36 * HOUR_MS,
		status: 'accepted',
		owner: 'Sota Kimura',
		cost: 30,
		voters: ['Mei Fujita', 'Nana Shimizu'],
		teamVoteOf: 4
	},
	{
		title: 'Day-old bread basket by the door',
		problem: 'Unsold bread from yesterday goes in the bin at opening time.',
		proposal: 'A basket by the door with yesterday’s loaves at half price until noon.',
		benefit: 'environment',
		author: 'Chloe Martin',
		team: 'Store Riverside/Bakery',
		ageMs: 3 * DAY_MS,
		status: 'awaiting_decision',
		cost: 25,
		savings: 1200,
		comments: [['Noah Fischer', 'We bin a full basket most mornings. Good one.']]
	},
	{
		title: 'Automatic guided cart between the warehouse and line 1',
		problem: 'Two people spend most of each shift pushing parts carts from the warehouse.',
		proposal: 'Lease an automatic guided cart that follows a floor line on a fixed round.',
		benefit: 'time',
		author: 'Daichi Mori',
		team: 'Plant Nagoya/Assembly Line 1',
		ageMs: 4 * DAY_MS,
		status: 'awaiting_decision',
		cost: 18000,
		savings: 42000,
		voters: ['Yuki Ito', 'Takeshi Ueda', 'Rina Hayashi']
	},
	{
		title: 'Share the night-shift handover notes on the tablet',
		problem: 'Handover notes on paper get lost between shifts.',
		proposal: 'A shared note on the line tablet, read at the start of each shift.',
		benefit: 'quality',
		author: 'Rina Hayashi',
		team: 'Plant Nagoya/Assembly Line 1',
		ageMs: 35 * DAY_MS,
		status: 'dropped',
		decider: 'Aiko Tanaka',
		owner: 'Rina Hayashi',
		note: 'The new MES release does this for us from next month.'
	}
];

/** The demo's team votes: the author and the voters, of a team of `teamVoteOf` active members. */
function teamVoteTally(demo: DemoIdea): string {
	const votes = demo.voters?.length ?? 0;
	return describeTeamVote({
		teamName: demo.team.split('/').at(-1)!,
		activeMembers: demo.teamVoteOf ?? votes + 1,
		membersFor: votes + 1,
		isAuthorMember: true
	});
}

/** Ideas in every state for the demo organisation, timed relative to now. */
export async function seedDemoIdeas(
	tx: DatabaseOrTransaction,
	ids: { person: (name: string) => string; team: (path: string) => Promise<string> },
	settings: { decisionDeadlineDays: number; timeZone: string; bands: ApprovalBand[] },
	now: Date
): Promise<void> {
	for (const demo of DEMO_IDEAS) {
		const submittedAt = new Date(now.getTime() - demo.ageMs);
		const dueAt = decisionDueAt(submittedAt, settings.decisionDeadlineDays, settings.timeZone);
		const decidedAt = new Date(submittedAt.getTime() + Math.min(demo.ageMs / 2, 6 * DAY_MS));
		const isDecided = ['accepted', 'rejected', 'implemented', 'dropped'].includes(demo.status);
		const wasAccepted = ['accepted', 'implemented', 'dropped'].includes(demo.status);
		const closedAt = ['rejected', 'implemented', 'dropped'].includes(demo.status) ? now : null;
		const [idea] = await tx
			.insert(ideas)
			.values({
				authorId: ids.person(demo.author),
				teamId: await ids.team(demo.team),
				title: demo.title,
				problem: demo.problem,
				proposal: demo.proposal,
				benefitType: demo.benefit,
				estimatedCost: demo.cost ?? null,
				estimatedSavings: demo.savings ?? null,
				status: demo.status,
				approverLevel: bandFor(settings.bands, demo.cost ?? null).approverLevel,
				submittedAt,
				decisionDueAt: dueAt,
				decidedAt: isDecided ? decidedAt : null,
				decidedById: isDecided && demo.decider ? ids.person(demo.decider) : null,
				decisionNote: demo.teamVoteOf
					? `Accepted by the team: ${teamVoteTally(demo)}.`
					: demo.status === 'implemented'
						? null
						: (demo.note ?? null),
				selfApprovedAt: demo.teamVoteOf ? decidedAt : null,
				ownerId: demo.owner ? ids.person(demo.owner) : null,
				targetDate: wasAccepted
					? new Date(decidedAt.getTime() + 21 * DAY_MS).toISOString().slice(0, 10)
					: null,
				implementedAt: demo.status === 'implemented' ? new Date(now.getTime() - 5 * DAY_MS) : null,
				implementationNote: demo.status === 'implemented' ? (demo.note ?? null) : null,
				realisedSavings: demo.realisedSavings ?? null,
				closedAt,
				voteCount: demo.voters?.length ?? 0,
				commentCount: demo.comments?.length ?? 0,
				updatedAt: now
			})
			.returning({ id: ideas.id });

		const events: (typeof ideaEvents.$inferInsert)[] = [
			{
				ideaId: idea.id,
				actorId: ids.person(demo.author),
				at: submittedAt,
				toStatus: 'awaiting_decision',
				note: 'Submitted'
			}
		];
		const decider = demo.decider ? ids.person(demo.decider) : null;
		if (demo.status === 'needs_info') {
			events.push({
				ideaId: idea.id,
				actorId: decider,
				at: decidedAt,
				fromStatus: 'awaiting_decision',
				toStatus: 'needs_info',
				note: demo.note
			});
		} else if (demo.status === 'rejected') {
			events.push({
				ideaId: idea.id,
				actorId: decider,
				at: decidedAt,
				fromStatus: 'awaiting_decision',
				toStatus: 'rejected',
				note: demo.note
			});
		} else if (demo.teamVoteOf) {
			events.push({
				ideaId: idea.id,
				actorId: null,
				at: decidedAt,
				fromStatus: 'awaiting_decision',
				toStatus: 'accepted',
				note: `Accepted by team vote: ${teamVoteTally(demo)}, by the deadline. The manager was told; a veto is possible for 48 hours.`
			});
		} else if (wasAccepted) {
			events.push({
				ideaId: idea.id,
				actorId: decider,
				at: decidedAt,
				fromStatus: 'awaiting_decision',
				toStatus: 'accepted',
				note: `${demo.owner} implements it.`
			});
			if (demo.status !== 'accepted') {
				events.push({
					ideaId: idea.id,
					actorId: decider,
					at: new Date(now.getTime() - 5 * DAY_MS),
					fromStatus: 'accepted',
					toStatus: demo.status,
					note: demo.note
				});
			}
		}
		await tx.insert(ideaEvents).values(events);
		const credited = { id: idea.id, authorId: ids.person(demo.author) };
		await awardPoints(tx, credited, 'submitted', { now: submittedAt });
		if (wasAccepted) await awardPoints(tx, credited, 'accepted', { now: decidedAt });
		if (demo.status === 'implemented') {
			await awardPoints(tx, credited, 'implemented', {
				realisedSavings: demo.realisedSavings ?? null,
				now
			});
			await accrueGainsharing(
				tx,
				{ id: idea.id, teamId: await ids.team(demo.team) },
				demo.realisedSavings ?? null,
				new Date(now.getTime() - 5 * DAY_MS)
			);
			await tx.insert(thanks).values({
				ideaId: idea.id,
				fromPersonId: decider ?? ids.person(demo.author),
				toPersonId: ids.person(demo.author),
				message: 'Thank you — small change, big difference on the line.',
				createdAt: now
			});
		}
		if (demo.status !== 'awaiting_decision') {
			await notify(
				tx,
				{
					recipientIds: [ids.person(demo.author)],
					ideaId: idea.id,
					kind: 'idea_decided',
					title: `${AUTHOR_MESSAGES[demo.status]}: ${demo.title}`,
					body: demo.note ?? 'Open the idea to see the details.',
					link: `/ideas/${idea.id}`
				},
				decidedAt
			);
		}
		if (demo.hasPhoto) {
			await tx.insert(ideaPhotos).values({
				ideaId: idea.id,
				contentType: 'image/png',
				byteSize: SHADOW_BOARD_PNG.length,
				bytes: SHADOW_BOARD_PNG
			});
		}
		if (demo.voters?.length) {
			await tx.insert(votes).values(
				demo.voters.map((name) => ({
					ideaId: idea.id,
					personId: ids.person(name),
					createdAt: submittedAt
				}))
			);
		}
		for (const [name, body] of demo.comments ?? []) {
			await tx.insert(comments).values({
				ideaId: idea.id,
				authorId: ids.person(name),
				body,
				createdAt: new Date(submittedAt.getTime() + HOUR_MS)
			});
		}
	}
}
