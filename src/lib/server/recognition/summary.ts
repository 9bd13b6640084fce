import type { Viewer } from '../ideas/access';
import { countMyIdeas } from '../ideas/detail';
import { getPointsSummary } from './points';
import { listThanksReceived } from './thanks';

/** A person's own page: points (the sum of their ledger), their ideas at a glance, and thanks. */
export async function getRecognition(person: Viewer) {
	const [points, ideaCounts, thanks] = await Promise.all([
		getPointsSummary(person.id),
		countMyIdeas(person.id),
		listThanksReceived(person.id)
	]);
	return { points, thanks, ideaCounts };
}
