import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getIdeaPhoto } from '$lib/server/ideas/photos';
import type { RequestHandler } from './$types';

/** The idea's photo, only for people who may see the idea, with the type checked at upload. */
export const GET: RequestHandler = async ({ params }) => {
	const user = await requireUser();
	const photo = await getIdeaPhoto(user, params.id);
	if (!photo) error(404, 'There is no such photo.');
	return new Response(new Uint8Array(photo.bytes), {
		headers: {
			'content-type': photo.contentType,
			'cache-control': 'private, max-age=3600',
			'content-disposition': 'inline',
			'x-content-type-options': 'nosniff'
		}
	});
};
