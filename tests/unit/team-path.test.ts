import { describe, expect, it } from 'vitest';
import {
	describeTeamPeople,
	describeTeamPlacement,
	matchTeamPaths,
	parentTeamPath,
	teamName,
	teamPathKey
} from '../../src/lib/domain/team-path';

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

describe('teamPathKey', () => {
	it('matches a path typed with either separator, in any case, with any spacing', () => {
		const key = teamPathKey('Plant A/Assembly Line');
		expect(teamPathKey('plant a › assembly  line')).toBe(key);
		expect(teamPathKey(' PLANT A /Assembly Line ')).toBe(key);
		expect(teamPathKey('Plant A › Assembly')).not.toBe(key);
		expect(teamPathKey('Plant A')).not.toBe(key);
	});
});

describe('matchTeamPaths and parentTeamPath', () => {
	const teams = ['Plant A', 'Plant A/Assembly', 'Plant A/Assembly/Line 2', 'Store/Bakery'].map(
		(path) => ({ path })
	);
	it('finds teams by a part of their path, typed either way', () => {
		const paths = (search: string) => matchTeamPaths(teams, search).map((team) => team.path);
		expect(paths('assembly')).toEqual(['Plant A/Assembly', 'Plant A/Assembly/Line 2']);
		expect(paths('a › assembly › line')).toEqual(['Plant A/Assembly/Line 2']);
		expect(paths('BAKERY')).toEqual(['Store/Bakery']);
		expect(paths('Kitchen')).toEqual([]);
	});
	it('names the team above, or none at the top', () => {
		expect(parentTeamPath('Plant A/Assembly/Line 2')).toBe('Plant A/Assembly');
		expect(parentTeamPath('Plant A')).toBeNull();
		expect(teamName('Plant A/Assembly/Line 2')).toBe('Line 2');
		expect(teamName('Plant A')).toBe('Plant A');
	});
});
