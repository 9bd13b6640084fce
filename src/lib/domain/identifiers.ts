/** E-mail addresses are compared case-insensitively, so they are kept lower-case. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** Employee numbers are kept upper-case, so "e1042" and "E1042" are the same person. */
export function normaliseEmployeeNumber(employeeNumber: string): string {
	return employeeNumber.trim().toUpperCase();
}

/** A sign-in identifier with an @ is an e-mail address; anything else is an employee number. */
export function parseSignInIdentifier(identifier: string): {
	kind: 'email' | 'employeeNumber';
	value: string;
} {
	return identifier.includes('@')
		? { kind: 'email', value: normaliseEmail(identifier) }
		: { kind: 'employeeNumber', value: normaliseEmployeeNumber(identifier) };
}
