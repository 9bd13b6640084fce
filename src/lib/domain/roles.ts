export const ROLES = ['employee', 'manager', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	employee: 'Employee',
	manager: 'Manager',
	hr: 'HR',
	admin: 'Administrator'
};

/** Where each role works; the home page sends a person to the first of their roles in this order. */
export const ROLE_HOMES: readonly { role: Role; path: string }[] = [
	{ role: 'manager', path: '/queue' },
	{ role: 'hr', path: '/insights' },
	{ role: 'admin', path: '/admin' },
	{ role: 'employee', path: '/ideas' }
];

/** Ideas are submitted by people with the Employee role (managers and HR usually have it too). */
export function canSubmitIdeas(roles: readonly Role[]): boolean {
	return roles.includes('employee');
}

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}

export function homePathFor(roles: readonly Role[]): string {
	return ROLE_HOMES.find((home) => roles.includes(home.role))?.path ?? '/account';
}
