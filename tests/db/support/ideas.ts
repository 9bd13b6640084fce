import type { DecisionInput, IdeaInput } from '../../../src/lib/domain/schemas';
import type { Role } from '../../../src/lib/domain/roles';
import { submitIdea } from '../../../src/lib/server/ideas/submit';
import { makePerson, makeTeam } from './factories';

/** A two-level organisation: a plant managed by Kenji, a line below it managed by Aiko. */
export async function makePlant() {
	const plant = await makeTeam('Plant');
	const line = await makeTeam('Line 1', plant.id);
	const otherLine = await makeTeam('Line 2', plant.id);
	const store = await makeTeam('Store');
	const kenji = await makePerson({
		name: 'Kenji',
		teamId: plant.id,
		roles: ['employee', 'manager'],
		manages: [plant.id]
	});
	const aiko = await makePerson({
		name: 'Aiko',
		teamId: line.id,
		roles: ['employee', 'manager'],
		manages: [line.id]
	});
	const marcus = await makePerson({
		name: 'Marcus',
		teamId: store.id,
		roles: ['employee', 'manager'],
		manages: [store.id]
	});
	const yuki = await makePerson({ name: 'Yuki', teamId: line.id });
	const daichi = await makePerson({ name: 'Daichi', teamId: line.id });
	const sam = await makePerson({ name: 'Sam', teamId: store.id });
	const hana = await makePerson({ name: 'Hana', teamId: store.id, roles: ['hr'] });
	return { plant, line, otherLine, store, kenji, aiko, marcus, yuki, daichi, sam, hana };
}

export function viewer(person: { id: string; homeTeamId: string }, roles: Role[] = ['employee']) {
	return { id: person.id, homeTeamId: person.homeTeamId, roles };
}

export function ideaInput(teamId: string, overrides: Partial<IdeaInput> = {}): IdeaInput {
	return {
		title: 'Move the torque wrenches next to station 4',
		problem: 'People walk to the tool board many times a shift.',
		proposal: 'Mount a shadow board at station 4.',
		benefitType: 'time',
		teamId,
		estimatedCost: 120,
		estimatedSavings: 2400,
		...overrides
	};
}

/** Submits an idea and returns its id (failing the test if submission fails). */
export async function submitTestIdea(
	author: { id: string; homeTeamId: string },
	overrides: Partial<IdeaInput> = {},
	now?: Date
): Promise<string> {
	const submitted = await submitIdea(
		viewer(author),
		ideaInput(author.homeTeamId, overrides),
		null,
		now
	);
	if (!submitted.ok) throw new Error(JSON.stringify(submitted.errors));
	return submitted.value.ideaId;
}

export const MANAGER_ROLES: Role[] = ['employee', 'manager'];

/** A decision-form factory: each test file sets its own defaults, each call its particulars. */
export function decisionsWith(defaults: Partial<DecisionInput> = {}) {
	return (overrides: Partial<DecisionInput> = {}): DecisionInput => ({
		to: 'accepted',
		expectedStatus: 'awaiting_decision',
		note: '',
		ownerId: '',
		targetDate: '',
		realisedSavings: null,
		...defaults,
		...overrides
	});
}
