import { describe, expect, it } from 'vitest';
import { describeTeamPeople, describeTeamPlacement } from '../../src/lib/domain/team-path';

describe('describeTeamPeople', () => {
	it('counts members and names the managers, if any', () => {
		expect(describeTeamPeople({ memberCount: 1, managerNames: [] })).toBe('1 member');
		expect(describeTeamPeople({ memberCount: 0, managerNames: ['Aiko Tanaka'] })).toBe(
			'0 members · managed by Aiko Tanaka'
		);
		expect(describeTeamPeople({ memberCount: 5, managerNames: ['Aiko', 'Kenji'] })).toBe(
			'5 members · managed by Aiko, Kenji'
		);
	});
});

describe('describeTeamPlacement', () => {
	it('names the teams above, or says it is at the top', () => {
		expect(describeTeamPlacement('Plant A/Assembly/Line 2')).toBe('Part of Plant A › Assembly');
		expect(describeTeamPlacement('Plant A')).toBe('A top-level team');
	});
});
