import { describe, expect, it } from 'vitest';
import type { ApproverLevel } from '../../src/lib/domain/approval';
import { routeIdea, type TeamHierarchy } from '../../src/lib/server/ideas/routing';

// A group run by Olga, a plant by Kenji below it, a line by Aiko below that.
const hierarchy = (managersOf: Record<string, string[]>): TeamHierarchy => ({
	parentOf: new Map([
		['group', null],
		['plant', 'group'],
		['line', 'plant']
	]),
	managersOf: new Map(Object.entries(managersOf))
});
const usual = hierarchy({ group: ['olga'], plant: ['kenji'], line: ['aiko'] });

const teamsOf = (
	h: TeamHierarchy,
	authorId: string,
	approverLevel: ApproverLevel,
	teamId = 'line'
) => {
	const route = routeIdea(h, { teamId, authorId, approverLevel });
	return [route.deciderTeamId, route.escalationTeamId];
};

describe('the teams a route names, for the queue', () => {
	it('names the deciding team of each band and the team above it', () => {
		expect(teamsOf(usual, 'yuki', 'own_manager')).toEqual(['line', 'plant']);
		expect(teamsOf(usual, 'yuki', 'one_up')).toEqual(['plant', 'group']);
		expect(teamsOf(usual, 'yuki', 'two_up')).toEqual(['group', null]);
		expect(teamsOf(usual, 'yuki', 'top')).toEqual(['group', null]);
	});

	it('moves past an author who alone decides at their level: up, or down from the top', () => {
		expect(teamsOf(usual, 'aiko', 'own_manager')).toEqual(['plant', 'group']);
		expect(teamsOf(usual, 'olga', 'top', 'plant')).toEqual(['plant', null]);
	});

	it('counts a manager of two levels at the nearer one only', () => {
		const kenjiTwice = hierarchy({ group: ['olga'], plant: ['kenji'], line: ['kenji'] });
		expect(teamsOf(kenjiTwice, 'yuki', 'own_manager')).toEqual(['line', 'group']);
		expect(teamsOf(kenjiTwice, 'yuki', 'one_up')).toEqual(['group', null]);
	});

	it('names nobody when no team above has a manager', () => {
		expect(teamsOf(hierarchy({}), 'yuki', 'own_manager')).toEqual([null, null]);
	});
});
