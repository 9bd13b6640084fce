import { describe, expect, inject, it } from 'vitest';
import { request, type Who } from './support/http';
import type { E2eRole } from './support/people';

const PAGES = [
	'/ideas',
	'/queue',
	'/insights',
	'/account',
	'/admin',
	'/admin/people',
	'/admin/people/new',
	'/admin/teams',
	'/admin/import',
	'/admin/settings'
] as const;

type RoleUnderTest = Extract<E2eRole, 'employee' | 'manager' | 'hr' | 'admin'>;

// 200 = may open, 403 = signed in but not allowed. Anonymous visitors are sent to sign in.
const ALLOWED: Record<RoleUnderTest, (typeof PAGES)[number][]> = {
	employee: ['/ideas', '/account'],
	manager: ['/ideas', '/queue', '/account'],
	hr: ['/ideas', '/insights', '/account'],
	admin: [
		'/ideas',
		'/insights',
		'/account',
		'/admin',
		'/admin/people',
		'/admin/people/new',
		'/admin/teams',
		'/admin/import',
		'/admin/settings'
	]
};
const HOME: Record<RoleUnderTest, string> = {
	employee: '/ideas',
	manager: '/queue',
	hr: '/insights',
	admin: '/admin'
};

describe('page access', () => {
	it('sends anonymous visitors to sign in, coming back afterwards', async () => {
		for (const path of ['/', ...PAGES]) {
			const response = await request('anonymous', path);
			expect(response.status, path).toBe(303);
			const expected =
				path === '/' ? '/sign-in' : `/sign-in?redirectTo=${encodeURIComponent(path)}`;
			expect(response.headers.get('location'), path).toBe(expected);
		}
	});

	for (const role of Object.keys(ALLOWED) as RoleUnderTest[]) {
		it(`lets ${role} open exactly their pages`, async () => {
			const home = await request(role, '/');
			expect(home.status).toBe(303);
			expect(home.headers.get('location')).toBe(HOME[role]);
			for (const path of PAGES) {
				const response = await request(role, path);
				const expected = ALLOWED[role].includes(path) ? 200 : 403;
				expect(response.status, `${role} ${path}`).toBe(expected);
			}
		});
	}
});

describe('HR exports', () => {
	it('give HR and administrators the CSV files, and nobody else', async () => {
		for (const file of ['teams.csv', 'weeks.csv']) {
			const path = `/insights/export/${file}?period=52w`;
			const hr = await request('hr', path);
			expect(hr.status, file).toBe(200);
			expect(hr.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(hr.headers.get('content-disposition')).toMatch(/^attachment; filename="teian-/);
			expect((await hr.text()).split('\r\n')[0]).toMatch(/^(Team,People|Week starting),/);
			expect((await request('admin', path)).status).toBe(200);
			expect((await request('employee', path)).status).toBe(403);
			expect((await request('manager', path)).status).toBe(403);
			expect((await request('anonymous', path)).status).toBe(303);
		}
		expect((await request('hr', '/insights/export/people.csv')).status).toBe(404);
	});
});

describe('action access', () => {
	const createTeam = (who: Who, name: string) =>
		request(who, '/admin/teams?/create', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ name, parentId: '' })
		});
	const teamsPage = async () => (await request('admin', '/admin/teams')).text();

	it('refuses admin actions to everyone but administrators, changing nothing', async () => {
		expect((await createTeam('anonymous', 'Sneaky Anonymous')).status).toBe(303);
		for (const role of ['employee', 'manager', 'hr'] as const) {
			expect((await createTeam(role, `Sneaky ${role}`)).status, role).toBe(403);
		}
		expect(await teamsPage()).not.toContain('Sneaky');
	});

	it('lets an administrator create a team, and answers bad input with 400 and a message', async () => {
		const created = await createTeam('admin', 'Night Shift');
		expect(created.status).toBe(303);
		expect(await teamsPage()).toContain('Night Shift');

		const bad = await createTeam('admin', 'Slash/Name');
		expect(bad.status).toBe(400);
		expect(await teamsPage()).not.toContain('Slash/Name');
	});

	it('refuses a cross-site form post (CSRF)', async () => {
		const response = await fetch(`${inject('baseUrl')}/admin/teams?/create`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: 'https://evil.example',
				accept: 'text/html',
				cookie: `teian_session=${inject('sessionTokens').admin}`,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ name: 'Evil Team', parentId: '' })
		});
		expect(response.status).toBe(403);
		expect(await teamsPage()).not.toContain('Evil Team');
	});

	it('sends security headers and an HttpOnly, SameSite=Lax session cookie', async () => {
		const response = await request('employee', '/ideas');
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		const cookie = response.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/^teian_session=/);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
	});
});
