import type { Role } from './roles';

export interface NavItem {
	href: string;
	label: string;
	icon: 'ideas' | 'queue' | 'insights' | 'admin' | 'account';
	/** Any one of these roles shows the item; an empty list shows it to everyone signed in. */
	roles: Role[];
}

const NAV_ITEMS: NavItem[] = [
	{ href: '/ideas', label: 'Ideas', icon: 'ideas', roles: [] },
	{ href: '/queue', label: 'Queue', icon: 'queue', roles: ['manager'] },
	{ href: '/insights', label: 'Insights', icon: 'insights', roles: ['hr', 'admin'] },
	{ href: '/admin', label: 'Organisation', icon: 'admin', roles: ['admin'] },
	{ href: '/account', label: 'Account', icon: 'account', roles: [] }
];

/** The navigation a person sees: only what their roles let them open. */
export function navItemsFor(roles: readonly Role[]): NavItem[] {
	return NAV_ITEMS.filter(
		(item) => item.roles.length === 0 || item.roles.some((role) => roles.includes(role))
	);
}
