import { describe, expect, it } from 'vitest';
import { navItemsFor } from '../../src/lib/domain/navigation';
import { safeRedirectPath } from '../../src/lib/domain/redirect';
import { homePathFor } from '../../src/lib/domain/roles';
import { isWithinTeam, parseTeamPath } from '../../src/lib/domain/team-path';
import { waitAfterFailures } from '../../src/lib/server/auth/rate-limit';

describe('where each role works', () => {
	it('sends each role to its home page, managers first for people with several roles', () => {
		expect(homePathFor(['employee'])).toBe('/ideas');
		expect(homePathFor(['employee', 'manager'])).toBe('/queue');
		expect(homePathFor(['hr'])).toBe('/insights');
		expect(homePathFor(['employee', 'admin'])).toBe('/admin');
		expect(homePathFor([])).toBe('/account');
	});

	it('shows only the navigation a person’s roles allow', () => {
		const labels = (roles: Parameters<typeof navItemsFor>[0]) =>
			navItemsFor(roles).map((item) => item.label);
		expect(labels(['employee'])).toEqual(['Ideas', 'Account']);
		expect(labels(['employee', 'manager'])).toEqual(['Ideas', 'Queue', 'Account']);
		expect(labels(['hr'])).toEqual(['Ideas', 'Insights', 'Account']);
		expect(labels(['admin'])).toEqual(['Ideas', 'Insights', 'Organisation', 'Account']);
	});
});

describe('safe redirects', () => {
	it('keeps same-site paths and refuses anything that leaves the site', () => {
		expect(safeRedirectPath('/queue?tab=accepted')).toBe('/queue?tab=accepted');
		for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', '', null]) {
			expect(safeRedirectPath(bad)).toBe('/');
		}
	});
});

describe('team paths', () => {
	it('parses paths, trimming names and refusing empty parts', () => {
		expect(parseTeamPath(' Plant A /Assembly/  Line  2 ')).toEqual([
			'Plant A',
			'Assembly',
			'Line 2'
		]);
		expect(parseTeamPath('Plant A//Line')).toBeNull();
		expect(parseTeamPath('')).toBeNull();
	});

	it('knows which teams lie within another', () => {
		expect(isWithinTeam(['A', 'B', 'C'], ['A', 'B'])).toBe(true);
		expect(isWithinTeam(['A', 'B'], ['A', 'B'])).toBe(true);
		expect(isWithinTeam(['A'], ['A', 'B'])).toBe(false);
		expect(isWithinTeam(['A', 'Bx'], ['A', 'B'])).toBe(false);
	});
});

describe('sign-in waits', () => {
	it('starts after the free failures, doubles, and stops at 15 minutes', () => {
		const policy = { freeFailures: 5 };
		const minutes = [4, 5, 6, 7, 8, 9, 10, 50].map((n) => waitAfterFailures(n, policy) / 60_000);
		expect(minutes).toEqual([0, 1, 2, 4, 8, 15, 15, 15]);
	});
});
