import { describe, expect, inject, it } from 'vitest';
import { postForm, request, type Who } from './support/http';

// Everyone the access rules tell apart, for Yuki's idea on Assembly Line 1 (awaiting a decision).
const PERSONAS = {
	anonymous: 'anonymous',
	author: 'shopFloor',
	colleague: 'shopFloorColleague',
	otherTeamEmployee: 'employee',
	manager: 'lineManager',
	otherTeamManager: 'storeManager',
	managerAbove: 'manager',
	hr: 'hr',
	admin: 'admin'
} as const satisfies Record<string, Who>;
type Persona = keyof typeof PERSONAS;

const ideaId = () => inject('demoIdeas')['Move the torque wrenches next to station 4'];
const all = Object.keys(PERSONAS) as Persona[];
const signedIn = all.filter((persona) => persona !== 'anonymous');

/** Expected status per persona; anonymous is always sent to sign in (303). */
function expectStatuses(allowed: Persona[], allowedStatus: number, refusedStatus = 403) {
	return Object.fromEntries(
		all.map((persona) => [
			persona,
			persona === 'anonymous' ? 303 : allowed.includes(persona) ? allowedStatus : refusedStatus
		])
	);
}

async function statuses(send: (who: Who) => Promise<Response>) {
	const result: Record<string, number> = {};
	for (const persona of all) result[persona] = (await send(PERSONAS[persona])).status;
	return result;
}

describe('who may see and do what with an idea', () => {
	it('lets everyone signed in read the idea and its photo (organisation-wide visibility)', async () => {
		expect(await statuses((who) => request(who, `/ideas/${ideaId()}`))).toEqual(
			expectStatuses(signedIn, 200)
		);
		expect(await statuses((who) => request(who, `/ideas/${ideaId()}/photo`))).toEqual(
			expectStatuses(signedIn, 200)
		);
		const photo = await request('employee', `/ideas/${ideaId()}/photo`);
		expect(photo.headers.get('content-type')).toBe('image/png');
	});

	it('lets only the author edit', async () => {
		expect(await statuses((who) => request(who, `/ideas/${ideaId()}/edit`))).toEqual(
			expectStatuses(['author'], 200)
		);
		expect(
			await statuses((who) => postForm(who, `/ideas/${ideaId()}/edit`, { title: '' }))
		).toEqual(expectStatuses(['author'], 400));
	});

	it('lets everyone but the author vote', async () => {
		const vote = (who: Who, on: boolean) =>
			postForm(who, `/ideas/${ideaId()}?/vote`, { vote: on ? 'on' : 'off' });
		expect(await statuses((who) => vote(who, true))).toEqual(
			expectStatuses(
				signedIn.filter((p) => p !== 'author'),
				303
			)
		);
		for (const persona of signedIn) await vote(PERSONAS[persona], false);
	});

	it('lets everyone who reads it comment', async () => {
		expect(
			await statuses((who) => postForm(who, `/ideas/${ideaId()}?/comment`, { body: '' }))
		).toEqual(expectStatuses(signedIn, 400));
	});

	it('lets only managers of the team or above decide — not HR, admin or another team’s manager', async () => {
		// A reject without a reason: permitted people get 400 (the reason is missing), nothing changes.
		const decide = (who: Who) =>
			postForm(who, `/ideas/${ideaId()}?/decide`, {
				ideaId: ideaId(),
				to: 'rejected',
				expectedStatus: 'awaiting_decision',
				note: ''
			});
		expect(await statuses(decide)).toEqual(expectStatuses(['manager', 'managerAbove'], 400));
		const queue = (who: Who) =>
			postForm(who, '/queue?/decide', {
				ideaId: ideaId(),
				to: 'rejected',
				expectedStatus: 'awaiting_decision',
				note: ''
			});
		expect(await statuses(queue)).toEqual(expectStatuses(['manager', 'managerAbove'], 400));
		const page = await request('admin', `/ideas/${ideaId()}`);
		expect(await page.text()).toContain('Awaiting decision');
	});

	it('opens the queue to managers only, and the other pages to everyone signed in', async () => {
		expect(await statuses((who) => request(who, '/queue'))).toEqual(
			expectStatuses(['manager', 'otherTeamManager', 'managerAbove'], 200)
		);
		expect(await statuses((who) => request(who, '/teams'))).toEqual(
			expectStatuses(['manager', 'otherTeamManager', 'managerAbove', 'admin'], 200)
		);
		for (const path of ['/insights/recognition', '/insights/recognition/payroll']) {
			expect(await statuses((who) => request(who, path)), path).toEqual(
				expectStatuses(['hr', 'admin'], 200)
			);
		}
		expect(
			await statuses((who) => postForm(who, '/admin/settings?/bands', { topApproverLevel: 'x' }))
		).toEqual(expectStatuses(['admin'], 400));
		// A post that names no form on a page of several: SvelteKit finds no such action (404), not
		// a server error.
		expect((await postForm('admin', '/admin/settings', { name: 'x' })).status).toBe(404);
		expect((await postForm('employee', `/ideas/${ideaId()}`, { body: 'x' })).status).toBe(404);
		for (const path of [
			'/ideas',
			'/ideas/mine',
			'/ideas/new',
			'/ideas/wall',
			'/recognition',
			'/notifications'
		]) {
			expect(await statuses((who) => request(who, path)), path).toEqual(
				expectStatuses(signedIn, 200)
			);
		}
	});
});
