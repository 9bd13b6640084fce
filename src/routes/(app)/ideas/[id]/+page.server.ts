import { error, redirect } from '@sveltejs/kit';
import { suggestedTargetDate } from '$lib/domain/deadline';
import { commentSchema, thanksSchema, vetoSchema } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { assumeUser, requireRole, requireUser } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { addComment, deleteComment } from '$lib/server/ideas/comments';
import { handleDecisionForm } from '$lib/server/decision-action';
import { getIdeaDetail } from '$lib/server/ideas/detail';
import { vetoSelfApproval } from '$lib/server/ideas/self-approval';
import { castVote } from '$lib/server/ideas/vote';
import { sendThanks } from '$lib/server/recognition/thanks';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, parent }) => {
	const user = await requireUser();
	const detail = await getIdeaDetail(user, params.id);
	if (!detail) error(404, 'There is no such idea, or it is not shared with you.');
	// The frame around the page has read the organisation's time zone already.
	const { timeZone } = await parent();
	return {
		detail,
		defaultTargetDate: suggestedTargetDate(new Date(), timeZone),
		justSubmitted: url.searchParams.has('submitted'),
		justAcceptedByTeam: url.searchParams.has('teamAccepted'),
		justVetoed: url.searchParams.has('vetoed')
	};
};

export const actions: Actions = {
	vote: async ({ params, request, url }) => {
		// The vote checks the session in its own statement, so this is one read instead of two.
		const voter = assumeUser();
		const wantsVote = (await request.formData()).get('vote') === 'on';
		const voted = await castVote(voter, params.id, wantsVote);
		if (!voted.ok) return invalid(voted.errors, {}, voted.status);
		redirect(303, voted.value.isAcceptedByTeam ? `${url.pathname}?teamAccepted` : url.pathname);
	},
	comment: async ({ params, request, url }) => {
		const user = await requireUser();
		const values = readForm(await request.formData(), ['body']);
		const parsed = parseInput(commentSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		const added = await addComment(user, params.id, parsed.value.body);
		if (!added.ok) return invalid(added.errors, values, added.status);
		redirect(303, `${url.pathname}#comments`);
	},
	deleteComment: async ({ request, url }) => {
		const user = await requireUser();
		const commentId = String((await request.formData()).get('commentId') ?? '');
		const deleted = await deleteComment(user, commentId);
		if (!deleted.ok) return invalid(deleted.errors, {}, deleted.status);
		redirect(303, `${url.pathname}#comments`);
	},
	thank: async ({ params, request, url }) => {
		const user = await requireUser();
		const values = readForm(await request.formData(), ['message']);
		const parsed = parseInput(thanksSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		const sent = await sendThanks(user, params.id, parsed.value.message);
		if (!sent.ok) return invalid(sent.errors, values, sent.status);
		redirect(303, `${url.pathname}#thanks`);
	},
	veto: async ({ params, request, url }) => {
		const user = await requireRole('manager');
		const values = readForm(await request.formData(), ['reason']);
		const parsed = parseInput(vetoSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, { ...values, action: 'veto' });
		const vetoed = await vetoSelfApproval(user, params.id, parsed.value.reason);
		if (!vetoed.ok) return invalid(vetoed.errors, { ...values, action: 'veto' }, vetoed.status);
		redirect(303, `${url.pathname}?vetoed`);
	},
	decide: async ({ request, url }) => {
		const user = await requireUser();
		const failure = await handleDecisionForm(user, await request.formData());
		if (failure) return failure;
		redirect(303, url.pathname);
	}
};
