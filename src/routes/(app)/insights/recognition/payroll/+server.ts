import { requireRole } from '$lib/server/auth/guards';
import { gainsharingPayrollCsv } from '$lib/server/recognition/hr-overview';
import type { RequestHandler } from './$types';

/** The gainsharing payroll file for one four-week period: /insights/recognition/payroll?period=… */
export const GET: RequestHandler = async ({ url }) => {
	await requireRole('hr', 'admin');
	const { periodStart, csv } = await gainsharingPayrollCsv(url.searchParams.get('period'));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="teian-gainsharing-payroll-${periodStart}.csv"`
		}
	});
};
