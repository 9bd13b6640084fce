import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { findSimilarIdeas } from '$lib/server/ideas/similar';
import type { RequestHandler } from './$types';

/** Similar open ideas for a title being typed (JSON for the submit form). */
export const GET: RequestHandler = async ({ url }) => {
	const user = await requireUser();
	const text = (url.searchParams.get('q') ?? '').slice(0, 200);
	const ideas = await findSimilarIdeas(user, text);
	return json(
		ideas.map((idea) => ({
			id: idea.id,
			title: idea.title,
			voteCount: idea.voteCount,
			teamName: idea.teamName
		}))
	);
};
