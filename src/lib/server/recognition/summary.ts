import type { Viewer } from '../ideas/access';
import { listMyIdeas } from '../ideas/detail';
import { getPointsSummary } from './points';
import { listThanksReceived } from './thanks';

/** A person's own page: points (the sum of their ledger), their ideas at a glance, and thanks. */
export async function getRecognition(person: Viewer) {
	const [points, ideas, thanks] = await Promise.all([
		getPointsSummary(person.id),
		listMyIdeas(person),
		listThanksReceived(person.id)
	]);
	const countOf = (statuses: string[]) =>
		ideas.filter((idea) => statuses.includes(idea.status)).length;
	return {
		points,
		thanks,
		ideaCounts: {
			submitted: ideas.length,
			accepted: countOf(['accepted', 'implemented']),
			implemented: countOf(['implemented'])
		}
	};
}
