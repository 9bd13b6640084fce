import { requireRole } from '$lib/server/auth/guards';
import { isMailConfigured } from '$lib/server/notify/mailer';
import {
	countOutboxByStatus,
	listOutbox,
	OUTBOX_STATUSES,
	type OutboxFilter
} from '$lib/server/notify/outbox';
import type { PageServerLoad } from './$types';

const LIST_LIMIT = 100;

export const load: PageServerLoad = async ({ url }) => {
	await requireRole('admin');
	const statusParam = url.searchParams.get('status');
	const status: OutboxFilter = OUTBOX_STATUSES.find((value) => value === statusParam) ?? 'all';
	const [emails, counts] = await Promise.all([
		listOutbox({ status, limit: LIST_LIMIT }),
		countOutboxByStatus()
	]);
	return { emails, counts, status, limit: LIST_LIMIT, isMailConfigured: isMailConfigured() };
};
